package org.jgpuarray.spi;

/**
 * A compute backend, found through {@link java.util.ServiceLoader}: register an implementation in
 * {@code META-INF/services/org.jgpuarray.spi.Backend}. Implementations must construct cheaply and
 * must not touch native libraries before {@link #probe()} or {@link #open(int)}.
 */
public interface Backend {
    /** The backend's name: {@code cpu}, {@code opencl}, {@code cuda}. */
    String name();

    /** Preference when the user names no backend: higher wins (cuda 300, opencl 200, cpu 100). */
    int priority();

    /**
     * Finds out whether the backend can run here and which devices it has. Never throws: any
     * failure, native-library errors included, becomes an unavailable probe with a one-line reason.
     * May be called several times; implementations may cache the answer.
     */
    BackendProbe probe();

    /**
     * Opens a device for computing.
     *
     * @param deviceIndex index into {@link BackendProbe#devices()}
     * @return the opened device; the caller closes it
     * @throws org.jgpuarray.BackendUnavailableException when the backend or that device cannot start
     */
    BackendDevice open(int deviceIndex);
}
