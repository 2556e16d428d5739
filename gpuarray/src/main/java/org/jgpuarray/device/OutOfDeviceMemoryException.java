package org.jgpuarray.device;

/** The device has no room for an allocation, even after unreferenced arrays were released. */
public class OutOfDeviceMemoryException extends DeviceException {
    private static final long serialVersionUID = 1L;
    private final long requestedBytes;

    public OutOfDeviceMemoryException(String call, int code, String codeName, long requestedBytes) {
        super(call, code, codeName, "cannot allocate " + requestedBytes + " bytes of device memory");
        this.requestedBytes = requestedBytes;
    }

    /**
     * A failure with more to say than the size, such as the memory pool's figures.
     *
     * @param detail appended to the message after the requested size
     * @param cause  the driver's own failure, or null
     */
    public OutOfDeviceMemoryException(String call, int code, String codeName, long requestedBytes, String detail,
                                      Throwable cause) {
        super(call, code, codeName, "cannot allocate " + requestedBytes + " bytes of device memory; " + detail, cause);
        this.requestedBytes = requestedBytes;
    }

    /** The size of the allocation that failed. */
    public long requestedBytes() {
        return requestedBytes;
    }
}
