package org.jgpuarray.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.jgpuarray.DType;
import org.jgpuarray.GPUArray;
import org.jgpuarray.ScanKernel;
import org.junit.jupiter.api.Test;

/** Inclusive and exclusive scans over one and several tiles, and cumsum. */
public abstract class ScanConformance extends ConformanceBase {
    /** Needs two levels of tile totals on GPUs (tiles of 2048). */
    private static final int TWO_LEVELS = 2048 * 2048 + 5;

    @Test
    void inclusiveAndExclusiveIntegerSums() {
        ScanKernel inclusive = ctx.inclusiveScanKernel(DType.INT64, "a+b", "0");
        ScanKernel exclusive = ctx.exclusiveScanKernel(DType.INT64, "a+b", "0");
        for (int n : new int[] {1, 3, 1000, 2048, 2049, 1000003, TWO_LEVELS}) {
            long[] x = longs(random("scan", n), n, -1000, 1000);
            long[] incl = new long[n];
            long[] excl = new long[n];
            long running = 0;
            for (int k = 0; k < n; k++) {
                excl[k] = running;
                running += x[k];
                incl[k] = running;
            }
            try (GPUArray g = ctx.toGpu(x); GPUArray out = ctx.full(DType.INT64, 12345, n)) {
                assertArrayEquals(incl, inclusive.call(g, out).toLongArray(), "inclusive n=" + n);
                assertArrayEquals(excl, exclusive.call(g).toLongArray(), "exclusive n=" + n);
                exclusive.call(g, g);
                assertArrayEquals(excl, g.toLongArray(), "in place, n=" + n);
            }
        }
    }

    @Test
    void runningMaximum() {
        ScanKernel max = ctx.inclusiveScanKernel(DType.FLOAT32, "fmaxf(a, b)", "-INFINITY");
        for (int n : new int[] {1, 1000, 1000003}) {
            float[] x = floats(random("scanmax", n), n, -1e6, 1e6);
            float[] expected = new float[n];
            float running = Float.NEGATIVE_INFINITY;
            for (int k = 0; k < n; k++) {
                running = Math.max(running, x[k]);
                expected[k] = running;
            }
            try (GPUArray g = ctx.toGpu(x)) {
                assertArrayEquals(expected, max.call(g).toFloatArray(), "running max n=" + n);
            }
        }
    }

    @Test
    void cumsumOfFloatsAndInts() {
        for (int n : SIZES) {
            Random r = random("cumsum", n);
            int[] x = ints(r, n, -100, 100);
            long[] expected = new long[n];
            long running = 0;
            for (int k = 0; k < n; k++) {
                running += x[k];
                expected[k] = running;
            }
            try (GPUArray g = ctx.toGpu(x); GPUArray c = g.cumsum()) {
                assertEquals(DType.INT64, c.dtype());
                assertArrayEquals(expected, c.toLongArray(), "cumsum n=" + n);
            }
        }
        assumeFp64();
        double[] x = doubles(random("dcumsum", 100000), 100000, 0, 1);
        double[] expected = new double[x.length];
        double running = 0;
        for (int k = 0; k < x.length; k++) {
            running += x[k];
            expected[k] = running;
        }
        try (GPUArray g = ctx.toGpu(x)) {
            assertClose(expected, g.cumsum().toDoubleArray(), 1e-12, 0, "cumsum float64");
        }
    }
}
