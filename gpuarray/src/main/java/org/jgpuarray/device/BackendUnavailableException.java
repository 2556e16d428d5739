package org.jgpuarray.device;

/** A backend cannot start on this machine; {@link #reason()} says why in one line. */
public class BackendUnavailableException extends GpuException {
    private static final long serialVersionUID = 1L;
    private final String backend;
    private final String reason;

    public BackendUnavailableException(String backend, String reason) {
        this(backend, reason, null);
    }

    public BackendUnavailableException(String backend, String reason, Throwable cause) {
        super("backend '" + backend + "' is unavailable: " + reason, cause);
        this.backend = backend;
        this.reason = reason;
    }

    /** The backend's name: {@code cpu}, {@code opencl} or {@code cuda}. */
    public String backend() {
        return backend;
    }

    /** One line: why the backend cannot start (no driver, no compiler, version mismatch, ...). */
    public String reason() {
        return reason;
    }
}
