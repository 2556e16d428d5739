package org.jgpuarray.cuda.internal.cufft;

import org.jgpuarray.cuda.internal.binding.JnaBinding;
import org.jgpuarray.cuda.internal.binding.LibraryVersion;

/**
 * A cuFFT library loaded in this process through JNA. Immutable and thread-safe.
 *
 * @param library        the bound functions
 * @param implementation what runs, e.g. {@code cuFFT 12.0.0 (JNA, libcufft.so.12)}
 */
public record CufftBinding(CufftLibrary library, String implementation) {
    /**
     * Loads {@code nameOrPath} and reads its version.
     *
     * @throws UnsatisfiedLinkError when it does not load or lacks a function
     */
    static CufftBinding bind(String nameOrPath) {
        CufftLibrary library = JnaBinding.load(nameOrPath, CufftLibrary.class);
        LibraryVersion version = LibraryVersion.fromProperties(library::cufftGetProperty).orElseGet(() -> {
            int[] number = {0};
            if (library.cufftGetVersion(number) != 0) {
                throw new UnsatisfiedLinkError(nameOrPath + ": cufftGetVersion fails");
            }
            return LibraryVersion.fromThousands(number[0]);
        });
        return new CufftBinding(library, "cuFFT " + version + " (JNA, " + nameOrPath + ")");
    }
}
