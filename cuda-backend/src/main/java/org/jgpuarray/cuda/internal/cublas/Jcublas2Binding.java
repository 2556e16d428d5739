package org.jgpuarray.cuda.internal.cublas;

import jcuda.jcublas.JCublas2;
import jcuda.jcublas.cublasHandle;
import org.jgpuarray.cuda.internal.binding.LibraryVersion;
import org.jgpuarray.cuda.internal.binding.NativeBinding;
import org.jgpuarray.cuda.internal.compiler.NativeLoadErrors;

/**
 * cuBLAS through JCublas2 12.6, whose native library links {@code libcublas.so.12} (and its versioned
 * symbols): it loads only where that library does. JCublas2's exceptions are switched off; every status
 * is checked by jgpuarray. Thread-safe.
 */
final class Jcublas2Binding implements CublasBinding {
    /** The library JCublas2's natives link. */
    static final String SONAME = "libcublas.so.12";

    private final String implementation;

    private Jcublas2Binding(String implementation) {
        this.implementation = implementation;
    }

    /** Loads JCublas2 once (its class initializer loads the natives); the reason when it does not load. */
    static NativeBinding<CublasBinding> locate() {
        try {
            JCublas2.setExceptionsEnabled(false);
            LibraryVersion version = LibraryVersion.fromProperties(JCublas2::cublasGetProperty)
                    .orElseThrow(() -> new IllegalStateException("cublasGetProperty fails"));
            return NativeBinding.found(new Jcublas2Binding("cuBLAS " + version + " (JCublas2, " + SONAME + ")"), SONAME);
        } catch (LinkageError | RuntimeException e) {
            return NativeBinding.absent(NativeLoadErrors.missing(e, SONAME) ? SONAME + " not found"
                    : "does not load: " + NativeLoadErrors.reason(e));
        }
    }

    @Override
    public String implementation() {
        return implementation;
    }

    @Override
    public CublasHandle create() {
        cublasHandle handle = new cublasHandle();
        CublasStatus.NAMES.check("cublasCreate_v2", JCublas2.cublasCreate(handle), implementation);
        return new Jcublas2Handle(handle);
    }
}
