package org.jgpuarray.opencl.internal;

import static org.jocl.CL.*;

import org.jgpuarray.device.BackendUnavailableException;
import org.jocl.cl_context;
import org.jocl.cl_context_properties;
import org.jocl.cl_device_id;
import org.jgpuarray.opencl.ProgramCacheSettings;

/**
 * Everything native of one opened device: the {@code cl_context}, its queue, memory, program cache and
 * kernels, released in dependency order by {@link #close()}.
 */
public final class ClRuntime implements AutoCloseable {
    private final ClDeviceHandle device;
    private final cl_context context;
    private final ClQueue queue;
    private final ClMemory memory;
    private final ProgramCache programs;
    private final KernelFactory kernels;

    private ClRuntime(ClDeviceHandle device, cl_context context, ProgramCacheSettings cache) {
        this.device = device;
        this.context = context;
        try {
            this.queue = new ClQueue(context, device);
        } catch (RuntimeException e) {
            clReleaseContext(context);
            throw e;
        }
        this.memory = new ClMemory(context, queue, device);
        this.programs = new ProgramCache(context, device, cache);
        this.kernels = new KernelFactory(device, programs, memory, queue);
    }

    /**
     * Creates a context and a profiling-enabled in-order queue on the device.
     *
     * @throws BackendUnavailableException when the device refuses a context or a queue
     */
    public static ClRuntime open(ClDeviceHandle device, ProgramCacheSettings cache) {
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
            return new ClRuntime(device, context, cache);
        } catch (RuntimeException e) {
            throw new BackendUnavailableException(ClDiscovery.BACKEND, "cannot open '" + device.name() + "': "
                    + e.getMessage(), e);
        }
    }

    /** The device this runtime computes on. */
    public ClDeviceHandle device() {
        return device;
    }

    /** Buffers and transfers. */
    public ClMemory memory() {
        return memory;
    }

    /** The command queue. */
    public ClQueue queue() {
        return queue;
    }

    /** The program cache. */
    public ProgramCache programs() {
        return programs;
    }

    /** Kernel construction. */
    public KernelFactory kernels() {
        return kernels;
    }

    /** Waits for the queue, then releases kernels, programs, buffers, the queue and the context. */
    @Override
    public void close() {
        try {
            clFinish(queue.handle());
        } finally {
            kernels.releaseAll();
            programs.releaseAll();
            memory.releaseAll();
            queue.release();
            clReleaseContext(context);
        }
    }
}
