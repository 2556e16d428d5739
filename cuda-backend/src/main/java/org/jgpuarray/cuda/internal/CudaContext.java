package org.jgpuarray.cuda.internal;

import static jcuda.driver.JCudaDriver.cuCtxPopCurrent;
import static jcuda.driver.JCudaDriver.cuCtxPushCurrent;
import static jcuda.driver.JCudaDriver.cuCtxSynchronize;
import static jcuda.driver.JCudaDriver.cuDeviceGet;

import jcuda.driver.CUcontext;
import jcuda.driver.CUdevice;
import org.jgpuarray.device.DeviceException;
import org.jgpuarray.device.OutOfDeviceMemoryException;

/**
 * One retained reference to a device's primary context (the context the CUDA runtime, cuBLAS and
 * other libraries share), and the one place where {@code CUresult}s become exceptions. After a sticky
 * error (an illegal address in a kernel, a launch failure, ...) the context is unusable: every later
 * call fails at once with a message saying so, instead of a string of confusing errors; the state is
 * shared by every {@code CudaContext} of the device ({@link PrimaryContext}), and the device is reset
 * when the last of them is released.
 *
 * <p>Every entry point brackets its driver calls with {@link #enter()} and {@link #exit()} in
 * try/finally: the context is pushed on the calling thread's context stack and popped again, so that
 * whatever context the thread had current (other CUDA code's) is current again afterwards, as PyCUDA
 * does. Any thread may enter; the pushes are per thread. The device's calls come under its lock
 * ({@code GpuDevice}), one thread at a time but not always the same thread.
 */
public final class CudaContext {
    private static final System.Logger LOG = System.getLogger("org.jgpuarray.cuda");

    private final int ordinal;
    private final CUdevice device;
    private final CUcontext context;
    private final PrimaryContext primary;
    private volatile boolean released;

    private CudaContext(int ordinal, CUdevice device, CUcontext context, PrimaryContext primary) {
        this.ordinal = ordinal;
        this.device = device;
        this.context = context;
        this.primary = primary;
    }

    /**
     * Retains the primary context of device {@code ordinal}; makes nothing current.
     *
     * @throws DeviceException when the driver refuses
     */
    public static CudaContext retain(int ordinal) {
        CUdevice device = new CUdevice();
        throwOnError("cuDeviceGet", cuDeviceGet(device, ordinal));
        CUcontext context = new CUcontext();
        PrimaryContext primary = PrimaryContext.of(ordinal);
        throwOnError("cuDevicePrimaryCtxRetain", primary.retain(context, device));
        return new CudaContext(ordinal, device, context, primary);
    }

    /** The device. */
    public CUdevice device() {
        return device;
    }

    /** The driver's handle of the primary context, for calls that name two contexts (peer copies). */
    CUcontext handle() {
        return context;
    }

    /** The device's ordinal. */
    public int ordinal() {
        return ordinal;
    }

    /**
     * Pushes the context on this thread's context stack; every successful call must be followed by
     * {@link #exit()} (in a finally block).
     *
     * @throws DeviceException when the context was broken by a sticky error, or the driver refuses the push
     * @throws IllegalStateException when this reference was released
     */
    public void enter() {
        if (released) {
            throw new IllegalStateException("the CUDA context of device " + ordinal + " is released");
        }
        DeviceException broken = primary.brokenBy();
        if (broken != null) {
            throw new DeviceException(broken.call(), broken.code(), broken.codeName(), "the CUDA context is unusable"
                    + " after " + broken.codeName() + " (" + broken.code() + ") in " + broken.call()
                    + "; close every GpuContext on this GPU and create a new one" + restartAdvice(broken.code()), broken);
        }
        check("cuCtxPushCurrent", cuCtxPushCurrent(context));
    }

    /**
     * Like {@link #enter()} also when the context is broken, for freeing what it holds.
     *
     * @return true when the context was pushed, and {@link #exit()} must follow
     */
    boolean enterToRelease() {
        return !released && cuCtxPushCurrent(context) == 0;
    }

    /** Runs {@code release} inside {@link #enterToRelease()}, and {@link #exit()}s after it when that pushed. */
    void releasing(Runnable release) {
        boolean entered = enterToRelease();
        try {
            release.run();
        } finally {
            if (entered) {
                exit();
            }
        }
    }

    /**
     * The answer of a query ({@code cuStreamQuery}, {@code cuEventQuery}): true for success, false for
     * CUDA_ERROR_NOT_READY (still running, no error).
     *
     * @throws DeviceException for any other result, as {@link #check} does
     */
    boolean ready(String call, int result) {
        if (result == CuResults.NOT_READY) {
            return false;
        }
        check(call, result);
        return true;
    }

    /** Pops what {@link #enter()} pushed, restoring the thread's previous context. Never throws. */
    public void exit() {
        int result = cuCtxPopCurrent(new CUcontext());
        if (result != 0) {
            LOG.log(System.Logger.Level.DEBUG, () -> "cuCtxPopCurrent: " + CuResults.describe(result));
        }
    }

    /** True once a sticky error has made the context unusable. */
    public boolean isBroken() {
        return primary.brokenBy() != null;
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
                CuResults.isSticky(result) ? join(detail, unusable()) + restartAdvice(result) : detail);
        if (CuResults.isSticky(result)) {
            primary.breakWith(e);
        }
        return e;
    }

    /**
     * The exception for a failed call of a CUDA library (cuBLAS, cuFFT, cuRAND), made while this context is
     * entered. A sticky error of the driver may surface first in a library call (as
     * {@code CUBLAS_STATUS_EXECUTION_FAILED}, {@code CURAND_STATUS_PREEXISTING_FAILURE}, ...): the driver is
     * asked ({@code cuCtxSynchronize}), and when it reports a sticky error the context is marked broken and the
     * message says so.
     *
     * @param statusName the library's name of {@code status}
     * @param detail     what was asked ("" for nothing)
     */
    public DeviceException libraryFailure(String call, int status, String statusName, String detail) {
        int driver = cuCtxSynchronize();
        if (driver == 0 || !CuResults.isSticky(driver)) {
            return new DeviceException(call, status, statusName, detail);
        }
        DeviceException cause = failure("cuCtxSynchronize after " + call, driver, "");
        return new DeviceException(call, status, statusName, join(detail, "the driver reports "
                + CuResults.describe(driver) + ": " + unusable()) + restartAdvice(driver), cause);
    }

    /**
     * Releases this reference to the primary context (resetting a broken device with its last one); idempotent,
     * never throws.
     */
    public void release() {
        if (!released) {
            released = true;
            primary.release(device);
        }
    }

    static void throwOnError(String call, int result) {
        if (result != 0) {
            throw new DeviceException(call, result, CuResults.name(result), "");
        }
    }

    private String unusable() {
        return "the CUDA context of device " + ordinal + " is now unusable; close every GpuContext on this GPU"
                + " and create a new one";
    }

    private static String restartAdvice(int code) {
        return CuResults.needsRestart(code) ? " (CUDA asks for a process restart after this error; jgpuarray resets"
                + " the device when its last GpuContext closes, and if a new context fails too, restart the process)"
                : "";
    }

    private static String join(String detail, String more) {
        return detail == null || detail.isEmpty() ? more : detail + "; " + more;
    }
}
