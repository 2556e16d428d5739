package org.jgpuarray.spi.gpu;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.jgpuarray.device.DeviceInfo;
import org.jgpuarray.device.DeviceTimer;
import org.jgpuarray.device.ProgramCacheStatistics;
import org.jgpuarray.device.UnsupportedCapabilityException;
import org.jgpuarray.kernels.Dialect;
import org.jgpuarray.kernels.ElementwiseSpec;
import org.jgpuarray.kernels.ReductionSpec;
import org.jgpuarray.kernels.ScalarType;
import org.jgpuarray.kernels.ScanSpec;
import org.jgpuarray.kernels.c.CSource;
import org.jgpuarray.kernels.c.CSourceGenerator;
import org.jgpuarray.kernels.c.KernelLayout;
import org.jgpuarray.spi.BackendDevice;
import org.jgpuarray.spi.BackendStream;
import org.jgpuarray.spi.CompiledElementwise;
import org.jgpuarray.spi.CompiledReduction;
import org.jgpuarray.spi.CompiledScan;
import org.jgpuarray.spi.DeviceBuffer;
import org.jgpuarray.spi.HostArray;
import org.jgpuarray.spi.PinnedMemory;
import org.jgpuarray.spi.RawProgram;

/**
 * A device of a backend that compiles C sources: everything such backends share, written once over a
 * {@link GpuDriver} that supplies what differs. Generated kernels are built from their specs in the
 * driver's dialect through the {@link ProgramCache} (in memory and on disk), with block sizes that fit the
 * device and the kernel; launches bind the spec's arguments, size their grids for the device
 * ({@link LaunchGeometry}) and reuse scratch memory; raw programs are checked against the device's
 * limits before they launch.
 *
 * <p>Threads: every call into the driver runs under one lock, the device's, so the device may be used
 * from any number of threads (each driver entry point makes its context current on the calling thread).
 * A generated reduction or scan (several launches that share scratch memory) and a library call
 * ({@link #exclusive}) hold the lock throughout. {@link #close()} takes the lock too: it waits for the call
 * in progress, and every later call throws {@link IllegalStateException}.
 *
 * <p>Streams: each is a queue of the driver ({@link GpuDriver#createQueue()}), a {@link Lane} with its own
 * scratch memory and its own bound on queued work, so that two queues running at once never share a partials
 * buffer. A thread's selected lane is kept in a thread-local ({@link #select}); a call switches the driver's
 * queue ({@link GpuDriver#select}) only when the thread's lane differs from the last call's. Blocking copies
 * wait for the selected queue only; {@link #synchronize()} waits for every queue. A stream's or an event's
 * {@code synchronize} waits for a marker without the lock ({@link #awaitUnlocked}), so other threads keep
 * using the device meanwhile; {@link #close()} lets such waits end before it releases anything.
 *
 * <p>Queued work is bounded per queue ({@link QueueBound}): after {@value QueueBound#COMMANDS} commands, or after
 * {@value QueueBound#FREED_BYTES} bytes were freed while commands may still use them (drivers such as
 * PoCL keep a freed buffer until the commands that use it have run), the device waits for the work queued
 * before the previous such point ({@link GpuDriver#throttle()}), so the host cannot run ahead of the device
 * without limit.
 */
public final class GpuDevice implements BackendDevice {
    private static final AtomicLong CREATED = new AtomicLong();

    private final GpuDriver driver;
    private final ProgramCache programs;
    private final LaunchGeometry geometry;
    private final Object lock = new Object();
    /** Pinned memory allocated and not yet released; guarded by {@link #lock}. */
    private final Set<GpuPinned> pinned = new LinkedHashSet<>();
    private final Lane ownLane;
    /** Lanes created by {@link #newStream()} and not yet closed; under the lock. */
    private final List<Lane> lanes = new ArrayList<>();
    /** Events recorded and not yet closed, released when the device closes; under the lock. */
    private final Set<LaneEvent> events = new HashSet<>();
    private final ThreadLocal<Lane> selected;
    /** The lane the driver's selected queue belongs to; null when none was selected yet; under the lock. */
    private Lane active;
    /** Creation order, which fixes the order of taking two devices' locks for a copy between them. */
    private final long order = CREATED.incrementAndGet();
    private volatile boolean closed;
    /** Threads waiting for a marker without the lock ({@link #awaitUnlocked}); under the lock. */
    private int unlockedWaits;

    /**
     * @param driver the device's native half; closed with this device
     * @param cache  where compiled programs are kept on disk
     * @param folder the backend's folder name under the cache root, e.g. {@code opencl}
     */
    public GpuDevice(GpuDriver driver, CacheSettings cache, String folder) {
        this.driver = Objects.requireNonNull(driver, "driver");
        this.programs = new ProgramCache(driver, cache.folder(folder)
                .map(dir -> new DiskCache(dir, cache.maxBytes())).orElse(null));
        this.geometry = new LaunchGeometry(driver.info(), driver.limits());
        this.ownLane = new Lane(this, driver, ownQueue(driver), true);
        this.selected = ThreadLocal.withInitial(() -> ownLane);
    }

    private static GpuQueue ownQueue(GpuDriver driver) {
        try {
            return driver.ownQueue();
        } catch (UnsupportedCapabilityException none) {
            return null; // a driver without queue objects: one lane, the device as a whole
        }
    }

    @Override
    public DeviceInfo info() {
        return driver.info();
    }

    @Override
    public Dialect dialect() {
        return driver.dialect();
    }

    /** The launch limits of the device. */
    public LaunchLimits limits() {
        return driver.limits();
    }

    /**
     * Allocates {@code count} elements of {@code type}.
     *
     * @throws IllegalArgumentException for a negative or overflowing count
     */
    @Override
    public DeviceBuffer allocate(ScalarType type, long count) {
        Objects.requireNonNull(type, "type");
        if (count < 0 || count > Long.MAX_VALUE / type.byteSize()) {
            throw new IllegalArgumentException("cannot allocate " + count + " elements of " + type.numpyName());
        }
        return run(() -> driver.allocate(count * type.byteSize()));
    }

    /** Frees the buffer under the device's lock; ignored once the device is closed (closing freed it). */
    @Override
    public void free(DeviceBuffer buffer) {
        synchronized (lock) {
            if (!closed) {
                buffer.release();
                enter(selected.get());
                active.bound().freed(buffer.byteSize());
            }
        }
    }

    /** Runs {@code work} under the device's lock, after checking the device is open. */
    @Override
    public <T> T exclusive(Supplier<T> work) {
        return run(work);
    }

    /** A blocking write: the device has run everything queued before it (in-order queues) when it returns. */
    @Override
    public void copyFromHost(HostArray src, int srcOffset, DeviceBuffer dst, long dstByteOffset, int count) {
        run(() -> {
            driver.write(src, srcOffset, dst, dstByteOffset, count);
            active.bound().drained();
        });
    }

    /** A blocking read, after the work queued before it. */
    @Override
    public void copyToHost(DeviceBuffer src, long srcByteOffset, HostArray dst, int dstOffset, int count) {
        run(() -> {
            driver.read(src, srcByteOffset, dst, dstOffset, count);
            active.bound().drained();
        });
    }

    @Override
    public void copyOnDevice(DeviceBuffer src, long srcByteOffset, DeviceBuffer dst, long dstByteOffset, long bytes) {
        run(() -> {
            driver.copy(src, srcByteOffset, dst, dstByteOffset, bytes);
            active.bound().enqueued();
        });
    }

    /**
     * Peer to peer where the driver can reach {@code target}'s driver; both devices are locked meanwhile, in
     * the order of their creation, so that two copies in opposite directions cannot deadlock.
     */
    @Override
    public boolean copyToPeer(DeviceBuffer src, long srcByteOffset, BackendDevice target, DeviceBuffer dst,
                              long dstByteOffset, long bytes) {
        if (!(target instanceof GpuDevice other) || other == this) {
            return false;
        }
        GpuDevice first = order < other.order ? this : other;
        GpuDevice second = first == this ? other : this;
        synchronized (first.lock) {
            synchronized (second.lock) {
                ensureOpen();
                other.ensureOpen();
                enter(selected.get());
                other.enter(other.selected.get());
                boolean copied = driver.copyToPeer(src, srcByteOffset, other.driver, dst, dstByteOffset, bytes);
                if (copied) {
                    // counted on both queues, as a copy on either device would be (QueueBound)
                    active.bound().enqueued();
                    other.active.bound().enqueued();
                }
                return copied;
            }
        }
    }

    /**
     * Builds an elementwise kernel.
     *
     * @throws org.jgpuarray.device.UnsupportedCapabilityException when it uses float64 and the device has no fp64
     * @throws org.jgpuarray.device.KernelCompilationException     with the compiler's log when it does not compile
     */
    @Override
    public CompiledElementwise compile(ElementwiseSpec spec) {
        Fp64Requirement.check(Fp64Requirement.needs(spec), info().fp64(), spec.name(), info().name());
        CSource source = CSourceGenerator.elementwise(spec, dialect());
        List<GpuKernel> kernels = build(spec.name(), source, List.of());
        return new GpuElementwise(this, spec.name(), spec.arguments(), kernels.get(0));
    }

    /**
     * Builds a two-stage reduction, or a segmented one ({@link GpuSegmentedReduction}); throws as
     * {@link #compile(ElementwiseSpec)}.
     */
    @Override
    public CompiledReduction compile(ReductionSpec spec) {
        Fp64Requirement.check(Fp64Requirement.needs(spec), info().fp64(), spec.name(), info().name());
        CSource source = CSourceGenerator.reduction(spec, dialect());
        int bytes = spec.outputType().byteSize();
        Blocked built = buildBlocked(spec.name(), source, geometry.block(bytes, 1), List.of());
        GpuKernel cpuShape = built.kernels().size() > 2 ? built.kernels().get(2) : null; // OpenCL only
        if (spec.segmented()) {
            return new GpuSegmentedReduction(this, spec.name(), spec.arguments(), built.kernels().get(0),
                    built.kernels().get(1), cpuShape, built.block(), bytes);
        }
        return new GpuReduction(this, spec.name(), spec.arguments(), built.kernels().get(0), built.kernels().get(1),
                cpuShape, built.block(), bytes);
    }

    /** Builds a tiled scan; throws as {@link #compile(ElementwiseSpec)}. */
    @Override
    public CompiledScan compile(ScanSpec spec) {
        Fp64Requirement.check(Fp64Requirement.needs(spec), info().fp64(), spec.name(), info().name());
        CSource source = CSourceGenerator.scan(spec, dialect());
        int bytes = spec.type().byteSize();
        int items = geometry.scanItems(bytes);
        List<String> itemsOption = items == KernelLayout.SCAN_ITEMS ? List.of() : List.of("-DJGA_ITEMS=" + items);
        Blocked built = buildBlocked(spec.name(), source, geometry.block(bytes, items), itemsOption);
        return new GpuScan(this, built.kernels().get(0), built.kernels().get(1), built.kernels().get(2), spec.inclusive(),
                bytes, built.block(), items);
    }

    /**
     * Builds hand-written source of the device's dialect (through the program cache).
     *
     * @throws org.jgpuarray.device.KernelCompilationException with the compiler's log when it does not compile
     */
    @Override
    public RawProgram compileProgram(String name, String source, List<String> options) {
        Objects.requireNonNull(source, "source");
        GpuProgram program = run(() -> programs.get(name, source, List.copyOf(options), List.of()));
        return new GpuRawProgram(this, name, program);
    }

    /** The driver's libraries (cuBLAS, cuFFT, cuRAND); empty after close. */
    @Override
    public <T> Optional<T> library(Class<T> kind) {
        if (closed) {
            return Optional.empty();
        }
        return run(() -> driver.library(kind, this));
    }

    /** {@link ProgramCacheStatistics} (a snapshot), or the driver's own features. */
    @Override
    public <T> Optional<T> unwrap(Class<T> feature) {
        if (feature == ProgramCacheStatistics.class) {
            return Optional.of(feature.cast(programs.statistics()));
        }
        return driver.unwrap(feature);
    }

    @Override
    public void synchronize() {
        run(this::waitForDriver);
    }

    /**
     * A stream on a queue of its own ({@link GpuDriver#createQueue()}), with its own scratch memory.
     *
     * @throws UnsupportedCapabilityException where the driver has no queues besides its own
     */
    @Override
    public BackendStream newStream() {
        return run(() -> {
            Lane lane = new Lane(this, driver, driver.createQueue(), false);
            lanes.add(lane);
            return lane;
        });
    }

    /** The lane of the driver's own queue. */
    @Override
    public BackendStream defaultStream() {
        return ownLane;
    }

    /**
     * Makes {@code stream} (a lane of this device; null: the own lane) the calling thread's; the driver's
     * queue follows at the thread's next call.
     *
     * @throws IllegalArgumentException for a stream of another device
     * @throws IllegalStateException    for a closed stream
     */
    @Override
    public void select(BackendStream stream) {
        if (stream == null) {
            selected.set(ownLane);
            return;
        }
        if (!(stream instanceof Lane lane) || lane.device() != this) {
            throw new IllegalArgumentException("the stream belongs to another device than '" + info().name() + "'");
        }
        synchronized (lock) {
            lane.ensureOpen();
        }
        selected.set(lane);
    }

    /** The driver's timer, stopped and closed under the device's lock (it reads the driver's queue state). */
    @Override
    public DeviceTimer startTimer() {
        DeviceTimer timer = run(driver::startTimer);
        return new DeviceTimer() {
            @Override
            public long stopNanos() {
                return run(timer::stopNanos);
            }

            @Override
            public void close() {
                synchronized (lock) {
                    if (!closed) {
                        timer.close();
                    }
                }
            }
        };
    }

    /** Frees the libraries, the programs, scratch memory and every buffer, then the device. Idempotent. */
    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            try {
                letUnlockedWaitsEnd();
                releaseAllPinned();
                driver.closeLibraries();
                programs.releaseAll();
                for (LaneEvent e : events) {
                    e.release();
                }
                events.clear();
                for (Lane lane : lanes) {
                    lane.release();
                }
                lanes.clear();
                ownLane.release();
            } finally {
                driver.close();
            }
        }
    }

    // ---- pinned memory and asynchronous copies ---------------------------------------------------

    /**
     * Allocates through the driver under the device's lock; the device tracks the memory and frees it on
     * close if the core has not.
     */
    @Override
    public PinnedMemory allocatePinned(long bytes) {
        return run(() -> {
            GpuPinned memory = new GpuPinned(this, driver.allocatePinned(bytes));
            pinned.add(memory);
            return memory;
        });
    }

    /**
     * Enqueues {@link GpuDriver#writeAsync} in the selected queue, counted in the queue bound, which also keeps
     * {@code src} reachable until the device has passed the copy (a synchronisation or a later throttle point).
     */
    @Override
    public void copyFromHostAsync(HostArray src, int srcOffset, DeviceBuffer dst, long dstByteOffset, int count) {
        run(() -> {
            driver.writeAsync(src, srcOffset, dst, dstByteOffset, count);
            active.bound().enqueued(src);
        });
    }

    /** Enqueues {@link GpuDriver#readAsync}; {@code dst} is kept reachable as in {@link #copyFromHostAsync}. */
    @Override
    public void copyToHostAsync(DeviceBuffer src, long srcByteOffset, HostArray dst, int dstOffset, int count) {
        run(() -> {
            driver.readAsync(src, srcByteOffset, dst, dstOffset, count);
            active.bound().enqueued(dst);
        });
    }

    /** Frees {@code memory} once; nothing after the device closed (closing freed it). */
    void releasePinned(GpuPinned memory) {
        synchronized (lock) {
            if (!closed && pinned.remove(memory)) {
                memory.free();
            }
        }
    }

    /**
     * Registers a wait for {@code marker} that {@link #awaitUnlocked} will do; the caller holds the lock and
     * has checked the device is open. Until the wait ends, {@link #close()} releases nothing.
     */
    GpuMarker beginUnlockedWait(GpuMarker marker) {
        unlockedWaits++;
        return marker;
    }

    /**
     * Waits for a marker registered by {@link #beginUnlockedWait} without holding the device's lock (the
     * drivers' marker waits are safe beside other calls of the driver, as both CUDA and OpenCL allow), then
     * runs {@code after} under the lock, also when the wait failed. {@code after} may find the device closing:
     * the driver is still open then.
     */
    void awaitUnlocked(GpuMarker marker, Runnable after) {
        try {
            marker.synchronize();
        } finally {
            synchronized (lock) {
                try {
                    after.run();
                } finally {
                    if (--unlockedWaits == 0) {
                        lock.notifyAll();
                    }
                }
            }
        }
    }

    /** True once {@link #close()} began; read under the lock by {@link #awaitUnlocked}'s {@code after}. */
    boolean isClosing() {
        return closed;
    }

    /** Closing: waits until no thread waits for a marker without the lock; holds the lock (the waits need it). */
    private void letUnlockedWaitsEnd() {
        if (unlockedWaits == 0) {
            return;
        }
        try {
            driver.synchronize(); // the markers waited for complete
        } catch (RuntimeException broken) {
            System.getLogger("org.jgpuarray").log(System.Logger.Level.DEBUG,
                    "closing a device that cannot wait for its work", broken);
        }
        boolean interrupted = false;
        while (unlockedWaits > 0) {
            try {
                lock.wait();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Frees the pinned memory the core has not (the device is closing; its queue has been waited for). */
    private void releaseAllPinned() {
        if (!pinned.isEmpty()) {
            try {
                driver.synchronize();
            } catch (RuntimeException broken) {
                // a broken device runs none of its queued work, so no copy touches the memory any more
                System.getLogger("org.jgpuarray").log(System.Logger.Level.DEBUG,
                        "freeing pinned memory of a device that cannot wait for its work", broken);
            }
        }
        for (GpuPinned memory : pinned) {
            memory.free();
        }
        pinned.clear();
    }

    LaunchGeometry geometry() {
        return geometry;
    }

    /** The scratch memory of the selected queue; the caller holds the lock (runs inside {@link #run}). */
    Scratch scratch() {
        return active.scratch();
    }

    /** Enqueues a kernel and counts it; the caller holds the lock (runs inside {@link #run}). */
    void launch(GpuKernel kernel, long[] grid, long[] block, long sharedBytes, Object[] args) {
        kernel.launch(grid, block, sharedBytes, args);
        active.bound().enqueued();
    }

    /**
     * Runs a driver call under the device's lock, after checking the device is open, with the calling thread's
     * queue selected.
     */
    <T> T run(Supplier<T> call) {
        Lane lane = selected.get();
        synchronized (lock) {
            ensureOpen();
            enter(lane);
            return call.get();
        }
    }

    void run(Runnable call) {
        Lane lane = selected.get();
        synchronized (lock) {
            ensureOpen();
            enter(lane);
            call.run();
        }
    }

    /** Selects {@code lane}'s queue in the driver unless it is selected already; holds the lock. */
    private void enter(Lane lane) {
        if (lane != active) {
            lane.ensureOpen();
            if (lane.queue() != null) {
                driver.select(lane.queue());
            }
            active = lane;
        }
    }

    /** Waits for every queue; holds the lock. */
    void waitForDriver() {
        driver.synchronize();
        ownLane.bound().drained();
        for (Lane lane : lanes) {
            lane.bound().drained();
        }
    }

    /** Waits for the lane's queue, then releases it with its scratch memory. */
    void closeLane(Lane lane) {
        synchronized (lock) {
            if (closed || lane.isClosed()) {
                return;
            }
            lane.queue().synchronize();
            lane.release();
            lanes.remove(lane);
            if (active == lane) {
                active = null;
            }
        }
    }

    /** Keeps an event until it is closed, or the device is; holds the lock. */
    LaneEvent track(LaneEvent event) {
        events.add(event);
        return event;
    }

    /** Releases an event (idempotent); nothing to do once the device closed, which released it. */
    void untrack(LaneEvent event) {
        synchronized (lock) {
            if (!closed && events.remove(event)) {
                event.release();
            }
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the " + info().backend() + " device '" + info().name() + "' is closed");
        }
    }

    private List<GpuKernel> build(String name, CSource source, List<String> options) {
        return run(() -> {
            GpuProgram program = programs.get(name, source.source(), options, source.kernelNames());
            List<GpuKernel> kernels = new ArrayList<>();
            for (String kernel : source.kernelNames()) {
                kernels.add(program.kernel(kernel).orElseThrow(() -> new IllegalStateException(
                        "the generated program of '" + name + "' lacks its kernel '" + kernel + "'")));
            }
            return kernels;
        });
    }

    private record Blocked(List<GpuKernel> kernels, int block) {
    }

    /**
     * Builds with {@code block} ({@code -DJGA_BLOCK=...} when it is not the default), and again with a smaller
     * block if a kernel cannot run blocks that large.
     */
    private Blocked buildBlocked(String name, CSource source, int block, List<String> moreOptions) {
        while (true) {
            List<String> options = new ArrayList<>();
            if (block != KernelLayout.BLOCK) {
                options.add("-DJGA_BLOCK=" + block);
            }
            options.addAll(moreOptions);
            List<GpuKernel> kernels = build(name, source, options);
            int fits = block;
            for (GpuKernel k : kernels) {
                fits = Math.min(fits, (int) Long.highestOneBit(Math.max(1, k.maxBlockSize())));
            }
            if (fits >= block || block == 1) {
                return new Blocked(kernels, block);
            }
            block = fits;
        }
    }
}
