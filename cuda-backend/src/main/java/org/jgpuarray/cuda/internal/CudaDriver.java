package org.jgpuarray.cuda.internal;

import static jcuda.driver.JCudaDriver.cuCtxSynchronize;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import jcuda.driver.CUstream;
import org.jgpuarray.cuda.CudaFeatures;
import org.jgpuarray.cuda.internal.compiler.CompileTarget;
import org.jgpuarray.cuda.internal.compiler.CudaBinary;
import org.jgpuarray.cuda.internal.compiler.CudaCompiler;
import org.jgpuarray.device.DeviceInfo;
import org.jgpuarray.device.DeviceTimer;
import org.jgpuarray.kernels.Dialect;
import org.jgpuarray.spi.BackendDevice;
import org.jgpuarray.spi.DeviceBuffer;
import org.jgpuarray.spi.HostArray;
import org.jgpuarray.spi.PinnedMemory;
import org.jgpuarray.spi.gpu.CompilerThread;
import org.jgpuarray.spi.gpu.GpuDriver;
import org.jgpuarray.spi.gpu.GpuProgram;
import org.jgpuarray.spi.gpu.GpuQueue;
import org.jgpuarray.spi.gpu.LaunchLimits;

/**
 * A CUDA device opened for computing, the CUDA half of {@code GpuDevice}: the device's primary context,
 * memory from {@code cuMemAlloc}, programs compiled by the chosen compiler and loaded with the driver API,
 * launches in the selected stream: the legacy default stream (the device's own queue), or a stream it
 * created ({@link CudaStreams}; copies from and to Java arrays run in the legacy default stream and wait for
 * every stream's earlier work). Page-locked host memory ({@link PinnedBlocks}) is copied asynchronously in
 * the selected stream. The vendor libraries (cuBLAS, cuFFT, cuRAND) are offered as the core's providers,
 * switched to the selected stream when it changes, and loaded on their first use. Each entry point pushes the
 * context on the calling thread and pops it again.
 */
public final class CudaDriver implements GpuDriver, CudaFeatures {
    private static final System.Logger LOG = System.getLogger("org.jgpuarray.cuda");

    private final DeviceInfo info;
    private final CudaContext context;
    private final CudaCompiler compiler;
    private final CompileTarget target;
    private final ModuleLoader loader;
    private final DeviceMemory memory;
    private final CudaStreams streams;
    private final PinnedBlocks pinned;
    private final LaunchLimits limits;
    private final int driverVersion;
    private final BiFunction<CudaDriver, BackendDevice, DeviceLibraries> libraryFactory;
    private final Set<EventTimer.Events> timers = new HashSet<>();
    private DeviceLibraries libraries;
    private boolean closed;

    private CudaDriver(DeviceInfo info, CudaContext context, CudaCompiler compiler, int driverVersion,
                       BiFunction<CudaDriver, BackendDevice, DeviceLibraries> libraries) {
        this.info = info;
        this.context = context;
        this.compiler = compiler;
        this.driverVersion = driverVersion;
        this.target = compiler.targetFor(DeviceDescription.arch(context.device()));
        this.streams = new CudaStreams(this, context);
        this.pinned = new PinnedBlocks(context);
        this.memory = new DeviceMemory(this, context);
        this.loader = new ModuleLoader(context, memory, compiler, driverVersion);
        this.limits = DeviceDescription.limits(context.device());
        this.libraryFactory = libraries;
    }

    /**
     * Opens device {@code info.index()}: retains its primary context.
     *
     * @param info          the probe's description of the device
     * @param compiler      the compiler that builds its kernels
     * @param driverVersion {@code cuDriverGetVersion}'s number, for messages and cache keys
     * @param libraries     makes the device's vendor libraries on first use (for none:
     *                      {@code (d, b) -> DeviceLibraries.NONE}); must not throw
     * @throws org.jgpuarray.device.UnsupportedCapabilityException when the compiler cannot target this device
     * @throws org.jgpuarray.device.DeviceException when the driver refuses the context
     */
    public static CudaDriver open(DeviceInfo info, CudaCompiler compiler, int driverVersion,
                                  BiFunction<CudaDriver, BackendDevice, DeviceLibraries> libraries) {
        CudaContext context = CudaContext.retain(info.index());
        try {
            return new CudaDriver(info, context, compiler, driverVersion, libraries);
        } catch (RuntimeException e) {
            context.release();
            throw e;
        }
    }

    @Override
    public DeviceInfo info() {
        return info;
    }

    @Override
    public Dialect dialect() {
        return Dialect.CUDA;
    }

    @Override
    public LaunchLimits limits() {
        return limits;
    }

    /** What kernels are compiled for on this device, e.g. {@code sm_90 cubin}. */
    public CompileTarget target() {
        return target;
    }

    /** The compiler building this device's kernels. */
    public CudaCompiler compiler() {
        return compiler;
    }

    @Override
    public DeviceBuffer allocate(long bytes) {
        return memory.allocate(bytes);
    }

    @Override
    public void write(HostArray src, int srcOffset, DeviceBuffer dst, long dstByteOffset, int count) {
        memory.copyFromHost(src, srcOffset, dst, dstByteOffset, count);
    }

    @Override
    public void read(DeviceBuffer src, long srcByteOffset, HostArray dst, int dstOffset, int count) {
        memory.copyToHost(src, srcByteOffset, dst, dstOffset, count);
    }

    @Override
    public void copy(DeviceBuffer src, long srcByteOffset, DeviceBuffer dst, long dstByteOffset, long bytes) {
        memory.copyOnDevice(src, srcByteOffset, dst, dstByteOffset, bytes);
    }

    /** Peer to peer, or within one GPU, where {@link PeerCopy} can; false sends the copy through the host. */
    @Override
    public boolean copyToPeer(DeviceBuffer src, long srcByteOffset, GpuDriver target, DeviceBuffer dst,
                              long dstByteOffset, long bytes) {
        return target instanceof CudaDriver peer
                && PeerCopy.copy(this, src, srcByteOffset, peer, dst, dstByteOffset, bytes);
    }

    /** {@code cuCtxSynchronize}: waits for every stream of the device. */
    @Override
    public void synchronize() {
        context.enter();
        try {
            context.check("cuCtxSynchronize", cuCtxSynchronize());
        } finally {
            context.exit();
        }
        streams.drained(); // everything the throttle points marked has run
    }

    /**
     * Waits for the event recorded at the selected stream's previous throttle point, then records the next in
     * that stream: each stream bounds its own queued work.
     */
    @Override
    public void throttle() {
        streams.throttle();
    }

    /**
     * {@code cuStreamCreate}: a blocking stream, which overlaps the device's other created streams
     * ({@link CudaStreams}).
     */
    @Override
    public GpuQueue createQueue() {
        return streams.create();
    }

    /** The legacy default stream. */
    @Override
    public GpuQueue ownQueue() {
        return streams.own();
    }

    /**
     * Makes {@code queue} the stream of the following launches, copies and library calls.
     *
     * @throws IllegalArgumentException for a queue of another device or context
     * @throws IllegalStateException    for a released queue
     */
    @Override
    public void select(GpuQueue queue) {
        streams.select(queue);
    }

    /**
     * {@code cuMemHostAlloc} (portable), as a direct buffer; freed by its {@code release()} or when the device
     * closes.
     *
     * @throws org.jgpuarray.device.OutOfDeviceMemoryException when no page-locked memory is left
     */
    @Override
    public PinnedMemory allocatePinned(long bytes) {
        return pinned.allocate(bytes);
    }

    /**
     * {@code cuMemcpyHtoDAsync} in the selected stream from native memory; a Java array is copied synchronously
     * ({@link #write}): the garbage collector may move it while an asynchronous copy still reads it.
     */
    @Override
    public void writeAsync(HostArray src, int srcOffset, DeviceBuffer dst, long dstByteOffset, int count) {
        memory.copyFromHostAsync(src, srcOffset, dst, dstByteOffset, count);
    }

    /**
     * {@code cuMemcpyDtoHAsync} in the selected stream into native memory; a Java array is copied synchronously
     * ({@link #read}), for the same reason as {@link #writeAsync}.
     */
    @Override
    public void readAsync(DeviceBuffer src, long srcByteOffset, HostArray dst, int dstOffset, int count) {
        memory.copyToHostAsync(src, srcByteOffset, dst, dstOffset, count);
    }

    @Override
    public DeviceTimer startTimer() {
        return EventTimer.start(context, streams, timers);
    }

    /** The compiler and its version, the target, and the driver version: what a PTX or cubin depends on. */
    @Override
    public String binaryFingerprint() {
        return compiler.description() + " " + compiler.version() + "\n" + target + "\ndriver " + driverVersion;
    }

    @Override
    public GpuProgram build(String name, String source, List<String> options) {
        // NVRTC needs no current context, so it can run on a compiler thread's large stack; loading cannot
        CudaBinary binary = CompilerThread.call(() -> compiler.compile(name, source, options, target));
        return loader.load(binary, name, source, options);
    }

    /** Loads a cached PTX or cubin; empty when the entry is not one or the driver refuses it. */
    @Override
    public Optional<GpuProgram> load(String name, byte[] payload, List<String> options) {
        Optional<CudaBinary> binary = LoadedModule.decode(payload);
        if (binary.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(loader.load(binary.get(), name, "", options));
        } catch (RuntimeException e) {
            if (context.isBroken()) {
                throw e;
            }
            LOG.log(System.Logger.Level.DEBUG, () -> "cached binary of '" + name + "' refused: " + e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public <T> Optional<T> library(Class<T> kind, BackendDevice device) {
        if (libraries == null) {
            libraries = libraryFactory.apply(this, device);
        }
        return libraries.get(kind);
    }

    @Override
    public <T> Optional<T> unwrap(Class<T> feature) {
        return feature == CudaFeatures.class ? Optional.of(feature.cast(this)) : Optional.empty();
    }

    /**
     * The device address of a live buffer of this device, for library calls.
     *
     * @param role names the buffer in messages, e.g. {@code "gemm operand A"}
     * @throws IllegalArgumentException when the buffer belongs to another device
     * @throws IllegalStateException    when it was released
     */
    public CudaPointer pointer(DeviceBuffer buffer, String role) {
        return memory.own(buffer, role).pointer();
    }

    /**
     * The stream the next launch and copy of this device is enqueued in, the one selected last; libraries
     * switch to it before each call when it changed, so that their work is ordered with the kernels. Null:
     * the legacy default stream; otherwise a {@link CudaStreamHandle}.
     */
    public CUstream stream() {
        return streams.selectedHandle();
    }

    /** The primary context: {@link CudaContext#enter()} before calling a library, {@link CudaContext#exit()} after. */
    public CudaContext context() {
        return context;
    }

    /** The selected stream's {@code CUstream}; 0 for the legacy default stream. */
    @Override
    public long streamHandle() {
        return streams.selectedAddress();
    }

    @Override
    public int liveStreams() {
        return streams.liveStreams();
    }

    @Override
    public int liveEvents() {
        return streams.liveEvents();
    }

    @Override
    public int livePinnedBlocks() {
        return pinned.liveCount();
    }

    @Override
    public String compilerDescription() {
        return compiler.description();
    }

    @Override
    public String compileTarget() {
        return target.toString();
    }

    @Override
    public void closeLibraries() {
        if (libraries != null) {
            libraries.close();
            libraries = null;
        }
    }

    /**
     * Destroys the events of timers still running, waits for the device where it can, destroys every stream
     * and event the core did not release, frees every pinned block and every buffer, and releases the primary
     * context (which resets the device when it is broken and this was the last context of it). Idempotent,
     * never throws.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            EventTimer.destroyAll(timers);
            if (!context.isBroken()) {
                context.enter();
                try {
                    context.check("cuCtxSynchronize", cuCtxSynchronize()); // a sticky error found here breaks it
                } finally {
                    context.exit();
                }
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "while closing " + info + ": " + e);
        } finally {
            try {
                streams.destroyAll();
                pinned.freeAll();
                memory.freeAll();
            } finally {
                context.release();
            }
        }
    }

    DeviceMemory memory() {
        return memory;
    }
}
