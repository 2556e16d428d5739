package org.jgpuarray.reliability;

import static org.jgpuarray.reliability.Errors.IAE;
import static org.jgpuarray.reliability.Expectation.close;

import java.util.List;
import org.jgpuarray.DType;
import org.jgpuarray.GPUArray;
import org.jgpuarray.fft.Fft;

/**
 * FFTs of the wrong dtypes and dimensions, and of edge sizes (empty, one point, primes, batches of one),
 * checked against a direct DFT on the host; those reaching a plan run in a child JVM.
 */
final class FftCases {
    private FftCases() {
    }

    static List<Case> cases() {
        return List.of(
                fft("fft.real-input", (f, c) -> f.fft(c.zeros(DType.FLOAT32, 4))).fails(IAE, "fft", "float32", "rfft"),
                fft("fft.int-input", (f, c) -> f.fft(c.zeros(DType.INT32, 4))).fails(IAE, "fft", "int32"),
                fft("fft.zero-d", (f, c) -> f.fft(c.zeros(DType.COMPLEX64))).fails(IAE, "fft", "()"),
                fft("fft.fft2-of-1d", (f, c) -> f.fft2(c.zeros(DType.COMPLEX64, 4))).fails(IAE, "fft2", "2 dimensions",
                        "(4,)"),
                fft("fft.rfft-complex", (f, c) -> f.rfft(c.zeros(DType.COMPLEX64, 4))).fails(IAE, "rfft", "complex64"),
                fft("fft.irfft-real", (f, c) -> f.irfft(c.zeros(DType.FLOAT32, 4))).fails(IAE, "irfft", "float32"),
                fft("fft.irfft-zero-length", (f, c) -> f.irfft(c.zeros(DType.COMPLEX64, 3), 0)).fails(IAE, "irfft", "0"),
                fft("fft.irfft-negative-length", (f, c) -> f.irfft(c.zeros(DType.COMPLEX64, 3), -4)).fails(IAE, "irfft",
                        "-4"),
                fft("fft.irfft-length-mismatch", (f, c) -> f.irfft(c.zeros(DType.COMPLEX64, 3), 8)).fails(IAE, "irfft",
                        "5", "(3,)"),
                fft("fft.irfft-extent-one", (f, c) -> f.irfft(c.zeros(DType.COMPLEX64, 1))).fails(IAE, "irfft",
                        "at least 2", "(1,)"),
                fft("fft.irfft2-of-1d", (f, c) -> f.irfft2(c.zeros(DType.COMPLEX64, 3), 4)).fails(IAE, "irfft2", "(3,)"),
                fft("fft.other-context", (f, c) -> f.fft(c.track(c.fresh().zeros(DType.COMPLEX64, 4))))
                        .fails(IAE, "another context"),
                fft("fft.empty", (f, c) -> f.fft(c.zeros(DType.COMPLEX64, 0))).fails(IAE, "fft", "(0,)"),
                fft("fft.fft2-empty-axis", (f, c) -> f.fft2(c.zeros(DType.COMPLEX64, 4, 0))).fails(IAE, "fft2", "(4, 0)"),
                fft("fft.empty-batch", (f, c) -> f.fft(c.zeros(DType.COMPLEX64, 0, 8)).shape()).returns(new long[] {0, 8}),
                fft("fft.empty-rows", (f, c) -> f.rfft(c.zeros(DType.FLOAT32, 3, 0))).fails(IAE, "rfft", "(3, 0)"),
                fft("fft.empty-batch-real", (f, c) -> f.rfft(c.zeros(DType.FLOAT32, 0, 6)).shape()).returns(new long[] {0, 4}),
                fft("fft.one-point", (f, c) -> f.fft(complex(c, 3, -2)).toFloatArray()).returns(new float[] {3, -2})
                        .inChild(),
                fft("fft.batch-of-one-point", (f, c) -> f.ifft(complex(c, 1, 2, 3, 4, 5, 6).reshape(3, 1)).toFloatArray())
                        .returns(new float[] {1, 2, 3, 4, 5, 6}).inChild(),
                fft("fft.prime-7", (f, c) -> f.fft(complex(c, SIGNAL_7)).toFloatArray()).expect(close(dft(SIGNAL_7), 1e-4))
                        .inChild(),
                fft("fft.prime-1031", (f, c) -> f.fft(complex(c, signal(1031))).toFloatArray())
                        .expect(close(dft(signal(1031)), 1e-3)).inChild(),
                fft("fft.round-trip-odd", (f, c) -> f.ifft(f.fft(complex(c, SIGNAL_7))).toFloatArray())
                        .expect(close(widen(SIGNAL_7), 1e-5)).inChild(),
                fft("fft.rfft-one-point", (f, c) -> f.rfft(c.f32(2.5f)).toFloatArray()).returns(new float[] {2.5f, 0})
                        .inChild(),
                fft("fft.irfft-odd-length", (f, c) -> f.irfft(f.rfft(c.f32(1, 2, 3, 4, 5)), 5).toFloatArray())
                        .expect(close(new double[] {1, 2, 3, 4, 5}, 1e-5)).inChild(),
                fft("fft.fft2-one-by-n", (f, c) -> f.fft2(complex(c, 1, 0, 2, 0, 3, 0).reshape(1, 3)).toFloatArray())
                        .expect(close(new double[] {6, 0, -1.5, 0.8660254, -1.5, -0.8660254}, 1e-5)).inChild(),
                fft("fft.rfft2-n-by-one", (f, c) -> f.rfft2(c.f32(1, 2, 3).reshape(3, 1)).toFloatArray())
                        .expect(close(new double[] {6, 0, -1.5, 0.8660254, -1.5, -0.8660254}, 1e-5)).inChild());
    }

    private static final float[] SIGNAL_7 = {1, 0, 2, -1, 0, 3, -2, 1, 0.5f, 0.5f, 4, 0, -3, 2};

    /** {@code values} as interleaved complex64 pairs. */
    private static GPUArray complex(CaseContext c, float... values) {
        return c.track(c.ctx().toGpuComplex(DType.COMPLEX64, values));
    }

    /** A deterministic complex signal of n points, interleaved. */
    private static float[] signal(int n) {
        float[] s = new float[2 * n];
        for (int k = 0; k < s.length; k++) {
            s[k] = (float) Math.sin(0.37 * k * k + 1);
        }
        return s;
    }

    /** The direct DFT of interleaved data, in double precision. */
    private static double[] dft(float[] x) {
        int n = x.length / 2;
        double[] out = new double[2 * n];
        for (int k = 0; k < n; k++) {
            for (int j = 0; j < n; j++) {
                double angle = -2 * Math.PI * ((long) j * k % n) / n;
                out[2 * k] += x[2 * j] * Math.cos(angle) - x[2 * j + 1] * Math.sin(angle);
                out[2 * k + 1] += x[2 * j] * Math.sin(angle) + x[2 * j + 1] * Math.cos(angle);
            }
        }
        return out;
    }

    private static double[] widen(float[] x) {
        double[] d = new double[x.length];
        for (int k = 0; k < x.length; k++) {
            d[k] = x[k];
        }
        return d;
    }

    private static Case.Pending fft(String name, FftBody body) {
        return Case.of(name, c -> body.run(c.ctx().fft(), c));
    }

    @FunctionalInterface
    private interface FftBody {
        Object run(Fft fft, CaseContext c) throws Exception;
    }
}
