package org.jgpuarray.cuda.internal.cublas;

import com.sun.jna.ptr.PointerByReference;
import org.jgpuarray.cuda.internal.binding.JnaBinding;
import org.jgpuarray.cuda.internal.binding.LibraryVersion;

/** cuBLAS of any major version bound through JNA ({@link CublasLibrary}). Thread-safe. */
final class JnaCublas implements CublasBinding {
    private final CublasLibrary library;
    private final String implementation;

    private JnaCublas(CublasLibrary library, String implementation) {
        this.library = library;
        this.implementation = implementation;
    }

    /**
     * Loads {@code nameOrPath} and reads its version.
     *
     * @throws UnsatisfiedLinkError when it does not load, lacks a function, or does not say its version
     */
    static JnaCublas bind(String nameOrPath) {
        CublasLibrary library = JnaBinding.load(nameOrPath, CublasLibrary.class);
        LibraryVersion version = LibraryVersion.fromProperties(library::cublasGetProperty)
                .orElseThrow(() -> new UnsatisfiedLinkError(nameOrPath + ": cublasGetProperty fails"));
        return new JnaCublas(library, "cuBLAS " + version + " (JNA, " + nameOrPath + ")");
    }

    @Override
    public String implementation() {
        return implementation;
    }

    @Override
    public CublasHandle create() {
        PointerByReference handle = new PointerByReference();
        CublasStatus.NAMES.check("cublasCreate_v2", library.cublasCreate_v2(handle), implementation);
        return new JnaCublasHandle(library, handle.getValue());
    }
}
