package org.jgpuarray.cuda.internal;

import jcuda.driver.JCudaDriver;
import org.jgpuarray.cuda.internal.compiler.NativeLoadErrors;

/**
 * Starts JCuda's driver binding once per process. Touching {@link JCudaDriver} on a machine without
 * {@code libcuda.so.1} throws {@link UnsatisfiedLinkError} from its class initializer (and
 * {@link NoClassDefFoundError} on every later touch): this class catches that once and remembers it
 * as a one-line reason. JCuda's exceptions are switched off: every {@code CUresult} is checked by
 * jgpuarray, so that logs can be read before anything is thrown.
 */
public final class DriverLibrary {
    private static DriverStatus status;

    private DriverLibrary() {
    }

    /** The driver's state, found on first call. Never throws. */
    public static synchronized DriverStatus status() {
        if (status == null) {
            status = start();
        }
        return status;
    }

    private static DriverStatus start() {
        try {
            JCudaDriver.setExceptionsEnabled(false);
        } catch (LinkageError e) {
            return DriverStatus.unavailable(NativeLoadErrors.missing(e, "libcuda.so.1")
                    ? "no CUDA driver (libcuda.so.1 not found)"
                    : "JCuda's driver binding does not load: " + NativeLoadErrors.reason(e), 0);
        }
        try {
            int init = JCudaDriver.cuInit(0);
            int[] version = {0};
            JCudaDriver.cuDriverGetVersion(version);
            if (init != 0) {
                return DriverStatus.unavailable((init == 100 ? "no CUDA devices" : "the CUDA driver does not start")
                        + " (cuInit: " + CuResults.describe(init) + ")", version[0]);
            }
            int[] count = {0};
            int result = JCudaDriver.cuDeviceGetCount(count);
            if (result != 0) {
                return DriverStatus.unavailable("cuDeviceGetCount: " + CuResults.describe(result), version[0]);
            }
            if (count[0] == 0) {
                return DriverStatus.unavailable("no CUDA devices (cuDeviceGetCount returned 0)", version[0]);
            }
            return new DriverStatus(true, "", version[0], count[0]);
        } catch (LinkageError | RuntimeException e) {
            return DriverStatus.unavailable("the CUDA driver does not start: " + e, 0);
        }
    }
}
