package org.jgpuarray.cuda.internal.cublas;

import java.nio.file.Path;
import java.util.List;
import org.jgpuarray.cuda.internal.binding.LibrarySwitch;
import org.jgpuarray.cuda.internal.binding.NativeBinding;
import org.jgpuarray.cuda.internal.binding.SonameSearch;

/**
 * Finds cuBLAS: JCublas2 where {@code libcublas.so.12} loads, else the newest of {@link #SONAMES} bound
 * through JNA, as the {@link LibrarySwitch} allows.
 */
public final class CublasLoader {
    /** The sonames tried through JNA, newest first. */
    public static final List<String> SONAMES = List.of("libcublas.so.13", "libcublas.so.12", "libcublas.so.11");
    /** The soname JCublas2's natives link, tried first where JCublas2 is allowed. */
    public static final String JCUBLAS2_SONAME = Jcublas2Binding.SONAME;

    private CublasLoader() {
    }

    /**
     * Loads cuBLAS in this process (call once: JCublas2 cannot be retried after a failed load).
     *
     * @param allowed which bindings may be tried
     * @param roots   toolkit roots searched after the dynamic loader
     */
    public static NativeBinding<CublasBinding> load(LibrarySwitch allowed, List<Path> roots) {
        String jcublas = "";
        if (allowed.allowsJcublas2()) {
            NativeBinding<CublasBinding> viaJcuda = Jcublas2Binding.locate();
            if (viaJcuda.isLoaded()) {
                return viaJcuda;
            }
            jcublas = "; JCublas2: " + viaJcuda.reason();
        }
        if (!allowed.allowsJna("cublas")) {
            return NativeBinding.absent(allowed.refusal());
        }
        NativeBinding<CublasBinding> viaJna = SonameSearch.search("cuBLAS", SONAMES, roots, JnaCublas::bind);
        return viaJna.isLoaded() ? viaJna : NativeBinding.absent(viaJna.reason() + jcublas);
    }
}
