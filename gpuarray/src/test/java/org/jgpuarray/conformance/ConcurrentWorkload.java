package org.jgpuarray.conformance;

import java.util.Arrays;
import org.jgpuarray.DType;
import org.jgpuarray.ElementwiseKernel;
import org.jgpuarray.GPUArray;
import org.jgpuarray.GpuContext;
import org.jgpuarray.kernels.lib.Philox4x32;

/**
 * The operations one thread of a concurrency test runs, round after round, each checked against an exact
 * host result: a user elementwise kernel, arithmetic with temporaries left to the garbage collector, a BLAS
 * dot (two launches over the library's scratch memory), a sum and a dot product of temporaries brought home
 * as scalars, a scan, a small GEMM and Philox random bits. Sizes and values
 * differ per thread and round (small integers, so every result is exact in float32), so a result computed
 * from another thread's data, a stale buffer or a half-written one is caught. Also used without checks on
 * the fake CUDA driver, whose kernels do not run.
 */
public final class ConcurrentWorkload {
    /** Operations per round. */
    public static final int OPERATIONS_PER_ROUND = 8;

    private final GpuContext ctx;
    private final ElementwiseKernel axpb;
    private final boolean verify;

    /**
     * @param ctx    the context the thread uses (shared or its own)
     * @param verify whether to check results (false on a device whose kernels do not run)
     */
    public ConcurrentWorkload(GpuContext ctx, boolean verify) {
        this.ctx = ctx;
        this.verify = verify;
        this.axpb = ctx.elementwiseKernel("float a, float *x, float b, float *y", "y[i] = a * x[i] + b", "axpb");
    }

    /**
     * Runs one round of {@value #OPERATIONS_PER_ROUND} operations.
     *
     * @param thread the thread's number, which picks sizes and values
     * @param round  the round's number
     * @return the operations run (and verified, when verifying)
     * @throws AssertionError naming the operation, thread, round and first wrong element
     */
    public int round(int thread, int round) {
        int n = 1000 + 97 * thread + 13 * (round % 7);
        String where = "thread " + thread + " round " + round + " n " + n;
        float[] host = new float[n];
        for (int i = 0; i < n; i++) {
            host[i] = (i + thread + round) % 1024;
        }
        try (GPUArray x = ctx.toGpu(host); GPUArray y = ctx.emptyLike(x)) {
            float a = thread + 1;
            float b = round % 11;
            axpb.call(a, x, b, y);
            check(host, v -> a * v + b, y.toFloatArray(), "elementwise kernel, " + where);

            GPUArray tripled = x.mul(2).add(x); // the product is left to the collector
            check(host, v -> 3 * v, tripled.toFloatArray(), "x * 2 + x, " + where);

        }
        float[] u = new float[n];
        float[] v = new float[n];
        long products = 0; // small integers: exact in float32 whatever the order of summation
        for (int i = 0; i < n; i++) {
            u[i] = (i + thread) % 4;
            v[i] = (i + round) % 3;
            products += (long) (u[i] * v[i]);
        }
        try (GPUArray gu = ctx.toGpu(u); GPUArray gv = ctx.toGpu(v)) {
            equal(products, (long) ctx.blas().dot(gu, gv).item(), "BLAS dot, " + where);
        }
        try (GPUArray ints = ctx.arange(DType.INT64, n)) {
            // temporaries only the call chain refers to: the collector may find them while they are in use
            equal((long) n * (n - 1), (long) ints.add(ints).sum().item(), "sum of arange + arange, " + where);
        }
        try (GPUArray longs = ctx.arange(DType.INT64, n); GPUArray dot = longs.dot(longs)) {
            long expected = 0;
            for (long i = 0; i < n; i++) {
                expected += i * i;
            }
            equal(expected, (long) dot.item(), "dot of arange, " + where);
        }
        try (GPUArray ints = ctx.arange(DType.INT32, n)) {
            try (GPUArray scanned = ints.cumsum()) {
                long[] sums = scanned.toLongArray();
                if (verify) {
                    for (int i = 0; i < n; i++) {
                        equal((long) i * (i + 1) / 2, sums[i], "cumsum element " + i + ", " + where);
                    }
                }
            }
        }
        gemm(thread, round, where);
        randomBits(thread, round, n, where);
        return OPERATIONS_PER_ROUND;
    }

    /** A small GEMM of integers (exact in float32). */
    private void gemm(int thread, int round, String where) {
        int m = 8 + thread % 3;
        int k = 12 + round % 4;
        int p = 10;
        float[] a = new float[m * k];
        float[] b = new float[k * p];
        for (int i = 0; i < a.length; i++) {
            a[i] = (i + thread) % 5 - 2;
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = (i * 3 + round) % 7 - 3;
        }
        float[] expected = new float[m * p];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < p; j++) {
                float s = 0;
                for (int l = 0; l < k; l++) {
                    s += a[i * k + l] * b[l * p + j];
                }
                expected[i * p + j] = s;
            }
        }
        try (GPUArray ga = ctx.toGpu(a, m, k); GPUArray gb = ctx.toGpu(b, k, p); GPUArray c = ga.matmul(gb)) {
            float[] actual = c.toFloatArray();
            if (verify && !Arrays.equals(expected, actual)) {
                throw new AssertionError("gemm " + m + "x" + k + "x" + p + ", " + where + ": got "
                        + Arrays.toString(actual) + ", expected " + Arrays.toString(expected));
            }
        }
    }

    /** Philox words of a seed of this thread and round: equal to the Java reference. */
    private void randomBits(int thread, int round, int n, String where) {
        long seed = 1000L * thread + round;
        int[] expected = new int[n];
        Philox4x32.words(seed, 0, expected, 0, n);
        try (GPUArray bits = ctx.random(seed).bits(n)) {
            int[] actual = bits.toIntArray();
            if (verify && !Arrays.equals(expected, actual)) {
                throw new AssertionError("random bits of seed " + seed + ", " + where + ": first difference at "
                        + Arrays.mismatch(expected, actual));
            }
        }
    }

    private interface FloatMap {
        float apply(float v);
    }

    private void check(float[] in, FloatMap f, float[] actual, String what) {
        if (!verify) {
            return;
        }
        for (int i = 0; i < in.length; i++) {
            if (actual[i] != f.apply(in[i])) {
                throw new AssertionError(what + ": element " + i + " is " + actual[i] + ", expected "
                        + f.apply(in[i]));
            }
        }
    }

    private void equal(long expected, long actual, String what) {
        if (verify && expected != actual) {
            throw new AssertionError(what + ": got " + actual + ", expected " + expected);
        }
    }
}
