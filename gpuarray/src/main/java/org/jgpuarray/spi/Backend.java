package org.jgpuarray.spi;

import org.jgpuarray.device.BackendProbe;

/**
 * A compute backend, found through {@link java.util.ServiceLoader}: declare it with
 * {@code provides org.jgpuarray.spi.Backend with ...} in the backend's module descriptor and in
 * {@code META-INF/services/org.jgpuarray.spi.Backend} for the class path. The core discovers backends
 * once per class loader. Implementations must construct cheaply and must not touch native libraries
 * before {@link #probe()} or {@link #open(int)}.
 */
public interface Backend {
    /**
     * The version of this interface and of everything it reaches ({@link BackendDevice}, the compiled-kernel
     * and library interfaces, the kernel specs). The core refuses a backend that declares another version.
     * Version 3: {@link RawFunction#launch} takes the dynamic shared memory size. Version 4:
     * {@link BlasProvider#gemmStridedBatched} (batches, element offsets, integer types). Version 5: streams
     * and events ({@link BackendDevice#newStream()}, {@link BackendDevice#select}), pinned memory and
     * asynchronous copies.
     */
    int SPI_VERSION = 5;

    /** The backend's name: {@code cpu}, {@code opencl}, {@code cuda}. Lower case. */
    String name();

    /** Preference when the user names no backend: higher wins (cuda 300, opencl 200, cpu 100). */
    int priority();

    /**
     * The SPI version the backend was built against: implement as {@code return SPI_VERSION;}, so the
     * compiler records the version of the SPI the backend was compiled with.
     */
    int spiVersion();

    /**
     * Finds out whether the backend can run here and which devices it has. Never throws: any
     * failure, native-library errors included, becomes an unavailable probe with a one-line reason.
     * May be called several times; implementations cache the answer.
     */
    BackendProbe probe();

    /**
     * Opens a device for computing.
     *
     * @param deviceIndex index into {@link BackendProbe#devices()}
     * @return the opened device; the caller closes it
     * @throws org.jgpuarray.device.BackendUnavailableException when the backend or that device cannot start
     */
    BackendDevice open(int deviceIndex);
}
