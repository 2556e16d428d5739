package org.jgpuarray.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jgpuarray.DType;
import org.jgpuarray.GPUArray;
import org.jgpuarray.fft.Fft;
import org.junit.jupiter.api.Test;

/**
 * FFTs through {@code ctx.fft()} with NumPy's conventions: against a naive DFT in double for small
 * sizes (powers of two, mixed radix, primes), round trips {@code ifft(fft(x)) == x} for sizes 1..4096
 * (all up to 64, then a sample of primes, powers of two and composites), real transforms of even and
 * odd lengths, 2-D and batched shapes; inputs stay unmodified.
 */
public abstract class FftConformance extends ConformanceBase {
    private static final int[] DFT_SIZES = {1, 2, 3, 4, 5, 7, 8, 12, 16, 17, 31, 60, 64, 97, 100, 128, 210, 255};

    private Fft fft() {
        return ctx.fft();
    }

    @Test
    void reportsItsImplementation() {
        assertFalse(fft().implementation().isBlank());
        System.out.println(getClass().getSimpleName() + ": " + fft().implementation());
    }

    @Test
    void forwardAndInverseMatchTheDft() {
        for (DType t : complexTypes()) {
            for (int n : DFT_SIZES) {
                double[] x = complexInput(t, "dft", n, 1);
                try (GPUArray g = upload(t, x, n); GPUArray f = fft().fft(g); GPUArray i = fft().ifft(g)) {
                    assertEquals(t, f.dtype());
                    assertArrayEquals(new long[] {n}, f.shape());
                    assertSpectrum(dft(x, n, false, 1), f, t, n, "fft " + t.numpyName() + " n=" + n);
                    assertSpectrum(dft(x, n, true, 1.0 / n), i, t, n, "ifft " + t.numpyName() + " n=" + n);
                    assertArrayEquals(x, download(g), 0, "input unmodified");
                }
            }
        }
    }

    @Test
    void roundTripsForSizesUpTo4096() {
        for (DType t : complexTypes()) {
            for (int n : roundTripSizes()) {
                int batch = n < 512 ? 3 : 1;
                double[] x = complexInput(t, "roundtrip", n, batch);
                try (GPUArray g = upload(t, x, batch, n); GPUArray f = fft().fft(g); GPUArray back = fft().ifft(f)) {
                    assertClose(x, download(back), 0, tolerance(t, n), "ifft(fft(x)) " + t.numpyName() + " n=" + n);
                }
            }
        }
    }

    @Test
    void batchedRowsAreIndependent() {
        DType t = DType.COMPLEX64;
        int n = 10;
        double[] x = complexInput(t, "batched", n, 12);
        try (GPUArray g = upload(t, x, 4, 3, n); GPUArray f = fft().fft(g)) {
            assertArrayEquals(new long[] {4, 3, n}, f.shape());
            double[] all = download(f);
            for (int row = 0; row < 12; row++) {
                double[] sig = new double[2 * n];
                System.arraycopy(x, 2 * n * row, sig, 0, 2 * n);
                double[] got = new double[2 * n];
                System.arraycopy(all, 2 * n * row, got, 0, 2 * n);
                assertClose(dft(sig, n, false, 1), got, 0, tolerance(t, n) * 4, "row " + row);
            }
        }
    }

    @Test
    void realTransforms() {
        for (DType t : complexTypes()) {
            DType real = t == DType.COMPLEX64 ? DType.FLOAT32 : DType.FLOAT64;
            for (int n : new int[] {1, 2, 3, 8, 15, 16, 17, 100, 101, 1024, 1023}) {
                Random r = random("rfft" + t, n);
                double[] x = round(real, doubles(r, 2 * n, -1, 1));
                double[] complex = new double[4 * n];
                for (int k = 0; k < 2 * n; k++) {
                    complex[2 * k] = x[k];
                }
                try (GPUArray g = uploadReal(real, x, 2, n); GPUArray f = fft().rfft(g);
                     GPUArray back = fft().irfft(f, n)) {
                    int h = n / 2 + 1;
                    assertEquals(t, f.dtype());
                    assertArrayEquals(new long[] {2, h}, f.shape());
                    double[] full0 = dft(slice(complex, 0, n), n, false, 1);
                    double[] full1 = dft(slice(complex, n, n), n, false, 1);
                    double[] expected = concat(slice(full0, 0, h), slice(full1, 0, h));
                    assertClose(expected, download(f), 0, tolerance(t, n) * Math.sqrt(n), "rfft n=" + n);
                    assertEquals(real, back.dtype());
                    assertClose(x, real == DType.FLOAT32 ? widen(back.toFloatArray()) : back.toDoubleArray(), 0,
                            tolerance(t, n), "irfft(rfft(x)) n=" + n);
                }
            }
        }
    }

    @Test
    void irfftIgnoresImaginaryPartsOfZeroAndNyquistTerms() {
        // NumPy: irfft([1+2j, 3-1j, 5+7j], 4) == irfft([1, 3-1j, 5], 4)
        double[] spectrum = {1, 2, 3, -1, 5, 7};
        try (GPUArray g = ctx.toGpuComplex(DType.COMPLEX64, toFloats(spectrum), 3); GPUArray x = fft().irfft(g)) {
            assertArrayEquals(new long[] {4}, x.shape());
            // x_j = (1 + 2 Re(3-1j e^{i pi j/2}) + 5 (-1)^j) / 4
            double[] expected = {(1 + 6 + 5) / 4.0, (1 + 2 + -5) / 4.0, (1 - 6 + 5) / 4.0, (1 - 2 - 5) / 4.0};
            assertClose(expected, x.toFloatArray(), 1e-6, 1e-6, "irfft of a non-Hermitian half spectrum");
        }
    }

    @Test
    void twoDimensionalTransforms() {
        int[][] shapes = {{1, 1}, {3, 5}, {8, 8}, {16, 12}, {7, 17}, {1, 9}, {6, 1}, {64, 128}};
        for (DType t : complexTypes()) {
            for (int[] s : shapes) {
                int rows = s[0];
                int cols = s[1];
                int batch = 2;
                double[] x = complexInput(t, "fft2", rows * cols, batch);
                try (GPUArray g = upload(t, x, batch, rows, cols); GPUArray f = fft().fft2(g);
                     GPUArray back = fft().ifft2(f)) {
                    double[] expected = dft2(x, batch, rows, cols);
                    String what = t.numpyName() + " " + rows + "x" + cols;
                    assertClose(expected, download(f), 0, tolerance(t, rows * cols) * Math.sqrt(rows * cols),
                            "fft2 " + what);
                    assertClose(x, download(back), 0, tolerance(t, rows * cols), "ifft2(fft2(x)) " + what);
                }
            }
        }
    }

    @Test
    void twoDimensionalRealTransforms() {
        for (int[] s : new int[][] {{4, 6}, {5, 7}, {1, 8}, {9, 2}, {32, 33}}) {
            int rows = s[0];
            int cols = s[1];
            Random r = random("rfft2", rows * cols);
            double[] x = round(DType.FLOAT32, doubles(r, rows * cols, -1, 1));
            double[] complex = new double[2 * rows * cols];
            for (int k = 0; k < x.length; k++) {
                complex[2 * k] = x[k];
            }
            double[] full = dft2(complex, 1, rows, cols);
            int h = cols / 2 + 1;
            double[] expected = new double[2 * rows * h];
            for (int a = 0; a < rows; a++) {
                System.arraycopy(full, 2 * a * cols, expected, 2 * a * h, 2 * h);
            }
            try (GPUArray g = uploadReal(DType.FLOAT32, x, rows, cols); GPUArray f = fft().rfft2(g);
                 GPUArray back = fft().irfft2(f, cols)) {
                assertArrayEquals(new long[] {rows, h}, f.shape());
                assertClose(expected, download(f), 0, 2e-5 * Math.sqrt(rows * cols), "rfft2 " + rows + "x" + cols);
                assertClose(x, widen(back.toFloatArray()), 0, 2e-5, "irfft2(rfft2(x)) " + rows + "x" + cols);
            }
        }
    }

    @Test
    void argumentErrors() {
        try (GPUArray real = ctx.zeros(DType.FLOAT32, 8); GPUArray c = ctx.toGpuComplex(DType.COMPLEX64, new float[10], 5)) {
            assertThrows(IllegalArgumentException.class, () -> fft().fft(real));
            assertThrows(IllegalArgumentException.class, () -> fft().rfft(c));
            assertThrows(IllegalArgumentException.class, () -> fft().irfft(c, 7));
            assertThrows(IllegalArgumentException.class, () -> fft().fft2(c));
            try (GPUArray back = fft().irfft(c, 9)) {
                assertArrayEquals(new long[] {9}, back.shape());
            }
        }
    }

    private DType[] complexTypes() {
        return ctx.device().fp64() ? new DType[] {DType.COMPLEX64, DType.COMPLEX128} : new DType[] {DType.COMPLEX64};
    }

    /** All sizes up to 64, then primes, powers of two and composites up to 4096. */
    private static List<Integer> roundTripSizes() {
        List<Integer> sizes = new ArrayList<>();
        for (int n = 1; n <= 64; n++) {
            sizes.add(n);
        }
        for (int n : new int[] {67, 97, 101, 127, 128, 243, 251, 256, 360, 509, 512, 625, 1000, 1021, 1024, 2039,
            2048, 2310, 3000, 3072, 4093, 4095, 4096}) {
            sizes.add(n);
        }
        return sizes;
    }

    /** Absolute tolerance for values of magnitude about 1 after a transform of length n and its inverse. */
    private static double tolerance(DType t, int n) {
        double eps = t == DType.COMPLEX64 ? 0x1p-24 : 0x1p-53;
        return 16 * eps * (Math.log(n + 1) / Math.log(2) + 4);
    }

    private void assertSpectrum(double[] expected, GPUArray actual, DType t, int n, String what) {
        double norm = 0;
        for (double v : expected) {
            norm = Math.max(norm, Math.abs(v));
        }
        assertClose(expected, download(actual), 0, tolerance(t, n) * Math.max(1, Math.sqrt(n)) + 1e-300, what);
    }

    private double[] complexInput(DType t, String name, int n, int batch) {
        return round(t == DType.COMPLEX64 ? DType.FLOAT32 : DType.FLOAT64,
                doubles(random(name + t, n * batch), 2 * n * batch, -1, 1));
    }

    /** The naive DFT of one complex signal in double, times {@code scale}. */
    static double[] dft(double[] x, int n, boolean inverse, double scale) {
        double[] y = new double[2 * n];
        for (int k = 0; k < n; k++) {
            double re = 0;
            double im = 0;
            for (int j = 0; j < n; j++) {
                double angle = (inverse ? 2 : -2) * Math.PI * ((long) j * k % n) / n;
                double c = Math.cos(angle);
                double s = Math.sin(angle);
                re += x[2 * j] * c - x[2 * j + 1] * s;
                im += x[2 * j] * s + x[2 * j + 1] * c;
            }
            y[2 * k] = re * scale;
            y[2 * k + 1] = im * scale;
        }
        return y;
    }

    /** The 2-D DFT of {@code batch} rows x cols signals by rows, then columns. */
    private static double[] dft2(double[] x, int batch, int rows, int cols) {
        double[] out = new double[x.length];
        for (int b = 0; b < batch; b++) {
            double[] m = slice(x, b * rows * cols, rows * cols);
            for (int a = 0; a < rows; a++) {
                System.arraycopy(dft(slice(m, a * cols, cols), cols, false, 1), 0, m, 2 * a * cols, 2 * cols);
            }
            for (int c = 0; c < cols; c++) {
                double[] column = new double[2 * rows];
                for (int a = 0; a < rows; a++) {
                    column[2 * a] = m[2 * (a * cols + c)];
                    column[2 * a + 1] = m[2 * (a * cols + c) + 1];
                }
                double[] f = dft(column, rows, false, 1);
                for (int a = 0; a < rows; a++) {
                    m[2 * (a * cols + c)] = f[2 * a];
                    m[2 * (a * cols + c) + 1] = f[2 * a + 1];
                }
            }
            System.arraycopy(m, 0, out, 2 * b * rows * cols, m.length);
        }
        return out;
    }

    /** Complex elements {@code from .. from + count - 1} of interleaved data. */
    private static double[] slice(double[] x, int from, int count) {
        double[] s = new double[2 * count];
        System.arraycopy(x, 2 * from, s, 0, 2 * count);
        return s;
    }

    private static double[] concat(double[] a, double[] b) {
        double[] c = new double[a.length + b.length];
        System.arraycopy(a, 0, c, 0, a.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    private GPUArray upload(DType t, double[] interleaved, long... shape) {
        if (t == DType.COMPLEX64) {
            return ctx.toGpuComplex(t, toFloats(interleaved), shape);
        }
        return ctx.toGpuComplex(t, interleaved, shape);
    }

    private GPUArray uploadReal(DType t, double[] values, long... shape) {
        return t == DType.FLOAT32 ? ctx.toGpu(toFloats(values), shape) : ctx.toGpu(values, shape);
    }

    private static double[] download(GPUArray a) {
        return a.dtype() == DType.COMPLEX64 ? widen(a.toFloatArray()) : a.toDoubleArray();
    }

    private static float[] toFloats(double[] values) {
        float[] f = new float[values.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) values[i];
        }
        return f;
    }

    private static double[] round(DType t, double[] values) {
        return t == DType.FLOAT32 ? widen(toFloats(values)) : values;
    }
}
