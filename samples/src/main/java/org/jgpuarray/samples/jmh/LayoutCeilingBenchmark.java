package org.jgpuarray.samples.jmh;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What hand-written Java reaches on issue 11's layout cases, one thread, n x n float32, no jgpuarray code: the
 * ceiling for the CPU backend's generated kernels, which are Java too. {@code a.T + b} against {@code a + b}
 * (into a preallocated output), as the CPU backend's tile walk does it (bands of 64 rows, blocks of 16 columns)
 * and with eight output rows per step (each step reads eight neighbouring elements of a row of {@code a});
 * and the column sums ({@code sum(a, axis 0)}, eight rows per step into a row of accumulators) against the full
 * sum (four interleaved accumulators, as the backend's reduction). HotSpot vectorises the contiguous add; no
 * transposed read and no accumulator row that may alias its input is vectorised, which is where the gap is.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
public class LayoutCeilingBenchmark {
    private static final int BAND = 64;
    private static final int BLOCK = 16;
    private static final int STEP_ROWS = 8;

    /** Rows and columns (a multiple of 64). */
    @Param("4096")
    public int n;

    /** The matrices, read by the test. */
    float[] a;
    float[] b;
    private float[] out;
    private float[] sums;

    /** Seeded inputs in [0, 1). */
    @Setup
    public void setUp() {
        if (n % BAND != 0) {
            throw new IllegalArgumentException("n must be a multiple of " + BAND + ", got " + n);
        }
        SplittableRandom random = new SplittableRandom(11);
        a = new float[n * n];
        b = new float[n * n];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) random.nextDouble();
            b[i] = (float) random.nextDouble();
        }
        out = new float[n * n];
        sums = new float[n];
    }

    /** {@code a + b}, the baseline of the views. */
    @Benchmark
    public float[] contiguousAdd() {
        for (int i = 0; i < out.length; i++) {
            out[i] = a[i] + b[i];
        }
        return out;
    }

    /** {@code a.T + b} in bands of 64 rows by blocks of 16 columns, element by element. */
    @Benchmark
    public float[] transposedAddTiles() {
        for (int r0 = 0; r0 < n; r0 += BAND) {
            for (int c0 = 0; c0 < n; c0 += BLOCK) {
                for (int r = r0; r < r0 + BAND; r++) {
                    int base = r * n;
                    for (int j = c0; j < c0 + BLOCK; j++) {
                        out[base + j] = a[j * n + r] + b[base + j];
                    }
                }
            }
        }
        return out;
    }

    /** {@code a.T + b} in 64 x 64 tiles, eight output rows per step. */
    @Benchmark
    public float[] transposedAddEightRows() {
        for (int r0 = 0; r0 < n; r0 += BAND) {
            for (int c0 = 0; c0 < n; c0 += BAND) {
                for (int r = r0; r < r0 + BAND; r += STEP_ROWS) {
                    int o0 = r * n;
                    int o1 = o0 + n;
                    int o2 = o1 + n;
                    int o3 = o2 + n;
                    int o4 = o3 + n;
                    int o5 = o4 + n;
                    int o6 = o5 + n;
                    int o7 = o6 + n;
                    for (int j = c0; j < c0 + BAND; j++) {
                        int p = j * n + r;
                        out[o0 + j] = a[p] + b[o0 + j];
                        out[o1 + j] = a[p + 1] + b[o1 + j];
                        out[o2 + j] = a[p + 2] + b[o2 + j];
                        out[o3 + j] = a[p + 3] + b[o3 + j];
                        out[o4 + j] = a[p + 4] + b[o4 + j];
                        out[o5 + j] = a[p + 5] + b[o5 + j];
                        out[o6 + j] = a[p + 6] + b[o6 + j];
                        out[o7 + j] = a[p + 7] + b[o7 + j];
                    }
                }
            }
        }
        return out;
    }

    /** The full sum, the baseline of the axis sums: four interleaved accumulators. */
    @Benchmark
    public float fullSum() {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        for (int i = 0; i < a.length; i += 4) {
            s0 += a[i];
            s1 += a[i + 1];
            s2 += a[i + 2];
            s3 += a[i + 3];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** {@code sum(a, axis 0)}: whole rows in memory order, eight per step, into one row of accumulators. */
    @Benchmark
    public float[] columnSums() {
        java.util.Arrays.fill(sums, 0f);
        for (int r = 0; r < n; r += STEP_ROWS) {
            int p0 = r * n;
            int p1 = p0 + n;
            int p2 = p1 + n;
            int p3 = p2 + n;
            int p4 = p3 + n;
            int p5 = p4 + n;
            int p6 = p5 + n;
            int p7 = p6 + n;
            for (int c = 0; c < n; c++) {
                sums[c] += ((a[p0 + c] + a[p1 + c]) + (a[p2 + c] + a[p3 + c]))
                        + ((a[p4 + c] + a[p5 + c]) + (a[p6 + c] + a[p7 + c]));
            }
        }
        return sums;
    }
}
