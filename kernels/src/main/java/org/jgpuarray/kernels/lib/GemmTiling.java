package org.jgpuarray.kernels.lib;

/**
 * Tile sizes of the GEMM kernel of {@link GemmKernels}: each work-group computes a
 * {@code tileM x tileN} block of C, staging {@code tileK}-deep slices of op(A) and op(B) in local
 * (shared) memory; each thread accumulates a {@code workM x workN} micro-tile in registers. A group
 * has {@code (tileN / workN) x (tileM / workM)} threads.
 *
 * @param tileM rows of C per group
 * @param tileN columns of C per group
 * @param tileK depth of one staged slice
 * @param workM rows of C per thread; divides tileM
 * @param workN columns of C per thread; divides tileN
 */
public record GemmTiling(int tileM, int tileN, int tileK, int workM, int workN) {
    /** 64 x 64 tiles, 4 x 4 per thread, 256 threads: a good default on GPUs. */
    public static final GemmTiling GPU = new GemmTiling(64, 64, 16, 4, 4);
    /** 128 x 128 tiles, 8 x 8 per thread, 256 threads: for large GPUs, and for CPU OpenCL devices (PoCL). */
    public static final GemmTiling LARGE = new GemmTiling(128, 128, 16, 8, 8);
    /** 32 x 32 tiles, 4 x 4 per thread, 64 threads: for small devices and work-groups. */
    public static final GemmTiling SMALL = new GemmTiling(32, 32, 16, 4, 4);

    public GemmTiling {
        if (tileM <= 0 || tileN <= 0 || tileK <= 0 || workM <= 0 || workN <= 0
                || tileM % workM != 0 || tileN % workN != 0) {
            throw new IllegalArgumentException("invalid GEMM tiling " + tileM + "x" + tileN + "x" + tileK
                    + " with " + workM + "x" + workN + " per thread: sizes must be positive and divisible");
        }
        int threads = (tileM / workM) * (tileN / workN);
        if ((tileM * tileK) % threads != 0 || (tileN * tileK) % threads != 0) {
            throw new IllegalArgumentException("GEMM tiling " + this + ": the " + threads
                    + " threads must divide the staged tiles evenly");
        }
    }

    /**
     * A tiling by name: {@code small}, {@code gpu} or {@code large}, or explicit sizes
     * {@code TMxTNxTK:WMxWN} such as {@code 64x64x16:4x4}.
     *
     * @throws IllegalArgumentException for anything else, or sizes the constructor rejects
     */
    public static GemmTiling parse(String text) {
        String t = text.trim().toLowerCase(java.util.Locale.ROOT);
        switch (t) {
            case "small":
                return SMALL;
            case "gpu":
                return GPU;
            case "large":
                return LARGE;
            default:
                break;
        }
        String[] parts = t.split("[x:]");
        if (parts.length != 5) {
            throw new IllegalArgumentException("GEMM tiling '" + text + "': expected small, gpu, large or TMxTNxTK:WMxWN");
        }
        try {
            return new GemmTiling(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]),
                    Integer.parseInt(parts[3]), Integer.parseInt(parts[4]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("GEMM tiling '" + text + "': expected small, gpu, large or TMxTNxTK:WMxWN", e);
        }
    }

    @Override
    public String toString() {
        return tileM + "x" + tileN + "x" + tileK + ":" + workM + "x" + workN;
    }

    /** Threads along a group's first dimension (columns of C). */
    public int threadsX() {
        return tileN / workN;
    }

    /** Threads along a group's second dimension (rows of C). */
    public int threadsY() {
        return tileM / workM;
    }

    /** Bytes of local memory one group uses for elements of {@code elementBytes}. */
    public long localMemoryBytes(int elementBytes) {
        return (long) tileK * (tileM + 1 + tileN + 1) * elementBytes;
    }
}
