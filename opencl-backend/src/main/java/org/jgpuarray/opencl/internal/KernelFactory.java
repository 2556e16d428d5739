package org.jgpuarray.opencl.internal;

import java.util.ArrayList;
import java.util.List;
import org.jgpuarray.kernels.Dialect;
import org.jgpuarray.kernels.ElementwiseSpec;
import org.jgpuarray.kernels.ReductionSpec;
import org.jgpuarray.kernels.ScanSpec;
import org.jgpuarray.kernels.c.CSource;
import org.jgpuarray.kernels.c.CSourceGenerator;
import org.jgpuarray.kernels.c.KernelLayout;
import org.jgpuarray.spi.CompiledElementwise;
import org.jgpuarray.spi.CompiledReduction;
import org.jgpuarray.spi.CompiledScan;
import org.jgpuarray.spi.RawProgram;
import org.jocl.cl_program;

/**
 * Turns specs and raw sources into launchable kernels on one device: checks fp64, generates the OpenCL
 * source, gets the program from the {@link ProgramCache}, picks {@code JGA_BLOCK} for the device (passed as
 * {@code -DJGA_BLOCK=...} when it is not 256) and keeps every kernel object for release at close.
 */
public final class KernelFactory {
    /** Work-items per scan work-group on CPUs and accelerators (the smallest block KernelLayout allows). */
    private static final int CPU_SCAN_BLOCK = 32;
    /** Elements each work-item scans sequentially on CPUs and accelerators. */
    private static final int CPU_SCAN_ITEMS = 256;

    private final ClDeviceHandle device;
    private final ProgramCache programs;
    private final ClMemory memory;
    private final ClQueue queue;
    private final LaunchGeometry geometry;
    private final List<ClKernel> kernels = new ArrayList<>();
    private final List<RawProgram> rawPrograms = new ArrayList<>();

    KernelFactory(ClDeviceHandle device, ProgramCache programs, ClMemory memory, ClQueue queue) {
        this.device = device;
        this.programs = programs;
        this.memory = memory;
        this.queue = queue;
        this.geometry = LaunchGeometry.of(device);
    }

    /** An elementwise kernel; throws {@link org.jgpuarray.device.UnsupportedCapabilityException} for fp64 on a device without it. */
    public CompiledElementwise elementwise(ElementwiseSpec spec) {
        Fp64Requirement.check(Fp64Requirement.needs(spec), device.info().fp64(), spec.name(), device.name());
        CSource source = CSourceGenerator.elementwise(spec, Dialect.OPENCL);
        ClKernel kernel = kernel(programs.get(spec.name(), source.source(), List.of()), spec.name());
        int local = geometry.elementwiseLocal(Math.min(kernel.maxWorkGroupSize(device), device.maxWorkGroupSize()));
        return new ClElementwise(kernel, spec.arguments(), queue, geometry, local);
    }

    /** A two-stage reduction. */
    public CompiledReduction reduction(ReductionSpec spec) {
        Fp64Requirement.check(Fp64Requirement.needs(spec), device.info().fp64(), spec.name(), device.name());
        CSource source = CSourceGenerator.reduction(spec, Dialect.OPENCL);
        int bytes = spec.outputType().byteSize();
        Blocked built = buildBlocked(spec.name(), source, firstBlock(bytes, 1), List.of());
        return new ClReduction(built.kernels().get(0), built.kernels().get(1), spec.arguments(), queue, geometry,
                built.block(), memory, bytes);
    }

    /**
     * A tiled scan. GPUs scan tiles of {@code JGA_BLOCK * 8}; other devices tiles of 32 x 256 elements,
     * since PoCL-like compilers run each barrier phase of a work-group as a separate loop and sequential
     * work per work-item is cheap there (about 3x faster on PoCL than the GPU shape).
     */
    public CompiledScan scan(ScanSpec spec) {
        Fp64Requirement.check(Fp64Requirement.needs(spec), device.info().fp64(), spec.name(), device.name());
        CSource source = CSourceGenerator.scan(spec, Dialect.OPENCL);
        int bytes = spec.type().byteSize();
        int items = device.gpu() ? KernelLayout.SCAN_ITEMS : CPU_SCAN_ITEMS;
        while (items > KernelLayout.SCAN_ITEMS && localBytes(CPU_SCAN_BLOCK, bytes, items) > device.localMemoryBytes()) {
            items /= 2;
        }
        int block = device.gpu() ? firstBlock(bytes, items) : Math.min(CPU_SCAN_BLOCK, firstBlock(bytes, items));
        List<String> itemsOption = items == KernelLayout.SCAN_ITEMS ? List.of() : List.of("-DJGA_ITEMS=" + items);
        Blocked built = buildBlocked(spec.name(), source, block, itemsOption);
        return new ClScan(built.kernels().get(0), built.kernels().get(1), spec.inclusive(), bytes, memory, queue,
                built.block(), items);
    }

    /** A program of hand-written OpenCL C. */
    public RawProgram raw(String name, String source, List<String> options) {
        cl_program program = programs.retain(name, source, options);
        RawProgram[] self = new RawProgram[1];
        self[0] = new ClRawProgram(program, memory, queue, () -> rawPrograms.remove(self[0]));
        rawPrograms.add(self[0]);
        return self[0];
    }

    /** Releases every kernel and raw program (the device is closing). */
    void releaseAll() {
        new ArrayList<>(rawPrograms).forEach(RawProgram::release);
        kernels.forEach(ClKernel::release);
        kernels.clear();
    }

    /**
     * The largest power-of-two block within the device's work-group limit whose local memory fits:
     * a scan holds {@code block * items} padded elements plus {@code block + 1} more per work-group.
     */
    int firstBlock(int elementBytes, int itemsPerThread) {
        int block = LaunchGeometry.blockSize(device.maxWorkGroupSize());
        while (block > 1 && localBytes(block, elementBytes, itemsPerThread) > device.localMemoryBytes()) {
            block /= 2;
        }
        return block;
    }

    static long localBytes(int block, int elementBytes, int itemsPerThread) {
        long tile = (long) block * itemsPerThread;
        long padded = itemsPerThread > 1 ? tile + (tile >> 5) : 0;
        return (padded + block + 1) * elementBytes;
    }

    private record Blocked(List<ClKernel> kernels, int block) {
    }

    /**
     * Builds with {@code block} (and {@code moreOptions}), and again with a smaller block if a kernel cannot
     * run work-groups that large.
     */
    private Blocked buildBlocked(String name, CSource source, int block, List<String> moreOptions) {
        while (true) {
            List<String> options = new ArrayList<>();
            if (block != KernelLayout.BLOCK) {
                options.add("-DJGA_BLOCK=" + block);
            }
            options.addAll(moreOptions);
            cl_program program = programs.get(name, source.source(), options);
            List<ClKernel> built = new ArrayList<>();
            long limit = Long.MAX_VALUE;
            for (String kernelName : source.kernelNames()) {
                ClKernel k = kernel(program, kernelName);
                built.add(k);
                limit = Math.min(limit, k.maxWorkGroupSize(device));
            }
            int fits = LaunchGeometry.blockSize(limit);
            if (fits >= block || block == 1) {
                return new Blocked(built, block);
            }
            built.forEach(k -> {
                k.release();
                kernels.remove(k);
            });
            block = fits;
        }
    }

    private ClKernel kernel(cl_program program, String name) {
        ClKernel k = new ClKernel(program, name, memory);
        kernels.add(k);
        return k;
    }

}
