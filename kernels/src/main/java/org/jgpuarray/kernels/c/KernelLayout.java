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
    /**
     * Neighbouring outputs one work-item of the OpenCL {@code columns} kernel reduces together
     * ({@code JGA_STRIP} in the source): on PoCL the eight rows of a step of a 64-output float32 strip are read as
     * vectors, the main pass over 4096 x 4096 at 0.85x the speed of a contiguous full sum (32 outputs: 0.7x; 128
     * outputs spill registers: 6x slower, and the program takes 12 s to compile).
     */
    public static final int COLUMN_STRIP = 64;
    /** Elements each thread scans sequentially; a scan tile holds {@code BLOCK * ITEMS} elements. */
    public static final int SCAN_ITEMS = 8;
    /** Elements per scan tile with the default block size. */
    public static final int SCAN_TILE = BLOCK * SCAN_ITEMS;

    /** Characters of the user's kernel name that a generated entry point keeps. */
    static final int NAME_PREFIX = 24;

    private KernelLayout() {
    }

    /**
     * The C name generated code gives a kernel: {@code jga_}, the first {@value #NAME_PREFIX} characters of the
     * user's name, and 12 hex digits of a digest of the name and of everything the kernel is. Any user name
     * works (long ones, and ones that collide with built-ins of the dialect such as {@code sin} or
     * {@code max}); messages keep the user's name; the same kernel has the same name in every process.
     *
     * @param userName   the spec's name, a C identifier
     * @param definition the texts that define the kernel (argument list, snippets, types)
     */
    public static String entryName(String userName, String... definition) {
        String[] parts = new String[definition.length + 1];
        parts[0] = userName;
        System.arraycopy(definition, 0, parts, 1, definition.length);
        String digest = org.jgpuarray.kernels.Identifiers.derived("x", parts).substring(2, 14);
        String prefix = userName.length() > NAME_PREFIX ? userName.substring(0, NAME_PREFIX) : userName;
        return "jga_" + prefix + "_" + digest;
    }

    /** Kernel name of a reduction's first stage: per-block partials over the mapped input. */
    public static String reductionStage1(String name) {
        return name + "_stage1";
    }

    /** Kernel name of a reduction's second stage: one block reduces the partials to the result. */
    public static String reductionStage2(String name) {
        return name + "_stage2";
    }

    /**
     * Kernel name of a reduction's first stage for CPU devices in OpenCL: each work-item reduces a chunk of
     * consecutive elements into a partial of its own, which the second stage then combines.
     */
    public static String reductionChunks(String name) {
        return name + "_chunks";
    }

    /** Kernel name of a segmented reduction's main pass: part of every output's positions, or all of them. */
    public static String segments(String name) {
        return name + "_segments";
    }

    /**
     * Kernel name of a segmented reduction's main pass for CPU devices in OpenCL when neighbouring outputs lie
     * together in memory: one work-item per strip of {@link #COLUMN_STRIP} outputs, stepping through a part of the rows.
     */
    public static String segmentColumns(String name) {
        return name + "_columns";
    }

    /** Kernel name of a segmented reduction's second pass: combines each output's partials. */
    public static String segmentPartials(String name) {
        return name + "_partials";
    }

    /** Kernel name of a scan's tile pass: scans each tile and writes each tile's total. */
    public static String scanTiles(String name) {
        return name + "_tiles";
    }

    /** Kernel name of a scan's fix-up pass: combines every tile after the first with the scanned totals. */
    public static String scanAddOffsets(String name) {
        return name + "_add_offsets";
    }

    /** Kernel name of a scan of rows shorter than a tile: one thread scans each row. */
    public static String scanRows(String name) {
        return name + "_rows";
    }
}
