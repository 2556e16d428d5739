package org.jgpuarray.kernels.java;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.Random;
import org.jgpuarray.kernels.ScalarType;
import org.junit.jupiter.api.Test;

/** Generated reductions and scans, run over several ranges and combined as the CPU backend does. */
class ReductionAndScanTest {
    private static final int N = 1000;
    private static final long[] BOUNDS = {0, 1, 333, 334, 700, N};

    /** Reduces each range of {@link #BOUNDS}, then combines the partials from the neutral value. */
    private static Object reduce(JavaReductionKernel kernel, Object... args) {
        Object total = kernel.neutral();
        for (int k = 0; k + 1 < BOUNDS.length; k++) {
            total = kernel.combine(total, kernel.reduceRange(args, N, BOUNDS[k], BOUNDS[k + 1]));
        }
        return total;
    }

    /** Scans {@code in} into {@code out} chunk by chunk with carries, as a parallel scan does. */
    private static void scan(JavaScanKernel kernel, Object in, Object out) {
        Object carry = kernel.neutral();
        for (int k = 0; k + 1 < BOUNDS.length; k++) {
            Object total = kernel.reduceRange(in, BOUNDS[k], BOUNDS[k + 1]);
            kernel.scanRange(in, out, BOUNDS[k], BOUNDS[k + 1], carry);
            carry = kernel.combine(carry, total);
        }
    }

    private static float[] floats(long seed) {
        Random r = new Random(seed);
        float[] a = new float[N];
        for (int k = 0; k < N; k++) {
            a[k] = r.nextFloat() * 2 - 1;
        }
        return a;
    }

    private static int[] ints(long seed) {
        Random r = new Random(seed);
        int[] a = new int[N];
        for (int k = 0; k < N; k++) {
            a[k] = r.nextInt(2_000_000_001) - 1_000_000_000;
        }
        return a;
    }

    @Test
    void floatSum() {
        float[] x = floats(1);
        Object sum = reduce(Compiled.reduction(ScalarType.FLOAT32, "0", "a+b", "x[i]", "float *x", ""), x);
        double reference = 0;
        for (float v : x) {
            reference += v;
        }
        assertInstanceOf(Float.class, sum);
        assertEquals(reference, (Float) sum, 1e-3);
    }

    @Test
    void integerSumInSixtyFourBitsDoesNotOverflow() {
        int[] x = ints(2);
        Object sum = reduce(Compiled.reduction(ScalarType.INT64, "0", "a + b", "x[i]", "int *x", ""), x);
        long reference = 0;
        for (int v : x) {
            reference += v;
        }
        assertEquals(reference, sum);
    }

    @Test
    void maxWithNegativeInfinityNeutralAndNaNPropagation() {
        float[] x = floats(3);
        JavaReductionKernel max = Compiled.reduction(ScalarType.FLOAT32, "-INFINITY",
                "(isnan(a) || a > b) ? a : b", "x[i]", "float *x", "");
        float reference = Float.NEGATIVE_INFINITY;
        for (float v : x) {
            reference = Math.max(reference, v);
        }
        assertEquals(reference, reduce(max, x));
        assertEquals(Float.NEGATIVE_INFINITY, max.neutral());
        x[500] = Float.NaN;
        assertEquals(Float.NaN, reduce(max, x));
    }

    @Test
    void productOfDoubles() {
        double[] x = new double[N];
        double reference = 1;
        for (int k = 0; k < N; k++) {
            x[k] = 1 + (k % 7) * 1e-3;
            reference *= x[k];
        }
        Object product = reduce(Compiled.reduction(ScalarType.FLOAT64, "1", "a*b", "x[i]", "double *x", ""), x);
        assertEquals(reference, (Double) product, reference * 1e-12);
    }

    @Test
    void customMapWithPreambleAndSeveralArguments() {
        float[] x = floats(4);
        float[] y = floats(5);
        JavaReductionKernel dot = Compiled.reduction(ScalarType.FLOAT64, "0", "a + b",
                "weight(i, n) * x[i] * y[i]", "float *x, float *y",
                "double weight(long i, long n) { return i < n / 2 ? 2.0 : 0.5; }");
        double reference = 0;
        for (int k = 0; k < N; k++) {
            reference += (k < N / 2 ? 2.0 : 0.5) * x[k] * y[k];
        }
        assertEquals(reference, (Double) reduce(dot, x, y), 1e-9);
    }

    @Test
    void countOfPositivesMapsTruthToInt() {
        float[] x = floats(6);
        int reference = 0;
        for (float v : x) {
            reference += v > 0 ? 1 : 0;
        }
        Object count = reduce(Compiled.reduction(ScalarType.INT32, "0", "a + b", "x[i] > 0", "float *x", ""), x);
        assertEquals(reference, count);
    }

    @Test
    void inclusiveAndExclusiveIntegerSums() {
        int[] x = ints(7);
        long[] in = new long[N];
        for (int k = 0; k < N; k++) {
            in[k] = x[k];
        }
        long[] inclusive = new long[N];
        long[] exclusive = new long[N];
        scan(Compiled.scan(ScalarType.INT64, "a + b", "0", true), in, inclusive);
        scan(Compiled.scan(ScalarType.INT64, "a + b", "0", false), in, exclusive);
        long running = 0;
        for (int k = 0; k < N; k++) {
            assertEquals(running, exclusive[k], "exclusive " + k);
            running += in[k];
            assertEquals(running, inclusive[k], "inclusive " + k);
        }
    }

    @Test
    void inclusiveAndExclusiveFloatMaxima() {
        float[] x = floats(8);
        float[] inclusive = new float[N];
        float[] exclusive = new float[N];
        scan(Compiled.scan(ScalarType.FLOAT32, "fmaxf(a, b)", "-INFINITY", true), x, inclusive);
        scan(Compiled.scan(ScalarType.FLOAT32, "a > b ? a : b", "-INFINITY", false), x, exclusive);
        float running = Float.NEGATIVE_INFINITY;
        for (int k = 0; k < N; k++) {
            assertEquals(running, exclusive[k], "exclusive " + k);
            running = Math.max(running, x[k]);
            assertEquals(running, inclusive[k], "inclusive " + k);
        }
    }

    @Test
    void exclusiveScanWorksInPlace() {
        int[] data = new int[N];
        int[] expected = new int[N];
        for (int k = 0; k < N; k++) {
            data[k] = k % 5;
            expected[k] = k == 0 ? 0 : expected[k - 1] + (k - 1) % 5;
        }
        scan(Compiled.scan(ScalarType.INT32, "a + b", "0", false), data, data);
        assertArrayEquals(expected, data);
    }
}
