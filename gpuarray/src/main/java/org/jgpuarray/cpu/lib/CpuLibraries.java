package org.jgpuarray.cpu.lib;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.jgpuarray.spi.BlasProvider;
import org.jgpuarray.spi.DeviceBuffer;
import org.jgpuarray.spi.FftProvider;
import org.jgpuarray.spi.RandomProvider;
import org.jgpuarray.spi.SortProvider;

/**
 * The CPU backend's library providers: Java BLAS, Philox random numbers, JTransforms FFTs and the JDK's
 * sorts that work directly on the Java arrays behind its buffers. The CPU device answers
 * {@link org.jgpuarray.spi.BackendDevice#library(Class)} with these.
 */
public final class CpuLibraries {
    private CpuLibraries() {
    }

    /**
     * The provider of a kind.
     *
     * @param kind   {@link BlasProvider}, {@link RandomProvider}, {@link FftProvider} or {@link SortProvider}
     * @param arrays the Java array behind a CPU buffer ({@code float[]} for float32 and complex64, ...)
     * @return the provider, or empty for another kind
     */
    public static <T> Optional<T> find(Class<T> kind, Function<DeviceBuffer, Object> arrays) {
        Objects.requireNonNull(arrays, "arrays");
        Object provider = null;
        if (kind == BlasProvider.class) {
            provider = new CpuBlasProvider(arrays);
        } else if (kind == RandomProvider.class) {
            provider = new CpuRandomProvider(arrays);
        } else if (kind == FftProvider.class) {
            provider = new CpuFftProvider(arrays);
        } else if (kind == SortProvider.class) {
            provider = new CpuSortProvider(arrays);
        }
        return Optional.ofNullable(provider).map(kind::cast);
    }
}
