package org.jgpuarray.spi.gpu;

import org.jgpuarray.device.DeviceInfo;
import org.jgpuarray.device.DeviceType;
import org.jgpuarray.kernels.c.KernelLayout;

/**
 * How many threads and blocks the generated kernels are launched with on one device. Generated kernels
 * loop grid-stride over {@code n}, so the grid is capped at a few waves of the device and never needs to
 * cover {@code n} itself. GPUs get waves of resident blocks; CPU devices (OpenCL drivers such as PoCL run a
 * work-group as one vectorized loop) get larger groups, one work-item per element (exactly, where a group
 * size divides {@code n}: elementwise kernels then run without their loop), and scans that work
 * sequentially per thread.
 */
final class LaunchGeometry {
    /** Threads a GPU multiprocessor keeps resident, roughly (2048 on NVIDIA SMs, 2560 on AMD CUs). */
    private static final int RESIDENT_THREADS = 2048;
    /** Waves of resident blocks an elementwise grid holds on a GPU. */
    private static final int ELEMENTWISE_WAVES = 4;
    /** Waves of resident blocks a reduction's first stage holds on a GPU. */
    private static final int REDUCTION_WAVES = 2;
    /** Largest elementwise group on CPUs and accelerators. */
    private static final int CPU_ELEMENTWISE_LOCAL = 1024;
    /** Most elementwise groups on CPUs and accelerators; beyond, work-items loop grid-stride. */
    private static final long MAX_CPU_GROUPS = 1L << 22;
    /**
     * Smallest elementwise group a CPU launch takes so as to cover {@code n} exactly (one work-item per element,
     * the generated kernels' loop-free branch): on PoCL, 64 beat 1024 with the loop, 32 did not.
     */
    private static final int MIN_CPU_COVERING_LOCAL = 64;
    /** Elements per work-item of a reduction's first stage on CPUs (measured best on PoCL). */
    private static final int CPU_ITEMS_PER_THREAD = 16;
    /** Most partials of a reduction on CPUs. */
    private static final int MAX_CPU_PARTIALS = 1 << 16;
    /** Work-items per scan group on CPUs (the smallest block the generated scans allow). */
    static final int CPU_SCAN_BLOCK = 32;
    /** Elements each work-item scans sequentially on CPUs: about 3x faster on PoCL than the GPU shape. */
    static final int CPU_SCAN_ITEMS = 256;

    private final boolean gpu;
    private final int computeUnits;
    private final long localMemoryBytes;
    private final long maxBlock;

    LaunchGeometry(DeviceInfo device, LaunchLimits limits) {
        this.gpu = device.type() == DeviceType.GPU;
        this.computeUnits = Math.max(1, device.computeUnits());
        this.localMemoryBytes = device.localMemoryBytes() > 0 ? device.localMemoryBytes() : 16 * 1024;
        this.maxBlock = Math.max(1, Math.min(limits.maxThreadsPerBlock(), limits.maxBlock()[0]));
    }

    /** Compute units of the device (multiprocessors, or cores of a CPU device), at least 1. */
    int computeUnits() {
        return computeUnits;
    }

    /** True for GPUs. */
    boolean gpu() {
        return gpu;
    }

    /** Threads per block of an elementwise kernel: a power of two up to 256 on GPUs, 1024 elsewhere. */
    int elementwiseBlock(int kernelMax) {
        long cap = gpu ? KernelLayout.BLOCK : CPU_ELEMENTWISE_LOCAL;
        return (int) Long.highestOneBit(Math.max(1, Math.min(Math.min(cap, kernelMax), maxBlock)));
    }

    /**
     * Threads per block of an elementwise launch over {@code n > 0} elements, given the kernel's
     * {@link #elementwiseBlock block}: on CPUs and accelerators, when {@code n} is not a whole number of such
     * blocks, the largest power of two below it that divides {@code n}, so that the launch has exactly one
     * work-item per element and the generated kernel runs without its loop; {@code block} itself on GPUs,
     * when it already divides {@code n}, or when no such divisor is at least {@value #MIN_CPU_COVERING_LOCAL}
     * or its groups would be too many.
     */
    int elementwiseCoveringBlock(long n, int block) {
        if (gpu || n % block == 0) {
            return block;
        }
        long covering = Math.min(block, Long.lowestOneBit(n));
        return covering >= MIN_CPU_COVERING_LOCAL && n / covering <= MAX_CPU_GROUPS ? (int) covering : block;
    }

    /** Blocks of {@code block} threads for an elementwise kernel over {@code n > 0} elements. */
    long elementwiseBlocks(long n, int block) {
        long needed = ceilDiv(n, block);
        long cap = gpu ? (long) computeUnits * Math.max(1, RESIDENT_THREADS / block) * ELEMENTWISE_WAVES
                : MAX_CPU_GROUPS;
        return Math.max(1, Math.min(needed, cap));
    }

    /** Blocks of a reduction's first stage over {@code n >= 0} elements; each writes one partial. */
    long reductionBlocks(long n, int block) {
        long needed = gpu ? ceilDiv(n, block) : ceilDiv(n, (long) block * CPU_ITEMS_PER_THREAD);
        long cap = gpu ? (long) computeUnits * Math.max(1, RESIDENT_THREADS / block) * REDUCTION_WAVES
                : MAX_CPU_PARTIALS;
        return Math.max(1, Math.min(needed, cap));
    }

    /** Elements each thread of a scan handles sequentially: {@link KernelLayout#SCAN_ITEMS} on GPUs. */
    int scanItems(int elementBytes) {
        if (gpu) {
            return KernelLayout.SCAN_ITEMS;
        }
        int items = CPU_SCAN_ITEMS;
        while (items > KernelLayout.SCAN_ITEMS && localBytes(CPU_SCAN_BLOCK, elementBytes, items) > localMemoryBytes) {
            items /= 2;
        }
        return items;
    }

    /** The block of a reduction ({@code itemsPerThread} 1) or scan: the largest that fits local memory. */
    int block(int elementBytes, int itemsPerThread) {
        int block = (int) Long.highestOneBit(Math.max(1, Math.min(KernelLayout.BLOCK, maxBlock)));
        while (block > 1 && localBytes(block, elementBytes, itemsPerThread) > localMemoryBytes) {
            block /= 2;
        }
        return gpu || itemsPerThread == 1 ? block : Math.min(CPU_SCAN_BLOCK, block);
    }

    /** Local memory of a block: a scan holds {@code block * items} padded elements plus {@code block + 1} more. */
    static long localBytes(int block, int elementBytes, int itemsPerThread) {
        long tile = (long) block * itemsPerThread;
        long padded = itemsPerThread > 1 ? tile + (tile >> 5) : 0;
        return (padded + block + 1) * elementBytes;
    }

    static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
