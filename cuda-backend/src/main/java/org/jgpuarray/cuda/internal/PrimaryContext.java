package org.jgpuarray.cuda.internal;

import static jcuda.driver.JCudaDriver.cuDevicePrimaryCtxRelease;
import static jcuda.driver.JCudaDriver.cuDevicePrimaryCtxReset;
import static jcuda.driver.JCudaDriver.cuDevicePrimaryCtxRetain;

import java.util.HashMap;
import java.util.Map;
import jcuda.driver.CUcontext;
import jcuda.driver.CUdevice;
import org.jgpuarray.device.DeviceException;

/**
 * What this process knows of one device's primary context: how many of jgpuarray's {@link CudaContext}s
 * retain it, and the sticky error that broke it, which every one of them shares (they are the same CUDA
 * context). When the last of them releases a broken context, the context is reset
 * ({@code cuDevicePrimaryCtxReset}): releasing alone would not destroy it while the CUDA runtime of cuBLAS,
 * cuFFT or cuRAND still retains it, and a new context would fail with the old error. Thread-safe.
 */
final class PrimaryContext {
    private static final System.Logger LOG = System.getLogger("org.jgpuarray.cuda");
    private static final Map<Integer, PrimaryContext> DEVICES = new HashMap<>();

    private final int ordinal;
    private int retains;
    private volatile DeviceException brokenBy;

    private PrimaryContext(int ordinal) {
        this.ordinal = ordinal;
    }

    /** The state of device {@code ordinal}'s primary context. */
    static synchronized PrimaryContext of(int ordinal) {
        return DEVICES.computeIfAbsent(ordinal, PrimaryContext::new);
    }

    /**
     * {@code cuDevicePrimaryCtxRetain}, counted.
     *
     * @return the driver's status
     */
    synchronized int retain(CUcontext context, CUdevice device) {
        int result = cuDevicePrimaryCtxRetain(context, device);
        if (result == 0) {
            retains++;
        }
        return result;
    }

    /**
     * {@code cuDevicePrimaryCtxRelease} of one retain, after {@code cuDevicePrimaryCtxReset} when it is the
     * last of jgpuarray's and the context is broken. Never throws.
     */
    synchronized void release(CUdevice device) {
        retains--;
        if (retains == 0 && brokenBy != null) {
            int reset = cuDevicePrimaryCtxReset(device);
            if (reset == 0) {
                LOG.log(System.Logger.Level.INFO, () -> "CUDA device " + ordinal + " reset after " + brokenBy.codeName());
                brokenBy = null;
            } else {
                LOG.log(System.Logger.Level.WARNING, "CUDA device " + ordinal + " broken by " + brokenBy.codeName()
                        + " could not be reset: cuDevicePrimaryCtxReset returned " + CuResults.describe(reset)
                        + "; restart the process to use it again");
            }
        }
        cuDevicePrimaryCtxRelease(device);
    }

    /** The sticky error that broke the context, or null. */
    DeviceException brokenBy() {
        return brokenBy;
    }

    /** Records the sticky error that broke the context (the first one). */
    synchronized void breakWith(DeviceException e) {
        if (brokenBy == null) {
            brokenBy = e;
        }
    }
}
