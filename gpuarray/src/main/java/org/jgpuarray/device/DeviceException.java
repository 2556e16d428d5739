package org.jgpuarray.device;

/**
 * A device call failed: carries the call, the driver's status code and its name (for example
 * {@code cuLaunchKernel}, 700, {@code CUDA_ERROR_ILLEGAL_ADDRESS}).
 */
public class DeviceException extends GpuException {
    private static final long serialVersionUID = 1L;
    private final String call;
    private final int code;
    private final String codeName;

    public DeviceException(String call, int code, String codeName, String detail) {
        this(call, code, codeName, detail, null);
    }

    public DeviceException(String call, int code, String codeName, String detail, Throwable cause) {
        super(call + " failed: " + codeName + " (" + code + ")" + (detail == null || detail.isEmpty() ? "" : ": " + detail),
                cause);
        this.call = call;
        this.code = code;
        this.codeName = codeName;
    }

    /** The failed call, e.g. {@code cuMemcpyDtoH} or {@code clEnqueueNDRangeKernel}. */
    public String call() {
        return call;
    }

    /** The status code the driver returned. */
    public int code() {
        return code;
    }

    /** The status code's symbolic name. */
    public String codeName() {
        return codeName;
    }
}
