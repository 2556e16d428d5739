package org.jgpuarray.opencl.internal;

import org.jgpuarray.kernels.c.KernelLayout;

/**
 * How many work-items and work-groups the backend launches on one device. Generated kernels loop
 * grid-stride over {@code n}, so the global size is capped at a few waves of the device and never needs
 * to cover {@code n} itself.
 *
 * @param gpu          true for GPU devices (many resident work-groups per compute unit)
 * @param computeUnits {@code CL_DEVICE_MAX_COMPUTE_UNITS}, at least 1
 */
record LaunchGeometry(boolean gpu, int computeUnits) {
    /** Work-items a GPU compute unit keeps resident, roughly (2048 on NVIDIA SMs, 2560 on AMD CUs). */
    private static final int RESIDENT_ITEMS = 2048;
    /** Largest elementwise work-group on CPUs and accelerators. */
    private static final int CPU_ELEMENTWISE_LOCAL = 1024;
    /** Most elementwise work-groups on CPUs and accelerators; beyond, work-items loop grid-stride. */
    private static final long MAX_CPU_GROUPS = 1L << 22;
    /** Elements per work-item of a reduction's first stage on CPUs (measured best on PoCL). */
    private static final int CPU_ITEMS_PER_THREAD = 16;
    /** Most partials of a reduction on CPUs. */
    private static final int MAX_CPU_PARTIALS = 1 << 16;

    LaunchGeometry {
        computeUnits = Math.max(1, computeUnits);
    }

    /** The geometry of a device. */
    static LaunchGeometry of(ClDeviceHandle device) {
        return new LaunchGeometry(device.gpu(), device.computeUnits());
    }

    /**
     * The {@code JGA_BLOCK} for a work-group limit: {@link KernelLayout#BLOCK} (256), or the largest power
     * of two within the limit when that is smaller.
     */
    static int blockSize(long maxWorkGroupSize) {
        long limit = Math.max(1, Math.min(KernelLayout.BLOCK, maxWorkGroupSize));
        return (int) Long.highestOneBit(limit);
    }

    /**
     * The work-group size of an elementwise kernel: up to 256 on GPUs, up to 1024 on CPUs and
     * accelerators (PoCL runs a work-group as one vectorized loop, so larger groups cost less), within
     * the kernel's own limit.
     */
    int elementwiseLocal(long kernelMaxWorkGroupSize) {
        long cap = gpu ? KernelLayout.BLOCK : CPU_ELEMENTWISE_LOCAL;
        return (int) Long.highestOneBit(Math.max(1, Math.min(cap, kernelMaxWorkGroupSize)));
    }

    /**
     * Work-groups of {@code local} items for an elementwise kernel over {@code n > 0} elements. GPUs get
     * a few waves of resident work-groups that loop grid-stride; other devices get one work-item per
     * element (their compilers vectorize across work-items, not across the loop), up to
     * {@value #MAX_CPU_GROUPS} groups.
     */
    long elementwiseGroups(long n, int local) {
        long needed = ceilDiv(n, local);
        long cap = gpu ? (long) computeUnits * Math.max(1, RESIDENT_ITEMS / local) * 4 : MAX_CPU_GROUPS;
        return Math.max(1, Math.min(needed, cap));
    }

    /**
     * Work-groups of a reduction's first stage over {@code n >= 0} elements; each writes one partial.
     * GPUs get two waves of resident work-groups; other devices one group per
     * {@code block * }{@value #CPU_ITEMS_PER_THREAD} elements, which keeps each work-item's loop short.
     */
    int reductionGroups(long n, int block) {
        long needed = gpu ? ceilDiv(n, block) : ceilDiv(n, (long) block * CPU_ITEMS_PER_THREAD);
        return (int) Math.max(1, Math.min(needed, maxReductionGroups(block)));
    }

    /** The most partials a reduction's first stage writes. */
    int maxReductionGroups(int block) {
        return gpu ? computeUnits * Math.max(1, RESIDENT_ITEMS / block) * 2 : MAX_CPU_PARTIALS;
    }

    static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
