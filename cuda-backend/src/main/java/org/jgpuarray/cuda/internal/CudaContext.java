package org.jgpuarray.cuda.internal;

import static jcuda.driver.JCudaDriver.cuCtxSetCurrent;
import static jcuda.driver.JCudaDriver.cuDeviceGet;
import static jcuda.driver.JCudaDriver.cuDevicePrimaryCtxRelease;
import static jcuda.driver.JCudaDriver.cuDevicePrimaryCtxRetain;

import jcuda.driver.CUcontext;
import jcuda.driver.CUdevice;
import org.jgpuarray.device.DeviceException;
import org.jgpuarray.device.OutOfDeviceMemoryException;

/**
 * One retained reference to a device's primary context (the context the CUDA runtime, cuBLAS and
 * other libraries share), and the one place where {@code CUresult}s become exceptions. After a sticky
 * error (an illegal address in a kernel, a launch failure, ...) the context is unusable: every later
 * call fails at once with a message saying so, instead of a string of confusing errors.
 *
 * <p>Called under the device's lock, from whichever thread uses the device; {@link #enter()} makes the
 * context current on the calling thread, as a CUDA context must be on every thread that calls the driver.
 */
public final class CudaContext {
    private final int ordinal;
    private final CUdevice device;
    private final CUcontext context;
    private volatile DeviceException brokenBy;
    private boolean released;

    private CudaContext(int ordinal, CUdevice device, CUcontext context) {
        this.ordinal = ordinal;
        this.device = device;
        this.context = context;
    }

    /**
     * Retains the primary context of device {@code ordinal} and makes it current.
     *
     * @throws DeviceException when the driver refuses
     */
    public static CudaContext retain(int ordinal) {
        CUdevice device = new CUdevice();
        throwOnError("cuDeviceGet", cuDeviceGet(device, ordinal));
        CUcontext context = new CUcontext();
        throwOnError("cuDevicePrimaryCtxRetain", cuDevicePrimaryCtxRetain(context, device));
        CudaContext retained = new CudaContext(ordinal, device, context);
        retained.enter();
        return retained;
    }

    /** The device. */
    public CUdevice device() {
        return device;
    }

    /** The device's ordinal. */
    public int ordinal() {
        return ordinal;
    }

    /**
     * Makes the context current on this thread; call at every entry point.
     *
     * @throws DeviceException when the context was broken by a sticky error, or is released
     */
    public void enter() {
        if (released) {
            throw new IllegalStateException("the CUDA context of device " + ordinal + " is released");
        }
        DeviceException broken = brokenBy;
        if (broken != null) {
            throw new DeviceException(broken.call(), broken.code(), broken.codeName(), "the CUDA context is unusable"
                    + " after " + broken.codeName() + " (" + broken.code() + ") in " + broken.call()
                    + "; close this GpuContext (and any other on the same GPU) and create a new one", broken);
        }
        check("cuCtxSetCurrent", cuCtxSetCurrent(context));
    }

    /** True once a sticky error has made the context unusable. */
    public boolean isBroken() {
        return brokenBy != null;
    }

    /**
     * Throws the exception for a failed driver call; returns when {@code result} is 0.
     *
     * @throws DeviceException naming the call and the code; sticky errors also break the context
     */
    public void check(String call, int result) {
        if (result != 0) {
            throw failure(call, result, "");
        }
    }

    /**
     * Like {@link #check}, for an allocation of {@code bytes}.
     *
     * @throws OutOfDeviceMemoryException for CUDA_ERROR_OUT_OF_MEMORY
     */
    public void checkAllocation(String call, int result, long bytes) {
        if (result == CuResults.OUT_OF_MEMORY) {
            throw new OutOfDeviceMemoryException(call, result, CuResults.name(result), bytes);
        }
        check(call, result);
    }

    /** The exception for a failed call (and the context marked broken when the error is sticky). */
    public DeviceException failure(String call, int result, String detail) {
        DeviceException e = new DeviceException(call, result, CuResults.name(result),
                CuResults.isSticky(result) ? join(detail, "the CUDA context of device " + ordinal
                        + " is now unusable; close this GpuContext and create a new one") : detail);
        if (CuResults.isSticky(result) && brokenBy == null) {
            brokenBy = e;
        }
        return e;
    }

    /** Releases this reference to the primary context; idempotent, never throws. */
    public void release() {
        if (!released) {
            released = true;
            cuDevicePrimaryCtxRelease(device);
        }
    }

    static void throwOnError(String call, int result) {
        if (result != 0) {
            throw new DeviceException(call, result, CuResults.name(result), "");
        }
    }

    private static String join(String detail, String more) {
        return detail == null || detail.isEmpty() ? more : detail + "; " + more;
    }
}
