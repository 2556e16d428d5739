package org.jgpuarray;

import org.jgpuarray.kernels.ElementwiseSpec;

/**
 * The choice, per call, between an elementwise spec and its tiled variant ({@link ElementwiseSpec#withTiles()}):
 * the tiled one where the layout has an array running across the rows (a transposed view), the plain one
 * otherwise, so that contiguous rows and broadcasts keep the kernel that runs them fastest. On PoCL, 4096x4096
 * float32 {@code a.T + b} took 46-60 ms tiled against 100-190 ms plain; the CPU backend's kernels decide the
 * same at run time (their tiled walk), so there the variant only names a second class.
 */
final class TiledSpecs {
    private TiledSpecs() {
    }

    /** {@code spec}, or its tiled variant when {@code layout} is {@link Layout#crossed() crossed}. */
    static ElementwiseSpec forLayout(ElementwiseSpec spec, Layout layout) {
        return layout.crossed() ? spec.withTiles() : spec;
    }
}
