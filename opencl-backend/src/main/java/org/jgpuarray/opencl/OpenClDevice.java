package org.jgpuarray.opencl;

import java.util.List;
import java.util.Objects;
import org.jgpuarray.device.DeviceInfo;
import org.jgpuarray.kernels.Dialect;
import org.jgpuarray.kernels.ElementwiseSpec;
import org.jgpuarray.kernels.ReductionSpec;
import org.jgpuarray.kernels.ScalarType;
import org.jgpuarray.kernels.ScanSpec;
import org.jgpuarray.opencl.internal.ClBuffer;
import org.jgpuarray.opencl.internal.ClRuntime;
import org.jgpuarray.spi.BackendDevice;
import org.jgpuarray.spi.CompiledElementwise;
import org.jgpuarray.spi.CompiledReduction;
import org.jgpuarray.spi.CompiledScan;
import org.jgpuarray.spi.DeviceBuffer;
import org.jgpuarray.spi.HostArray;
import org.jgpuarray.device.DeviceTimer;
import org.jgpuarray.spi.RawProgram;

/**
 * One opened OpenCL device: a context, an in-order queue with profiling enabled, buffers, and kernels
 * compiled at run time by the device's OpenCL compiler through a two-level program cache (in memory, and
 * program binaries on disk). Opened by {@link OpenClBackend}; the core usually reaches it through
 * {@code GpuContext.create("opencl")}.
 *
 * <p>Not thread-safe: use it from one thread at a time, as {@code GpuContext} does. Methods throw
 * {@link IllegalStateException} after {@link #close()}.
 */
public final class OpenClDevice implements BackendDevice {
    private static final System.Logger LOG = System.getLogger("org.jgpuarray.opencl");

    private final ClRuntime runtime;
    private boolean closed;

    OpenClDevice(ClRuntime runtime) {
        this.runtime = runtime;
        LOG.log(System.Logger.Level.DEBUG, () -> "opened OpenCL device " + runtime.device().info());
    }

    @Override
    public DeviceInfo info() {
        return runtime.device().info();
    }

    @Override
    public Dialect dialect() {
        return Dialect.OPENCL;
    }

    /**
     * Allocates {@code count} elements ({@code clCreateBuffer}).
     *
     * @throws org.jgpuarray.device.OutOfDeviceMemoryException      when the device has no room
     * @throws org.jgpuarray.device.UnsupportedCapabilityException above the device's largest allocation
     * @throws IllegalArgumentException for a negative or overflowing count
     */
    @Override
    public DeviceBuffer allocate(ScalarType type, long count) {
        ensureOpen();
        Objects.requireNonNull(type, "type");
        if (count < 0) {
            throw new IllegalArgumentException("cannot allocate " + count + " elements");
        }
        if (count > Long.MAX_VALUE / type.byteSize()) {
            throw new IllegalArgumentException("cannot allocate " + count + " elements of " + type.numpyName()
                    + ": the byte size overflows");
        }
        return runtime.memory().allocate(count * type.byteSize());
    }

    @Override
    public void copyFromHost(HostArray src, int srcOffset, DeviceBuffer dst, long dstByteOffset, int count) {
        ensureOpen();
        runtime.memory().write(src, srcOffset, dst, dstByteOffset, count);
    }

    @Override
    public void copyToHost(DeviceBuffer src, long srcByteOffset, HostArray dst, int dstOffset, int count) {
        ensureOpen();
        runtime.memory().read(src, srcByteOffset, dst, dstOffset, count);
    }

    @Override
    public void copyOnDevice(DeviceBuffer src, long srcByteOffset, DeviceBuffer dst, long dstByteOffset, long bytes) {
        ensureOpen();
        runtime.memory().copy(src, srcByteOffset, dst, dstByteOffset, bytes);
    }

    /**
     * Compiles an elementwise kernel.
     *
     * @throws org.jgpuarray.device.UnsupportedCapabilityException when it uses float64 and the device has no fp64
     * @throws org.jgpuarray.device.KernelCompilationException     with the build log when it does not compile
     */
    @Override
    public CompiledElementwise compile(ElementwiseSpec spec) {
        ensureOpen();
        return runtime.kernels().elementwise(spec);
    }

    /** Compiles a two-stage reduction; throws as {@link #compile(ElementwiseSpec)}. */
    @Override
    public CompiledReduction compile(ReductionSpec spec) {
        ensureOpen();
        return runtime.kernels().reduction(spec);
    }

    /** Compiles a tiled scan; throws as {@link #compile(ElementwiseSpec)}. */
    @Override
    public CompiledScan compile(ScanSpec spec) {
        ensureOpen();
        return runtime.kernels().scan(spec);
    }

    /**
     * Builds hand-written OpenCL C, PyOpenCL's {@code cl.Program(ctx, source).build(options)}.
     *
     * @param source  OpenCL C source; not modified
     * @param options build options such as {@code -DN=4} or {@code -cl-fast-relaxed-math}
     * @throws org.jgpuarray.device.KernelCompilationException with the build log when it does not compile
     */
    @Override
    public RawProgram compileProgram(String name, String source, List<String> options) {
        ensureOpen();
        return runtime.kernels().raw(name, Objects.requireNonNull(source, "source"), List.copyOf(options));
    }

    @Override
    public void synchronize() {
        ensureOpen();
        runtime.queue().finish();
    }

    /**
     * Starts a timer that sums the device-measured execution time ({@code CL_PROFILING_COMMAND_END -
     * CL_PROFILING_COMMAND_START}) of every command enqueued until it stops: kernel time as the device
     * saw it, without host launch overhead. Stop every timer you start: events are kept until then.
     */
    @Override
    public DeviceTimer startTimer() {
        ensureOpen();
        return runtime.queue().startTimer();
    }

    /** Buffers of this device not yet released (generated kernels' scratch buffers included). */
    public int liveBuffers() {
        return runtime.memory().liveCount();
    }

    /** OpenCL buffers not yet released over every device of this process. */
    public static long liveBuffersInProcess() {
        return ClBuffer.liveInProcess();
    }

    /** What the program cache did since this device opened: builds from source, loads from disk, hits. */
    public ProgramCacheStatistics cacheStatistics() {
        return runtime.programs().statistics();
    }

    /** Waits for pending work, then releases kernels, programs, buffers, the queue and the context. Idempotent. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            runtime.close();
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("OpenCL device '" + info().name() + "' is closed");
        }
    }
}
