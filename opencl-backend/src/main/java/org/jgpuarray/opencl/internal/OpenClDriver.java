package org.jgpuarray.opencl.internal;

import static org.jocl.CL.CL_CONTEXT_PLATFORM;
import static org.jocl.CL.CL_SUCCESS;
import static org.jocl.CL.clCreateContext;
import static org.jocl.CL.clFinish;
import static org.jocl.CL.clReleaseContext;

import java.util.List;
import java.util.Optional;
import org.jgpuarray.device.BackendUnavailableException;
import org.jgpuarray.device.DeviceInfo;
import org.jgpuarray.device.DeviceTimer;
import org.jgpuarray.device.KernelCompilationException;
import org.jgpuarray.kernels.Dialect;
import org.jgpuarray.kernels.c.CSource;
import org.jgpuarray.opencl.OpenClFeatures;
import org.jgpuarray.spi.DeviceBuffer;
import org.jgpuarray.spi.HostArray;
import org.jgpuarray.spi.PinnedMemory;
import org.jgpuarray.spi.gpu.CompilerThread;
import org.jgpuarray.spi.gpu.GpuDriver;
import org.jgpuarray.spi.gpu.GpuProgram;
import org.jgpuarray.spi.gpu.GpuQueue;
import org.jgpuarray.spi.gpu.LaunchLimits;
import org.jocl.cl_context;
import org.jocl.cl_context_properties;
import org.jocl.cl_device_id;

/**
 * One opened OpenCL device: a context, an in-order queue with profiling enabled, buffers, and programs
 * built by the device's OpenCL compiler. Everything shared with other source-compiling backends lives in
 * {@code GpuDevice}; this is the OpenCL half.
 */
public final class OpenClDriver implements GpuDriver, OpenClFeatures {
    private static final System.Logger LOG = System.getLogger("org.jgpuarray.opencl");
    private final ClDeviceHandle device;
    private final cl_context context;
    private final ClQueue queue;
    private final ClMemory memory;
    private final LaunchLimits limits;
    private boolean closed;

    private OpenClDriver(ClDeviceHandle device, cl_context context, ClQueue queue) {
        this.device = device;
        this.context = context;
        this.queue = queue;
        this.memory = new ClMemory(context, queue, device);
        long[] items = device.maxWorkItemSizes();
        this.limits = new LaunchLimits(new long[] {Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE},
                items, device.info().maxWorkGroupSize(), device.info().localMemoryBytes(),
                device.info().localMemoryBytes());
    }

    /**
     * Creates a context and a profiling-enabled in-order queue on the device.
     *
     * @throws BackendUnavailableException when the device has no compiler or refuses a context or a queue
     */
    public static OpenClDriver open(ClDeviceHandle device) {
        if (!device.compilerAvailable()) {
            throw new BackendUnavailableException(ClDiscovery.BACKEND, "OpenCL device '" + device.name()
                    + "' has no compiler (CL_DEVICE_COMPILER_AVAILABLE is false)");
        }
        cl_context_properties properties = new cl_context_properties();
        properties.addProperty(CL_CONTEXT_PLATFORM, device.platform());
        int[] err = new int[1];
        cl_context context = clCreateContext(properties, 1, new cl_device_id[] {device.device()}, null, null, err);
        if (err[0] != CL_SUCCESS) {
            throw new BackendUnavailableException(ClDiscovery.BACKEND, "clCreateContext failed on '" + device.name()
                    + "': " + Cl.errorName(err[0]));
        }
        try {
            return new OpenClDriver(device, context, new ClQueue(context, device));
        } catch (RuntimeException e) {
            clReleaseContext(context);
            throw new BackendUnavailableException(ClDiscovery.BACKEND, "cannot open '" + device.name() + "': "
                    + e.getMessage(), e);
        }
    }

    @Override
    public DeviceInfo info() {
        return device.info();
    }

    @Override
    public Dialect dialect() {
        return Dialect.OPENCL;
    }

    @Override
    public LaunchLimits limits() {
        return limits;
    }

    /**
     * Allocates with {@code clCreateBuffer}.
     *
     * @throws org.jgpuarray.device.UnsupportedCapabilityException above the device's largest allocation
     */
    @Override
    public DeviceBuffer allocate(long bytes) {
        return memory.allocate(bytes);
    }

    @Override
    public void write(HostArray src, int srcOffset, DeviceBuffer dst, long dstByteOffset, int count) {
        memory.write(src, srcOffset, dst, dstByteOffset, count);
    }

    @Override
    public void read(DeviceBuffer src, long srcByteOffset, HostArray dst, int dstOffset, int count) {
        memory.read(src, srcByteOffset, dst, dstOffset, count);
    }

    @Override
    public void copy(DeviceBuffer src, long srcByteOffset, DeviceBuffer dst, long dstByteOffset, long bytes) {
        memory.copy(src, srcByteOffset, dst, dstByteOffset, bytes);
    }

    @Override
    public void synchronize() {
        queue.finish();
    }

    /** A mapped {@code CL_MEM_ALLOC_HOST_PTR} buffer ({@link ClPinned}). */
    @Override
    public PinnedMemory allocatePinned(long bytes) {
        return memory.allocatePinned(bytes);
    }

    /** A non-blocking {@code clEnqueueWriteBuffer} from native memory, a blocking one from a Java array. */
    @Override
    public void writeAsync(HostArray src, int srcOffset, DeviceBuffer dst, long dstByteOffset, int count) {
        memory.writeAsync(src, srcOffset, dst, dstByteOffset, count);
    }

    /** A non-blocking {@code clEnqueueReadBuffer} into native memory, a blocking one into a Java array. */
    @Override
    public void readAsync(DeviceBuffer src, long srcByteOffset, HostArray dst, int dstOffset, int count) {
        memory.readAsync(src, srcByteOffset, dst, dstOffset, count);
    }

    /** Waits for the previous marker event of the selected queue and enqueues the next. */
    @Override
    public void throttle() {
        queue.throttle();
    }

    /** Another in-order command queue with profiling, on the same context. */
    @Override
    public GpuQueue createQueue() {
        return queue.create();
    }

    /** The queue the driver was opened with. */
    @Override
    public GpuQueue ownQueue() {
        return queue.own();
    }

    @Override
    public void select(GpuQueue q) {
        queue.select(q);
    }

    /**
     * A timer that sums the device-measured execution time ({@code CL_PROFILING_COMMAND_END -
     * CL_PROFILING_COMMAND_START}) of every command enqueued until it stops.
     */
    @Override
    public DeviceTimer startTimer() {
        return queue.startTimer();
    }

    /** Platform name and version, device name and version, driver version: what program binaries depend on. */
    @Override
    public String binaryFingerprint() {
        return device.fingerprint();
    }

    @Override
    public GpuProgram build(String name, String source, List<String> options) {
        RecursionGuard.cycle(source).ifPresent(cycle -> {
            throw new KernelCompilationException(name, "recursion is not allowed in OpenCL C (OpenCL C 1.2,"
                    + " section 6.9), and some OpenCL implementations (PoCL) crash the process on it: " + cycle
                    + "; write the helper as a loop", options, CSource.numberLines(source), null);
        });
        return new ClProgram(CompilerThread.call(() -> ClPrograms.fromSource(context, device, name, source, options)),
                device, memory, queue);
    }

    /** Loads a binary; one that PoCL would crash or abort on is refused before the driver sees it. */
    @Override
    public Optional<GpuProgram> load(String name, byte[] binary, List<String> options) {
        Optional<String> problem = PoclBinaries.problem(binary);
        if (problem.isPresent()) {
            LOG.log(System.Logger.Level.INFO, "refusing the cached binary of '" + name + "': " + problem.get());
            return Optional.empty();
        }
        return CompilerThread.call(() -> ClPrograms.fromBinary(context, device, name, binary, options))
                .map(p -> new ClProgram(p, device, memory, queue));
    }

    @Override
    public <T> Optional<T> unwrap(Class<T> feature) {
        return feature == OpenClFeatures.class ? Optional.of(feature.cast(this)) : Optional.empty();
    }

    @Override
    public int liveBuffers() {
        return memory.liveCount();
    }

    @Override
    public long liveBuffersInProcess() {
        return ClBuffer.liveInProcess();
    }

    @Override
    public int liveQueues() {
        return queue.liveQueues();
    }

    @Override
    public int liveEvents() {
        return queue.liveMarkers();
    }

    @Override
    public String platformName() {
        return String.valueOf(device.info().properties().get("platformName"));
    }

    /** Waits for the queue, then releases buffers, the queue and the context. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            clFinish(queue.own().handle()); // the streams' queues are finished as they are released
        } finally {
            memory.releaseAll();
            queue.release();
            clReleaseContext(context);
        }
    }
}
