package org.jgpuarray.cuda.internal.binding;

import java.util.Optional;

/**
 * The version of a CUDA library, e.g. cuBLAS 13.0.2. Immutable.
 *
 * @param major major version
 * @param minor minor version
 * @param patch patch level
 */
public record LibraryVersion(int major, int minor, int patch) {
    /** {@code libraryPropertyType} values of the {@code *GetProperty} functions. */
    private static final int MAJOR_VERSION = 0;
    private static final int MINOR_VERSION = 1;
    private static final int PATCH_LEVEL = 2;

    /** A library's {@code xxxGetProperty(libraryPropertyType type, int *value)}, returning its status. */
    @FunctionalInterface
    public interface PropertyQuery {
        /** Writes the property into {@code value[0]}; returns 0 on success. */
        int query(int type, int[] value);
    }

    /**
     * The version from a library's {@code GetProperty} function; empty when it fails or is missing
     * (libraries older than CUDA 8).
     */
    public static Optional<LibraryVersion> fromProperties(PropertyQuery query) {
        int[] parts = new int[3];
        int[] types = {MAJOR_VERSION, MINOR_VERSION, PATCH_LEVEL};
        try {
            for (int k = 0; k < 3; k++) {
                int[] value = {0};
                if (query.query(types[k], value) != 0) {
                    return Optional.empty();
                }
                parts[k] = value[0];
            }
        } catch (LinkageError | RuntimeException missing) {
            return Optional.empty();
        }
        return Optional.of(new LibraryVersion(parts[0], parts[1], parts[2]));
    }

    /**
     * Decodes {@code major * 1000 + minor * 100 + patch}, the encoding of {@code cufftGetVersion} and
     * {@code curandGetVersion} (cuFFT 11.2.6 is 11206).
     */
    public static LibraryVersion fromThousands(int number) {
        return new LibraryVersion(number / 1000, number % 1000 / 100, number % 100);
    }

    /**
     * Decodes {@code cublasGetVersion}: {@code major * 10000 + minor * 100 + patch} from cuBLAS 12 on
     * (120604 is 12.6.4), {@code major * 1000 + minor * 100 + patch} before.
     */
    public static LibraryVersion fromCublasNumber(int number) {
        return number >= 100_000 ? new LibraryVersion(number / 10_000, number % 10_000 / 100, number % 100)
                : fromThousands(number);
    }

    /** E.g. {@code 13.0.2}. */
    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }
}
