package org.jgpuarray.cpu.lib;

import org.jgpuarray.kernels.ScalarType;

/**
 * Strided-batched GEMM on the Java arrays of CPU buffers, for every type the Java GEMMs have
 * ({@link FloatGemm}, {@link DoubleGemm}, {@link IntGemm}, {@link LongGemm}). Batches of small matrices
 * run several matrices at once, each on one thread; large matrices run one after the other, each on every
 * core.
 *
 * <p>Thread-safe: no shared state.
 */
final class GemmBatches {
    /** Matrices of fewer multiply-adds than this run in parallel with one another rather than each in parallel. */
    static final long SMALL_MATRIX = 1L << 21;

    private GemmBatches() {
    }

    /** Where one operand's matrices lie in its Java array: matrix i at {@code offset + i * stride}. */
    record Operand(Object array, int offset, int ld, int stride) {
        int start(int i) {
            return offset + i * stride;
        }
    }

    /**
     * Computes every product of the batch; arguments as
     * {@link org.jgpuarray.spi.BlasProvider#gemmStridedBatched}.
     *
     * @param a not modified
     * @param b not modified
     * @param c modified
     */
    static void run(ScalarType type, boolean transA, boolean transB, int m, int n, int k, int batch, double alpha,
                    Operand a, Operand b, double beta, Operand c) {
        if ((long) m * n * Math.max(k, 1) >= SMALL_MATRIX || batch == 1) {
            for (int i = 0; i < batch; i++) {
                one(type, transA, transB, m, n, k, alpha, a, b, beta, c, i, true);
            }
            return;
        }
        int chunks = CpuWorkers.chunks(batch, 1);
        CpuWorkers.run(chunks, chunk -> {
            int to = CpuWorkers.split(batch, chunks, chunk + 1);
            for (int i = CpuWorkers.split(batch, chunks, chunk); i < to; i++) {
                one(type, transA, transB, m, n, k, alpha, a, b, beta, c, i, false);
            }
        });
    }

    private static void one(ScalarType type, boolean ta, boolean tb, int m, int n, int k, double alpha, Operand a,
                            Operand b, double beta, Operand c, int i, boolean parallel) {
        switch (type) {
            case FLOAT32 -> FloatGemm.gemm(ta, tb, m, n, k, (float) alpha, (float[]) a.array(), a.start(i), a.ld(),
                    (float[]) b.array(), b.start(i), b.ld(), (float) beta, (float[]) c.array(), c.start(i), c.ld(),
                    parallel);
            case FLOAT64 -> DoubleGemm.gemm(ta, tb, m, n, k, alpha, (double[]) a.array(), a.start(i), a.ld(),
                    (double[]) b.array(), b.start(i), b.ld(), beta, (double[]) c.array(), c.start(i), c.ld(),
                    parallel);
            case INT32 -> IntGemm.gemm(ta, tb, m, n, k, (int) alpha, (int[]) a.array(), a.start(i), a.ld(),
                    (int[]) b.array(), b.start(i), b.ld(), (int) beta, (int[]) c.array(), c.start(i), c.ld(),
                    parallel);
            case INT64 -> LongGemm.gemm(ta, tb, m, n, k, (long) alpha, (long[]) a.array(), a.start(i), a.ld(),
                    (long[]) b.array(), b.start(i), b.ld(), (long) beta, (long[]) c.array(), c.start(i), c.ld(),
                    parallel);
            default -> throw new IllegalArgumentException("no Java GEMM for " + type.numpyName());
        }
    }
}
