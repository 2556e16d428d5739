package org.jgpuarray.cuda.internal;

import static jcuda.driver.JCudaDriver.cuCtxSynchronize;
import static jcuda.driver.JCudaDriver.cuEventCreate;
import static jcuda.driver.JCudaDriver.cuEventDestroy;
import static jcuda.driver.JCudaDriver.cuEventRecord;
import static jcuda.driver.JCudaDriver.cuEventSynchronize;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import jcuda.driver.CUevent;
import jcuda.driver.CUevent_flags;
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
import org.jgpuarray.spi.gpu.CompilerThread;
import org.jgpuarray.spi.gpu.GpuDriver;
import org.jgpuarray.spi.gpu.GpuProgram;
import org.jgpuarray.spi.gpu.LaunchLimits;

/**
 * A CUDA device opened for computing, the CUDA half of {@code GpuDevice}: the device's primary context,
 * memory from {@code cuMemAlloc}, programs compiled by the chosen compiler and loaded with the driver API,
 * launches in the legacy default stream (copies to the host wait for them). The vendor libraries (cuBLAS,
 * cuFFT, cuRAND) are offered as the core's providers, bound to the same stream, and loaded on their first
 * use. Each entry point pushes the context on the calling thread and pops it again.
 */
public final class CudaDriver implements GpuDriver, CudaFeatures {
    private static final System.Logger LOG = System.getLogger("org.jgpuarray.cuda");

    private final DeviceInfo info;
    private final CudaContext context;
    private final CudaCompiler compiler;
    private final CompileTarget target;
    private final ModuleLoader loader;
    private final DeviceMemory memory;
    private final LaunchLimits limits;
    private final int driverVersion;
    private final BiFunction<CudaDriver, BackendDevice, DeviceLibraries> libraryFactory;
    private final Set<EventTimer.Events> timers = new HashSet<>();
    private DeviceLibraries libraries;
    private CUevent marker;
    private boolean closed;

    private CudaDriver(DeviceInfo info, CudaContext context, CudaCompiler compiler, int driverVersion,
                       BiFunction<CudaDriver, BackendDevice, DeviceLibraries> libraries) {
        this.info = info;
        this.context = context;
        this.compiler = compiler;
        this.driverVersion = driverVersion;
        this.target = compiler.targetFor(DeviceDescription.arch(context.device()));
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

    @Override
    public void synchronize() {
        context.enter();
        try {
            context.check("cuCtxSynchronize", cuCtxSynchronize());
        } finally {
            context.exit();
        }
        destroyMarker(); // everything it marked has run
    }

    /** Waits for the event recorded at the previous throttle point, then records the next in the stream. */
    @Override
    public void throttle() {
        context.enter();
        try {
            if (marker != null) {
                CUevent previous = marker;
                marker = null;
                try {
                    context.check("cuEventSynchronize", cuEventSynchronize(previous));
                } finally {
                    cuEventDestroy(previous);
                }
            }
            CUevent next = new CUevent();
            context.check("cuEventCreate", cuEventCreate(next, CUevent_flags.CU_EVENT_DISABLE_TIMING));
            int recorded = cuEventRecord(next, DeviceMemory.STREAM);
            if (recorded != 0) {
                cuEventDestroy(next);
                context.check("cuEventRecord", recorded);
            }
            marker = next;
        } finally {
            context.exit();
        }
    }

    /** Destroys the throttle point's event, in its context (also a broken one); the caller holds no push. */
    private void destroyMarker() {
        if (marker == null) {
            return;
        }
        CUevent event = marker;
        marker = null;
        boolean entered = context.enterToRelease();
        try {
            cuEventDestroy(event);
        } finally {
            if (entered) {
                context.exit();
            }
        }
    }

    @Override
    public DeviceTimer startTimer() {
        return EventTimer.start(context, timers);
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
     * The stream every launch and copy of this device is enqueued in; libraries must use it too, so that
     * their work is ordered with the kernels. Null: the legacy default stream.
     */
    public CUstream stream() {
        return DeviceMemory.STREAM;
    }

    /** The primary context: {@link CudaContext#enter()} before calling a library, {@link CudaContext#exit()} after. */
    public CudaContext context() {
        return context;
    }

    @Override
    public long streamHandle() {
        return 0;
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
     * Destroys the events of timers still running, waits for the device where it can, frees every buffer,
     * and releases the primary context (which resets the device when it is broken and this was the last
     * context of it). Idempotent, never throws.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            EventTimer.destroyAll(timers);
            destroyMarker();
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
