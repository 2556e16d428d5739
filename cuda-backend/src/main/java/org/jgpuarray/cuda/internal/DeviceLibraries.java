package org.jgpuarray.cuda.internal;

import java.util.Optional;

/**
 * The vendor libraries (cuBLAS, cuFFT, cuRAND) of one {@link CudaDriver}, as providers of the core's
 * library interfaces. Created with the device, closed by it before its memory and context go: closing
 * frees every handle, plan and generator.
 * Used from one thread at a time: the core runs library calls under the device's lock
 * ({@code GpuDevice.exclusive}).
 */
public interface DeviceLibraries extends AutoCloseable {
    /** No libraries: the core runs its portable kernels for everything. */
    DeviceLibraries NONE = new DeviceLibraries() {
        @Override
        public <T> Optional<T> get(Class<T> kind) {
            return Optional.empty();
        }

        @Override
        public void close() {
            // nothing to free
        }
    };

    /**
     * The provider of {@code kind} ({@code BlasProvider}, {@code FftProvider} or {@code RandomProvider}),
     * created on first request; empty when the library is not available here. Never throws.
     */
    <T> Optional<T> get(Class<T> kind);

    /** Frees the libraries' handles, plans and generators; idempotent, never throws. */
    @Override
    void close();
}
