package org.jgpuarray.cuda.internal.curand;

import org.jgpuarray.cuda.internal.binding.JnaBinding;
import org.jgpuarray.cuda.internal.binding.LibraryVersion;

/**
 * A cuRAND library loaded in this process through JNA. Immutable and thread-safe.
 *
 * @param library        the bound functions
 * @param implementation what runs, e.g. {@code cuRAND 10.4.0 (JNA, libcurand.so.10), Philox4_32_10}
 */
public record CurandBinding(CurandLibrary library, String implementation) {
    /**
     * Loads {@code nameOrPath} and reads its version.
     *
     * @throws UnsatisfiedLinkError when it does not load or lacks a function
     */
    static CurandBinding bind(String nameOrPath) {
        CurandLibrary library = JnaBinding.load(nameOrPath, CurandLibrary.class);
        LibraryVersion version = LibraryVersion.fromProperties(library::curandGetProperty).orElseGet(() -> {
            int[] number = {0};
            if (library.curandGetVersion(number) != 0) {
                throw new UnsatisfiedLinkError(nameOrPath + ": curandGetVersion fails");
            }
            return LibraryVersion.fromThousands(number[0]);
        });
        return new CurandBinding(library, "cuRAND " + version + " (JNA, " + nameOrPath + "), Philox4_32_10");
    }
}
