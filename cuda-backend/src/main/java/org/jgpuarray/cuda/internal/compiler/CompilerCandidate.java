package org.jgpuarray.cuda.internal.compiler;

import java.util.Objects;
import java.util.Optional;

/**
 * One compiler the backend looked for: found, or absent with a one-line reason.
 *
 * @param id       the compiler's identifier ({@code jcuda-nvrtc}, {@code nvrtc}, {@code nvcc})
 * @param compiler the compiler, or null when absent
 * @param reason   why it is absent; "" when found
 */
public record CompilerCandidate(String id, CudaCompiler compiler, String reason) {
    public CompilerCandidate {
        Objects.requireNonNull(id, "id");
        reason = Objects.requireNonNullElse(reason, "");
    }

    /** A compiler that was found. */
    public static CompilerCandidate found(CudaCompiler compiler) {
        return new CompilerCandidate(compiler.id(), compiler, "");
    }

    /** A compiler that is not here, and why. */
    public static CompilerCandidate absent(String id, String reason) {
        return new CompilerCandidate(id, null, reason);
    }

    /** The compiler, when found. */
    public Optional<CudaCompiler> get() {
        return Optional.ofNullable(compiler);
    }

    /** {@code id: reason} for an absent compiler, {@code id: description} for a found one. */
    @Override
    public String toString() {
        return id + ": " + (compiler != null ? compiler.description() : reason);
    }
}
