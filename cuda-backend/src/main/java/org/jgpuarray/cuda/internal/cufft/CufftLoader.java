package org.jgpuarray.cuda.internal.cufft;

import java.nio.file.Path;
import java.util.List;
import org.jgpuarray.cuda.internal.binding.LibrarySwitch;
import org.jgpuarray.cuda.internal.binding.NativeBinding;
import org.jgpuarray.cuda.internal.binding.SonameSearch;

/** Finds cuFFT: the newest of {@link #SONAMES} that binds through JNA, as the {@link LibrarySwitch} allows. */
public final class CufftLoader {
    /** The sonames tried, newest first (cuFFT 12 comes with CUDA 13, 11 with CUDA 12, 10 with CUDA 11). */
    public static final List<String> SONAMES = List.of("libcufft.so.12", "libcufft.so.11", "libcufft.so.10");

    private CufftLoader() {
    }

    /**
     * Loads cuFFT in this process.
     *
     * @param allowed whether cuFFT may be bound
     * @param roots   toolkit roots searched after the dynamic loader
     */
    public static NativeBinding<CufftBinding> load(LibrarySwitch allowed, List<Path> roots) {
        if (!allowed.allowsJna("cufft")) {
            return NativeBinding.absent(allowed.refusal());
        }
        return SonameSearch.search("cuFFT", SONAMES, roots, CufftBinding::bind);
    }
}
