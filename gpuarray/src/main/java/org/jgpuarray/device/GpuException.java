package org.jgpuarray.device;

/** The root of the exceptions jgpuarray throws for device, backend and kernel problems. */
public class GpuException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public GpuException(String message) {
        super(message);
    }

    public GpuException(String message, Throwable cause) {
        super(message, cause);
    }
}
