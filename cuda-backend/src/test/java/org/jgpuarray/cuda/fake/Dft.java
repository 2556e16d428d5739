package org.jgpuarray.cuda.fake;

/**
 * Naive discrete Fourier transforms in double, unnormalized, of batches of 1-D or 2-D signals stored
 * one after another (C order; complex values interleaved): the references of the FFT scenarios.
 */
public final class Dft {
    private Dft() {
    }

    /**
     * The complex transform of {@code batch} signals of n0 x n1 values (n0 = 1 for 1-D).
     *
     * @param sign -1 forward, +1 inverse
     */
    public static double[] complex(double[] in, int batch, int n0, int n1, int sign) {
        int total = n0 * n1;
        double[] out = new double[in.length];
        for (int s = 0; s < batch; s++) {
            for (int k = 0; k < total; k++) {
                double re = 0;
                double im = 0;
                for (int j = 0; j < total; j++) {
                    double angle = sign * 2 * Math.PI * ((double) ((long) (j / n1) * (k / n1) % n0) / n0
                            + (double) ((long) (j % n1) * (k % n1) % n1) / n1);
                    double xr = in[2 * (s * total + j)];
                    double xi = in[2 * (s * total + j) + 1];
                    re += xr * Math.cos(angle) - xi * Math.sin(angle);
                    im += xr * Math.sin(angle) + xi * Math.cos(angle);
                }
                out[2 * (s * total + k)] = re;
                out[2 * (s * total + k) + 1] = im;
            }
        }
        return out;
    }

    /** The half spectrum (last extent n1 / 2 + 1) of real signals. */
    public static double[] realToComplex(double[] in, int batch, int n0, int n1) {
        double[] full = complex(widen(in), batch, n0, n1, -1);
        int half1 = n1 / 2 + 1;
        double[] out = new double[2 * batch * n0 * half1];
        for (int s = 0; s < batch; s++) {
            for (int r = 0; r < n0; r++) {
                for (int c = 0; c < half1; c++) {
                    int from = (s * n0 + r) * n1 + c;
                    int to = (s * n0 + r) * half1 + c;
                    out[2 * to] = full[2 * from];
                    out[2 * to + 1] = full[2 * from + 1];
                }
            }
        }
        return out;
    }

    /** The real inverse transform of half spectra, the other half taken by Hermitian symmetry. */
    public static double[] complexToReal(double[] half, int batch, int n0, int n1) {
        int half1 = n1 / 2 + 1;
        double[] full = new double[2 * batch * n0 * n1];
        for (int s = 0; s < batch; s++) {
            for (int r = 0; r < n0; r++) {
                for (int c = 0; c < n1; c++) {
                    boolean mirrored = c >= half1;
                    int from = s * n0 * half1 + (mirrored ? ((n0 - r) % n0) * half1 + (n1 - c) : r * half1 + c);
                    int to = (s * n0 + r) * n1 + c;
                    full[2 * to] = half[2 * from];
                    full[2 * to + 1] = (mirrored ? -1 : 1) * half[2 * from + 1];
                }
            }
        }
        double[] complex = complex(full, batch, n0, n1, 1);
        double[] out = new double[batch * n0 * n1];
        for (int i = 0; i < out.length; i++) {
            out[i] = complex[2 * i];
        }
        return out;
    }

    /**
     * NumPy's {@code irfft2} (1-D {@code irfft} for n0 = 1), unnormalized: the inverse DFT of each column,
     * then along the last axis the inverse of a half spectrum whose zero and Nyquist imaginary parts are
     * dropped. Defined for any half spectrum, Hermitian or not.
     */
    public static double[] numpyInverseReal(double[] half, int batch, int n0, int n1) {
        int half1 = n1 / 2 + 1;
        double[] out = new double[batch * n0 * n1];
        for (int s = 0; s < batch; s++) {
            double[] column = new double[2 * n0 * half1];
            for (int c = 0; c < half1; c++) {
                double[] in = new double[2 * n0];
                for (int k0 = 0; k0 < n0; k0++) {
                    in[2 * k0] = half[2 * ((s * n0 + k0) * half1 + c)];
                    in[2 * k0 + 1] = half[2 * ((s * n0 + k0) * half1 + c) + 1];
                }
                double[] t = complex(in, 1, 1, n0, 1);
                for (int j0 = 0; j0 < n0; j0++) {
                    column[2 * (j0 * half1 + c)] = t[2 * j0];
                    boolean dropped = c == 0 || (n1 % 2 == 0 && c == n1 / 2);
                    column[2 * (j0 * half1 + c) + 1] = dropped ? 0 : t[2 * j0 + 1];
                }
            }
            double[] rows = complexToReal(column, n0, 1, n1);
            System.arraycopy(rows, 0, out, s * n0 * n1, n0 * n1);
        }
        return out;
    }

    private static double[] widen(double[] real) {
        double[] c = new double[2 * real.length];
        for (int i = 0; i < real.length; i++) {
            c[2 * i] = real[i];
        }
        return c;
    }
}
