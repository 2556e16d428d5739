package org.jgpuarray.samples.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The hand-written loops of {@link LayoutCeilingBenchmark} compute what they stand for (else their times bound
 * nothing): float64 references over the benchmark's inputs at 192 x 192 (three bands), every output poisoned
 * first.
 */
class LayoutCeilingBenchmarkTest {
    private static final int N = 192;

    @Test
    void everyLoopAgreesWithAFloat64Reference() {
        LayoutCeilingBenchmark bench = new LayoutCeilingBenchmark();
        bench.n = N;
        bench.setUp();
        float[] a = bench.a;
        float[] b = bench.b;
        float[] sum = afterPoison(bench::contiguousAdd);
        float[] tiles = afterPoison(bench::transposedAddTiles);
        float[] rows = afterPoison(bench::transposedAddEightRows);
        float[] columns = afterPoison(bench::columnSums);
        double total = 0;
        double[] expectedColumns = new double[N];
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
                int k = i * N + j;
                assertEquals((double) a[k] + b[k], sum[k], 1e-6, "a + b at " + i + ", " + j);
                double transposed = (double) a[j * N + i] + b[k];
                assertEquals(transposed, tiles[k], 1e-6, "a.T + b (tiles) at " + i + ", " + j);
                assertEquals(transposed, rows[k], 1e-6, "a.T + b (eight rows) at " + i + ", " + j);
                expectedColumns[j] += a[k];
                total += a[k];
            }
        }
        for (int j = 0; j < N; j++) {
            assertEquals(expectedColumns[j], columns[j], 1e-5 * N, "column " + j);
        }
        assertEquals(total, bench.fullSum(), 1e-5 * N * N);
    }

    @Test
    void aSizeThatIsNoWholeNumberOfBandsIsRefused() {
        LayoutCeilingBenchmark bench = new LayoutCeilingBenchmark();
        bench.n = 100;
        assertEquals("n must be a multiple of 64, got 100",
                assertThrows(IllegalArgumentException.class, bench::setUp).getMessage());
    }

    /** A copy of what {@code loop} writes into its output array after the array was filled with NaN. */
    private static float[] afterPoison(Supplier<float[]> loop) {
        Arrays.fill(loop.get(), Float.NaN);
        return loop.get().clone();
    }
}
