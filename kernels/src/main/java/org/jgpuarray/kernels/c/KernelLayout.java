package org.jgpuarray.kernels.c;

/**
 * Launch geometry that generated GPU sources and the backends that launch them agree on.
 * The sources read {@code JGA_BLOCK} and {@code JGA_ITEMS} as macros with these defaults, so a
 * backend may pass {@code -DJGA_BLOCK=...} (a power of two between 32 and 1024) for a device that
 * needs smaller work-groups.
 */
public final class KernelLayout {
    /** Threads per block (CUDA) or work-items per work-group (OpenCL) of reductions and scans. */
    public static final int BLOCK = 256;
    /** Elements each thread scans sequentially; a scan tile holds {@code BLOCK * ITEMS} elements. */
    public static final int SCAN_ITEMS = 8;
    /** Elements per scan tile with the default block size. */
    public static final int SCAN_TILE = BLOCK * SCAN_ITEMS;

    private KernelLayout() {
    }

    /** Kernel name of a reduction's first stage: per-block partials over the mapped input. */
    public static String reductionStage1(String name) {
        return name + "_stage1";
    }

    /** Kernel name of a reduction's second stage: one block reduces the partials to the result. */
    public static String reductionStage2(String name) {
        return name + "_stage2";
    }

    /** Kernel name of a scan's tile pass: scans each tile and writes each tile's total. */
    public static String scanTiles(String name) {
        return name + "_tiles";
    }

    /** Kernel name of a scan's fix-up pass: combines every tile after the first with the scanned totals. */
    public static String scanAddOffsets(String name) {
        return name + "_add_offsets";
    }
}
