package org.jgpuarray.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.jgpuarray.cpu.lib.WorkerPool;
import org.jgpuarray.kernels.ArgumentList;
import org.jgpuarray.kernels.ReductionSpec;
import org.jgpuarray.kernels.ScalarType;
import org.jgpuarray.kernels.java.JavaElementwiseKernel;
import org.jgpuarray.kernels.java.JavaReductionKernel;
import org.jgpuarray.kernels.java.JavaSourceGenerator;
import org.jgpuarray.kernels.ElementwiseSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * How the CPU backend splits elementwise kernels and reductions ({@link ParallelRanges#split(long, long)}):
 * the chunks cover {@code [0, n)} exactly for awkward sizes, small calls stay whole, and a reduction gives
 * bit-identical results whether its chunks run on the caller alone or on several helpers.
 */
class CpuParallelRangesTest {
    private static final long[] AWKWARD = {0, 1, 2, 3, 63, 64, 65, 1000, 65_537, 174_763, 524_287, 524_288,
            1_000_003, 4_194_305, 16_777_259, 100_000_007, Integer.MAX_VALUE - 8};
    private static List<WorkerPool> pools;

    @BeforeAll
    static void startPools() {
        pools = List.of(new WorkerPool(0, "test-0"), new WorkerPool(1, "test-1"), new WorkerPool(3, "test-3"));
    }

    @AfterAll
    static void dropPools() {
        pools = null; // daemon threads; they park once idle
    }

    @Test
    void chunksCoverTheRangeExactlyInOrder() {
        for (long bytes : new long[] {1, 4, 12, 24, 1000}) {
            for (long n : AWKWARD) {
                long[] bounds = ParallelRanges.split(n, bytes);
                String what = "n = " + n + ", " + bytes + " bytes per element";
                assertEquals(0, bounds[0], what);
                assertEquals(n, bounds[bounds.length - 1], what);
                int chunks = bounds.length - 1;
                assertTrue(chunks >= 1 && chunks <= ParallelRanges.MAX_CHUNKS, what + ": " + chunks + " chunks");
                for (int k = 0; k < chunks; k++) {
                    long size = bounds[k + 1] - bounds[k];
                    assertTrue(n == 0 || size >= 1, what + ": chunk " + k + " is empty");
                    // equal parts within one element
                    assertTrue(Math.abs(size - (double) n / chunks) < 1, what + ": chunk " + k + " has " + size);
                }
                long touched = n * bytes;
                if (touched < ParallelRanges.PARALLEL_BYTES) {
                    assertEquals(1, chunks, what + ": a small call is not split");
                } else if (n >= 2) {
                    assertTrue(chunks >= 2, what + ": a large call is split");
                    assertTrue(chunks == ParallelRanges.MAX_CHUNKS || chunks == n
                            || touched / chunks >= ParallelRanges.CHUNK_BYTES, what + ": chunks too small");
                }
            }
        }
    }

    @Test
    void boundsDependOnTheSizeAloneNotOnTheCoreCount() {
        long n = 10_000_019;
        long[] first = ParallelRanges.split(n, 4);
        for (int k = 0; k < 3; k++) {
            assertEquals(java.util.Arrays.toString(first), java.util.Arrays.toString(ParallelRanges.split(n, 4)));
        }
        assertEquals(ParallelRanges.MAX_CHUNKS, first.length - 1, "40 MB of float32 splits into the most chunks");
    }

    @Test
    void bytesPerElementCountsArraysOnly() {
        assertEquals(12, ParallelRanges.bytesPerElement(ArgumentList.parse("float a, float *x, float *y, float *z")));
        assertEquals(13, ParallelRanges.bytesPerElement(ArgumentList.parse("double *x, int *y, bool *m, int k")));
        assertEquals(1, ParallelRanges.bytesPerElement(ArgumentList.parse("int k")));
    }

    @Test
    void reductionIsBitIdenticalOnOneAndManyThreads() {
        JavaReductionKernel sum = JavaKernelCompiler.compile("ranges_sum", () -> JavaSourceGenerator.reduction(
                new ReductionSpec("ranges_sum", ScalarType.FLOAT32, "0", "a+b", "x[i]", ArgumentList.parse("float *x"),
                        "")), JavaReductionKernel.class);
        long seed = new SplittableRandom().nextLong();
        SplittableRandom random = new SplittableRandom(seed);
        for (int n : new int[] {0, 1, 3, 1000, 524_289, 1_000_003, 3_000_017}) {
            float[] x = new float[n];
            double reference = 0;
            for (int i = 0; i < n; i++) {
                // wide magnitudes and both signs, so that the order of additions shows in the bits
                x[i] = (float) ((random.nextDouble() - 0.5) * Math.pow(2, random.nextInt(-10, 20)));
                reference += x[i];
            }
            long[] bounds = ParallelRanges.split(n, 4);
            List<Float> results = new ArrayList<>();
            for (WorkerPool pool : pools) {
                for (int repeat = 0; repeat < 5; repeat++) {
                    results.add((Float) ParallelRanges.reduce(pool, bounds, sum, new Object[] {x}, n));
                }
            }
            String what = "seed " + seed + ", n = " + n + ", " + (bounds.length - 1) + " chunks";
            for (Float r : results) {
                assertEquals(Float.floatToRawIntBits(results.get(0)), Float.floatToRawIntBits(r),
                        what + ": " + results);
            }
            double scale = 0;
            for (float v : x) {
                scale += Math.abs(v);
            }
            assertEquals(reference, results.get(0), 1e-5 * scale + 1e-30, what);
        }
    }

    @Test
    void elementwiseChunksWriteEveryElementOnce() {
        JavaElementwiseKernel axpy = JavaKernelCompiler.compile("ranges_axpy", () -> JavaSourceGenerator.elementwise(
                new ElementwiseSpec("ranges_axpy", ArgumentList.parse("float a, float *x, float *y, float *z"),
                        "z[i] = a*x[i] + y[i]", "", "", "")), JavaElementwiseKernel.class);
        long seed = new SplittableRandom().nextLong();
        SplittableRandom random = new SplittableRandom(seed);
        for (int n : new int[] {1, 3, 174_763, 1_000_003}) {
            float[] x = new float[n];
            float[] y = new float[n];
            for (int i = 0; i < n; i++) {
                x[i] = (float) random.nextDouble();
                y[i] = (float) random.nextDouble();
            }
            long[] bounds = ParallelRanges.split(n, 12);
            for (WorkerPool pool : pools) {
                float[] z = new float[n];
                java.util.Arrays.fill(z, Float.NaN); // poisoned: an element no chunk wrote stays NaN
                Object[] args = {2.5f, x, y, z};
                ParallelRanges.map(pool, bounds, (chunk, from, to) -> {
                    axpy.run(args, n, from, to);
                    return null;
                });
                for (int i = 0; i < n; i++) {
                    assertEquals(2.5 * x[i] + y[i], z[i], 1e-6, "seed " + seed + ", n = " + n + ", element " + i);
                }
            }
        }
    }
}
