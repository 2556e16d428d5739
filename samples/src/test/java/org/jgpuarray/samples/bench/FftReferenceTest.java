package org.jgpuarray.samples.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The bench's own FFTs against a naive DFT in double. */
class FftReferenceTest {
    private static double[] input(int n) {
        SplittableRandom random = new SplittableRandom(n);
        double[] x = new double[2 * n];
        for (int k = 0; k < x.length; k++) {
            x[k] = (float) (2 * random.nextDouble() - 1);
        }
        return x;
    }

    private static double[] naiveDft(double[] x) {
        int n = x.length / 2;
        double[] y = new double[2 * n];
        for (int k = 0; k < n; k++) {
            for (int j = 0; j < n; j++) {
                double angle = -2 * Math.PI * ((long) j * k % n) / n;
                double c = Math.cos(angle);
                double s = Math.sin(angle);
                y[2 * k] += x[2 * j] * c - x[2 * j + 1] * s;
                y[2 * k + 1] += x[2 * j] * s + x[2 * j + 1] * c;
            }
        }
        return y;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 5, 7, 8, 12, 64, 100, 127, 1000, 1024})
    void float64ReferenceOfAnyLengthMatchesTheDft(int n) {
        double[] x = input(n);
        double[] expected = naiveDft(x);
        double[] got = ReferenceFft.forward(x);
        for (int k = 0; k < expected.length; k++) {
            assertEquals(expected[k], got[k], 1e-9 * n, "n = " + n + ", value " + k);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4, 8, 64, 1024, 4096})
    void javaRadix2MatchesTheDftToFloatPrecision(int n) {
        double[] x = input(n);
        float[] xf = new float[x.length];
        for (int k = 0; k < x.length; k++) {
            xf[k] = (float) x[k];
        }
        double[] expected = naiveDft(x);
        float[] got = new JavaFft(n).forward(xf);
        double tol = 4 * 0x1p-24 * Math.max(1, Math.log(n) / Math.log(2)) * Math.sqrt(n) * Math.sqrt(2);
        for (int k = 0; k < expected.length; k++) {
            assertEquals(expected[k], got[k], tol, "n = " + n + ", value " + k);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 1000})
    void javaRadix2RefusesOtherLengths(int n) {
        assertThrows(IllegalArgumentException.class, () -> new JavaFft(n));
    }
}
