package org.jgpuarray.cuda.internal.compiler;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * The output of a CUDA compiler: PTX text or a cubin, ready for {@code cuModuleLoadDataEx}. The
 * image is not copied: treat it as read-only.
 *
 * @param kind  PTX or cubin
 * @param arch  the architecture it was compiled for, e.g. {@code compute_80} or {@code sm_90}
 * @param image the PTX text (without a terminating NUL) or the cubin bytes
 * @param log   the compiler's messages (warnings), "" when none
 */
public record CudaBinary(BinaryKind kind, String arch, byte[] image, String log) {
    public CudaBinary {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(arch, "arch");
        Objects.requireNonNull(image, "image");
        log = Objects.requireNonNullElse(log, "");
        if (kind == BinaryKind.PTX) {
            int end = image.length;
            while (end > 0 && image[end - 1] == 0) {
                end--;
            }
            image = end == image.length ? image : Arrays.copyOf(image, end);
        }
    }

    /** The bytes to hand to the driver: PTX gets its terminating NUL. */
    public byte[] imageForLoading() {
        return kind == BinaryKind.PTX ? Arrays.copyOf(image, image.length + 1) : image;
    }

    /** The PTX as text; only for {@link BinaryKind#PTX}. */
    public String ptxText() {
        if (kind != BinaryKind.PTX) {
            throw new IllegalStateException("a cubin is not text");
        }
        return new String(image, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return kind + " for " + arch + ", " + image.length + " bytes";
    }
}
