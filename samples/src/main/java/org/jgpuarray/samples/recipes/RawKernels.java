package org.jgpuarray.samples.recipes;

import java.util.Optional;
import org.jgpuarray.GpuContext;

/**
 * Picks the hand-written source a raw-kernel recipe gives for the context's language: CUDA C++ on the
 * {@code cuda} backend, OpenCL C on {@code opencl}; the CPU backend compiles no raw source.
 */
final class RawKernels {
    /** The SKIPPED reason of a raw-kernel recipe on a backend without raw source. */
    static final String NEEDS_RAW = "needs the CUDA or OpenCL backend: a raw kernel is CUDA C or OpenCL C source,"
            + " and the %s backend runs generated kernels only";

    private RawKernels() {
    }

    /**
     * The source for this context's backend.
     *
     * @param context     not modified
     * @param cudaSource  the CUDA C++ version (kernels declared {@code extern "C"})
     * @param openclSource the OpenCL C version
     * @return empty when the backend takes neither
     */
    static Optional<String> sourceFor(GpuContext context, String cudaSource, String openclSource) {
        return switch (context.backendName()) {
            case "cuda" -> Optional.of(cudaSource);
            case "opencl" -> Optional.of(openclSource);
            default -> Optional.empty();
        };
    }

    /** The SKIPPED outcome for this context. */
    static Outcome skipped(GpuContext context) {
        return Outcome.skipped(String.format(NEEDS_RAW, context.backendName()));
    }
}
