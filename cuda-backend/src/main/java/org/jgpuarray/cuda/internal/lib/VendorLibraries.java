package org.jgpuarray.cuda.internal.lib;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jgpuarray.cuda.internal.binding.LibraryFiles;
import org.jgpuarray.cuda.internal.binding.LibrarySwitch;
import org.jgpuarray.cuda.internal.binding.NativeBinding;
import org.jgpuarray.cuda.internal.compiler.CompilerSelection;
import org.jgpuarray.cuda.internal.cublas.CublasBinding;
import org.jgpuarray.cuda.internal.cublas.CublasLoader;
import org.jgpuarray.cuda.internal.cufft.CufftBinding;
import org.jgpuarray.cuda.internal.cufft.CufftLoader;
import org.jgpuarray.cuda.internal.curand.CurandBinding;
import org.jgpuarray.cuda.internal.curand.CurandLoader;

/**
 * cuBLAS, cuFFT and cuRAND as loaded in this process: each is looked for once, on first request, as
 * {@code JGPUARRAY_CUDA_LIBRARIES} allows, in the dynamic loader's path and then under
 * {@code CUDA_HOME}, {@code CUDA_PATH} and {@code /usr/local/cuda}; the outcome is logged once at DEBUG.
 * Loading never throws. The device probe does not load them: {@link #properties()} reports what would load.
 * Thread-safe.
 */
public final class VendorLibraries {
    private static final System.Logger LOG = System.getLogger("org.jgpuarray.cuda");

    private static NativeBinding<CublasBinding> cublas;
    private static NativeBinding<CufftBinding> cufft;
    private static NativeBinding<CurandBinding> curand;

    private VendorLibraries() {
    }

    /** cuBLAS, through JCublas2 or JNA, or why not. */
    public static synchronized NativeBinding<CublasBinding> cublas() {
        if (cublas == null) {
            cublas = logged("cuBLAS", CublasLoader.load(LibrarySwitch.fromEnvironment(), roots()),
                    CublasBinding::implementation);
        }
        return cublas;
    }

    /** cuFFT through JNA, or why not. */
    public static synchronized NativeBinding<CufftBinding> cufft() {
        if (cufft == null) {
            cufft = logged("cuFFT", CufftLoader.load(LibrarySwitch.fromEnvironment(), roots()),
                    CufftBinding::implementation);
        }
        return cufft;
    }

    /** cuRAND through JNA, or why not. */
    public static synchronized NativeBinding<CurandBinding> curand() {
        if (curand == null) {
            curand = logged("cuRAND", CurandLoader.load(LibrarySwitch.fromEnvironment(), roots()),
                    CurandBinding::implementation);
        }
        return curand;
    }

    /**
     * The device properties that say what loads, without loading anything: {@code cublas}, {@code cufft} and
     * {@code curand}, each the implementation where the library was loaded already (e.g.
     * {@code cuFFT 12.0.0 (JNA, libcufft.so.12)}), else {@code found <soname> at <path>; loaded on first use}
     * for the file the first use will try first, {@code not found: <reason>} or {@code disabled by ...}.
     */
    public static synchronized Map<String, Object> properties() {
        LibrarySwitch allowed = LibrarySwitch.fromEnvironment();
        LibraryFiles files = LibraryFiles.ofThisProcess();
        List<Path> roots = roots();
        List<String> cublasNames = new ArrayList<>(CublasLoader.SONAMES);
        if (allowed.allowsJcublas2()) {
            cublasNames.remove(CublasLoader.JCUBLAS2_SONAME);
            cublasNames.add(0, CublasLoader.JCUBLAS2_SONAME); // JCublas2 is tried first
        }
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("cublas", cublas != null ? describe(cublas, CublasBinding::implementation)
                : unloaded(allowed.allowsJna("cublas") || allowed.allowsJcublas2(), allowed, files, cublasNames, roots));
        p.put("cufft", cufft != null ? describe(cufft, CufftBinding::implementation)
                : unloaded(allowed.allowsJna("cufft"), allowed, files, CufftLoader.SONAMES, roots));
        p.put("curand", curand != null ? describe(curand, CurandBinding::implementation)
                : unloaded(allowed.allowsJna("curand"), allowed, files, CurandLoader.SONAMES, roots));
        return p;
    }

    /** What a library not loaded yet would be loaded from. */
    static String unloaded(boolean enabled, LibrarySwitch allowed, LibraryFiles files, List<String> sonames,
                           List<Path> roots) {
        if (!enabled) {
            return allowed.refusal();
        }
        for (String soname : sonames) {
            Optional<Path> file = files.locate(soname, roots);
            if (file.isPresent()) {
                return "found " + soname + " at " + file.get() + "; loaded on first use";
            }
        }
        return "not found: no " + String.join(", ", sonames) + " on the loader's path or under "
                + String.join(", ", roots.stream().map(Path::toString).toList());
    }

    /** The property text of one outcome. */
    static <T> String describe(NativeBinding<T> binding, Function<T, String> implementation) {
        if (binding.isLoaded()) {
            return implementation.apply(binding.library());
        }
        return binding.reason().startsWith("disabled") ? binding.reason() : "not found: " + binding.reason();
    }

    private static <T> NativeBinding<T> logged(String what, NativeBinding<T> binding,
                                               Function<T, String> implementation) {
        LOG.log(System.Logger.Level.DEBUG, () -> what + ": " + describe(binding, implementation));
        return binding;
    }

    private static List<Path> roots() {
        List<Path> roots = new ArrayList<>(CompilerSelection.cudaHomes(System::getenv));
        roots.addAll(CompilerSelection.DEFAULT_TOOLKITS);
        return roots;
    }
}
