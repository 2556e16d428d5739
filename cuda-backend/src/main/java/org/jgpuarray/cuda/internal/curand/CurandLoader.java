package org.jgpuarray.cuda.internal.curand;

import java.nio.file.Path;
import java.util.List;
import org.jgpuarray.cuda.internal.binding.LibrarySwitch;
import org.jgpuarray.cuda.internal.binding.NativeBinding;
import org.jgpuarray.cuda.internal.binding.SonameSearch;

/** Finds cuRAND: {@code libcurand.so.10} (the soname of CUDA 10 to 13) through JNA, as the {@link LibrarySwitch} allows. */
public final class CurandLoader {
    /** The sonames tried. */
    public static final List<String> SONAMES = List.of("libcurand.so.10");

    private CurandLoader() {
    }

    /**
     * Loads cuRAND in this process.
     *
     * @param allowed whether cuRAND may be bound
     * @param roots   toolkit roots searched after the dynamic loader
     */
    public static NativeBinding<CurandBinding> load(LibrarySwitch allowed, List<Path> roots) {
        if (!allowed.allowsJna("curand")) {
            return NativeBinding.absent(allowed.refusal());
        }
        return SonameSearch.search("cuRAND", SONAMES, roots, CurandBinding::bind);
    }
}
