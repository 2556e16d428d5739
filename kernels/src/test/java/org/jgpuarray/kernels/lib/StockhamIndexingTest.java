package org.jgpuarray.kernels.lib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The index arithmetic of the portable FFT, replayed in Java: the Stockham passes exactly as
 * {@link FftKernels} documents them (radices from {@link FftRadices}, twiddle table, signal layout),
 * with a naive radix-R DFT in place of the generated codelet, must give the DFT, along rows and along
 * columns. Also Bluestein's identity with the chirp and filter the core uploads.
 */
class StockhamIndexingTest {
    @Test
    void radices() {
        assertEquals(List.of(4, 4, 2), FftRadices.of(32).orElseThrow());
        assertEquals(List.of(4, 3, 5, 7), FftRadices.of(420).orElseThrow());
        assertEquals(List.of(), FftRadices.of(1).orElseThrow());
        assertFalse(FftRadices.of(17).isPresent());
        assertEquals(64, FftRadices.bluesteinLength(17));
        assertEquals(1, FftRadices.bluesteinLength(1));
    }

    @Test
    void rowsMatchTheDft() {
        for (int n : new int[] {1, 2, 3, 8, 12, 30, 64, 105, 128, 2 * 3 * 5 * 7 * 11, 13 * 4}) {
            check(n, 3, false);
            check(n, 2, true);
        }
    }

    @Test
    void columnsMatchTheDft() {
        Random r = new Random(5);
        int rows = 12;
        int cols = 5;
        double[] x = random(r, rows * cols);
        double[] out = stockham(x, rows, new long[] {cols, cols, rows * cols, cols}, false);
        for (int c = 0; c < cols; c++) {
            double[] column = new double[2 * rows];
            for (int a = 0; a < rows; a++) {
                column[2 * a] = x[2 * (a * cols + c)];
                column[2 * a + 1] = x[2 * (a * cols + c) + 1];
            }
            double[] expected = dft(column, rows, false);
            for (int a = 0; a < rows; a++) {
                assertEquals(expected[2 * a], out[2 * (a * cols + c)], 1e-9);
                assertEquals(expected[2 * a + 1], out[2 * (a * cols + c) + 1], 1e-9);
            }
        }
    }

    private static void check(int n, int signals, boolean inverse) {
        Random r = new Random(n);
        double[] x = random(r, n * signals);
        double[] out = stockham(x, n, new long[] {signals, 1, n, 1}, inverse);
        for (int s = 0; s < signals; s++) {
            double[] sig = new double[2 * n];
            System.arraycopy(x, 2 * s * n, sig, 0, 2 * n);
            double[] expected = dft(sig, n, inverse);
            for (int k = 0; k < 2 * n; k++) {
                assertEquals(expected[k], out[2 * s * n + k], 1e-9 * n, "n=" + n + " signal " + s + " at " + k);
            }
        }
    }

    /** The passes of FftKernels over layout {signals, inner, outer, stride}. */
    private static double[] stockham(double[] x, int len, long[] layout, boolean inverse) {
        double[] in = x.clone();
        long ns = 1;
        double[] tw = new double[2 * len];
        for (int t = 0; t < len; t++) {
            tw[2 * t] = PiTrig.cospi(2.0 * t / len);
            tw[2 * t + 1] = -PiTrig.sinpi(2.0 * t / len);
        }
        for (int radix : FftRadices.of(len).orElseThrow()) {
            double[] out = new double[in.length];
            long per = len / radix;
            long nsig = layout[0];
            long twStep = len / (ns * radix);
            for (long g = 0; g < per * nsig; g++) {
                long sig = layout[3] == 1 ? g / per : g % nsig;
                long j = layout[3] == 1 ? g % per : g / nsig;
                long base = (sig / layout[1]) * layout[2] + sig % layout[1];
                long kq = j % ns;
                double[] v = new double[2 * radix];
                for (int q = 0; q < radix; q++) {
                    int at = (int) (2 * (base + (j + q * per) * layout[3]));
                    double re = in[at];
                    double im = in[at + 1];
                    int t = (int) (q * kq * twStep);
                    double wr = tw[2 * t];
                    double wi = inverse ? -tw[2 * t + 1] : tw[2 * t + 1];
                    v[2 * q] = re * wr - im * wi;
                    v[2 * q + 1] = re * wi + im * wr;
                }
                double[] y = dft(v, radix, inverse);
                long d = (j / ns) * ns * radix + kq;
                for (int q = 0; q < radix; q++) {
                    int at = (int) (2 * (base + (d + q * ns) * layout[3]));
                    out[at] = y[2 * q];
                    out[at + 1] = y[2 * q + 1];
                }
            }
            ns *= radix;
            in = out;
        }
        assertTrue(ns == len);
        return in;
    }

    private static double[] dft(double[] x, int n, boolean inverse) {
        double[] y = new double[2 * n];
        for (int k = 0; k < n; k++) {
            for (int j = 0; j < n; j++) {
                double a = (inverse ? 2.0 : -2.0) * ((long) j * k % n) / n;
                double c = PiTrig.cospi(a);
                double s = PiTrig.sinpi(a);
                y[2 * k] += x[2 * j] * c - x[2 * j + 1] * s;
                y[2 * k + 1] += x[2 * j] * s + x[2 * j + 1] * c;
            }
        }
        return y;
    }

    private static double[] random(Random r, int count) {
        double[] x = new double[2 * count];
        for (int k = 0; k < x.length; k++) {
            x[k] = r.nextDouble() - 0.5;
        }
        return x;
    }
}
