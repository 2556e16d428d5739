package org.jgpuarray.internal.portable;

import java.util.EnumMap;
import java.util.Map;
import org.jgpuarray.device.UnsupportedCapabilityException;
import org.jgpuarray.kernels.ScalarType;
import org.jgpuarray.kernels.lib.BlasKernels;
import org.jgpuarray.kernels.lib.GemmKernels;
import org.jgpuarray.kernels.lib.GemmTiling;
import org.jgpuarray.spi.BlasProvider;
import org.jgpuarray.spi.DeviceBuffer;
import org.jgpuarray.spi.RawFunction;
import org.jgpuarray.spi.StridedMatrices;

/**
 * BLAS with the kernels of {@link GemmKernels} (tiled, register-blocked, strided-batched, for float and
 * integer types; {@link GemmTiling#GPU} on GPUs,
 * {@link GemmTiling#LARGE} on CPU OpenCL devices, where PoCL runs its 8 x 8 micro-tiles about four times
 * faster than the smaller ones, or the tiling the system property
 * {@value #TILING_PROPERTY} names) and {@link BlasKernels}.
 */
final class PortableBlas implements BlasProvider {
    /** Most groups of a reduction's first stage: the size of the partials buffer. */
    private static final int MAX_PARTIALS = 1024;
    /**
     * System property that overrides the GEMM tiling: {@code small}, {@code gpu}, {@code large} or
     * {@code TMxTNxTK:WMxWN} (see {@link GemmTiling#parse}); read when a context first uses BLAS.
     */
    static final String TILING_PROPERTY = "jgpuarray.gemm.tiling";
    /** CUDA's limit on the grid's second dimension. */
    private static final long MAX_GRID_Y = 65535;
    /** CUDA's limit on the grid's third dimension: the most matrices of a batch one launch computes. */
    private static final long MAX_GRID_Z = 65535;

    private final KernelRunner runner;
    private final GemmTiling tiling;
    private final Map<ScalarType, DeviceBuffer> partials = new EnumMap<>(ScalarType.class);
    private final Map<ScalarType, DeviceBuffer> scales = new EnumMap<>(ScalarType.class);

    PortableBlas(KernelRunner runner) {
        this.runner = runner;
        String chosen = System.getProperty(TILING_PROPERTY);
        this.tiling = chosen != null ? GemmTiling.parse(chosen) : runner.isCpu() ? GemmTiling.LARGE : GemmTiling.GPU;
    }

    @Override
    public String implementation() {
        return "jgpuarray tiled GEMM and BLAS kernels (" + runner.device().dialect() + ", " + tiling.tileM() + "x"
                + tiling.tileN() + " tiles, " + tiling.workM() + "x" + tiling.workN() + " per thread)";
    }

    /** One matrix of a batch; an empty matrix's leading dimension of 0 becomes 1. */
    @Override
    public void gemm(ScalarType type, boolean transA, boolean transB, long m, long n, long k, double alpha,
                     DeviceBuffer a, long lda, DeviceBuffer b, long ldb, double beta, DeviceBuffer c, long ldc) {
        gemmStridedBatched(type, transA, transB, m, n, k, 1, alpha, StridedMatrices.of(a, Math.max(1, lda)),
                StridedMatrices.of(b, Math.max(1, ldb)), beta, StridedMatrices.of(c, Math.max(1, ldc)));
    }

    /** One launch per {@value #MAX_GRID_Z} matrices of the batch, the batch index on the grid's third dimension. */
    @Override
    public void gemmStridedBatched(ScalarType type, boolean transA, boolean transB, long m, long n, long k,
                                   long batch, double alpha, StridedMatrices a, StridedMatrices b, double beta,
                                   StridedMatrices c) {
        long gridX = (n + tiling.tileN() - 1) / tiling.tileN();
        long gridY = (m + tiling.tileM() - 1) / tiling.tileM();
        if (m > Integer.MAX_VALUE || n > Integer.MAX_VALUE || k > Integer.MAX_VALUE || gridY > MAX_GRID_Y) {
            throw new UnsupportedCapabilityException("GEMM of " + m + "x" + n + "x" + k,
                    "the portable kernel takes at most " + MAX_GRID_Y * tiling.tileM() + " rows and 2^31-1 columns");
        }
        RawFunction f = runner.function("gemm/" + type.numpyName() + "/" + tiling,
                () -> GemmKernels.program(runner.device().dialect(), type, tiling),
                GemmKernels.kernelName(type, transA, transB));
        for (long done = 0; done < batch; done += MAX_GRID_Z) {
            long part = Math.min(MAX_GRID_Z, batch - done);
            StridedMatrices pa = a.skip(done);
            StridedMatrices pb = b.skip(done);
            StridedMatrices pc = c.skip(done);
            runner.launch(f, new long[] {gridX, gridY, part}, new long[] {tiling.threadsX(), tiling.threadsY(), 1},
                    (int) m, (int) n, (int) k, KernelRunner.scalar(type, alpha), pa.buffer(), pa.offset(), pa.ld(),
                    pa.stride(), pb.buffer(), pb.offset(), pb.ld(), pb.stride(), KernelRunner.scalar(type, beta),
                    pc.buffer(), pc.offset(), pc.ld(), pc.stride());
        }
    }

    /** Integer types run the same tiled kernel, with wrapping arithmetic. */
    @Override
    public boolean integerGemm() {
        return true;
    }

    @Override
    public void gemv(ScalarType type, boolean trans, long rows, long cols, double alpha, DeviceBuffer a, long lda,
                     DeviceBuffer x, double beta, DeviceBuffer y) {
        Object al = KernelRunner.real(type, alpha);
        Object be = KernelRunner.real(type, beta);
        if (trans) {
            runner.launch1d(kernel("gemv_t", type), cols, rows, cols, al, a, lda, x, be, y);
        } else {
            runner.launchGroups(kernel("gemv_n", type), Math.min(rows, 65535), BlasKernels.BLOCK, rows, cols, al, a,
                    lda, x, be, y);
        }
    }

    @Override
    public void axpy(ScalarType type, long n, double alpha, DeviceBuffer x, DeviceBuffer y) {
        runner.launch1d(kernel("axpy", type), n, n, KernelRunner.real(type, alpha), x, y);
    }

    @Override
    public void dot(ScalarType type, long n, DeviceBuffer x, DeviceBuffer y, DeviceBuffer result) {
        long groups = runner.reductionGroups(n, MAX_PARTIALS);
        DeviceBuffer p = scratch(partials, type, MAX_PARTIALS);
        runner.launchGroups(kernel("dot_partial", type), groups, BlasKernels.BLOCK, n, x, y, p);
        runner.launchGroups(kernel("sum_final", type), 1, BlasKernels.BLOCK, groups, p, result);
    }

    @Override
    public void nrm2(ScalarType type, long n, DeviceBuffer x, DeviceBuffer result) {
        long groups = runner.reductionGroups(n, MAX_PARTIALS);
        DeviceBuffer p = scratch(partials, type, MAX_PARTIALS);
        DeviceBuffer s = scratch(scales, type, 1);
        runner.launchGroups(kernel("amax_partial", type), groups, BlasKernels.BLOCK, n, x, p);
        runner.launchGroups(kernel("max_final", type), 1, BlasKernels.BLOCK, groups, p, s);
        runner.launchGroups(kernel("ssq_partial", type), groups, BlasKernels.BLOCK, n, x, s, p);
        runner.launchGroups(kernel("nrm2_final", type), 1, BlasKernels.BLOCK, groups, p, s, result);
    }

    private RawFunction kernel(String base, ScalarType type) {
        return runner.function("blas/" + type.numpyName(), () -> BlasKernels.program(runner.device().dialect(), type),
                BlasKernels.kernelName(base, type));
    }

    private DeviceBuffer scratch(Map<ScalarType, DeviceBuffer> cache, ScalarType type, int count) {
        return cache.computeIfAbsent(type, t -> runner.allocate(t, count));
    }
}
