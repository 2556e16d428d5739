package org.jgpuarray.cuda.internal.cufft;

import java.util.HashMap;
import java.util.Map;
import org.jgpuarray.spi.BackendDevice;
import org.jgpuarray.kernels.Dialect;
import org.jgpuarray.kernels.ElementwiseSpec;
import org.jgpuarray.kernels.ScalarType;
import org.jgpuarray.spi.CompiledElementwise;
import org.jgpuarray.spi.DeviceBuffer;

/**
 * The two small kernels around cuFFT, compiled through the backend (once per precision) and launched in
 * the device's selected stream: the scale factor applied to a transform's output, and the Hermitian
 * symmetrization of a complex-to-real transform's input. The latter makes cuFFT agree with NumPy where
 * the input is not a Hermitian half spectrum (cuFFT leaves that case undefined): NumPy's
 * {@code irfftn} drops the imaginary parts of the zero and Nyquist columns after the transforms of the
 * other axes, which is the same as replacing those columns by their Hermitian parts
 * {@code (X[k0] + conj(X[-k0])) / 2} first. Used from the device's thread only.
 */
public final class CufftKernels {
    private final BackendDevice device;
    private final Map<ElementwiseSpec, CompiledElementwise> kernels = new HashMap<>();

    CufftKernels(BackendDevice device) {
        this.device = device;
    }

    /** {@code x[i] = x[i] * s} over real numbers of {@code precision}. */
    public static ElementwiseSpec scaleSpec(ScalarType precision) {
        String c = precision.nameIn(Dialect.CUDA);
        return ElementwiseSpec.of("cufft_scale_" + precision.numpyName(), c + " *x, " + c + " s", "x[i] = x[i] * s");
    }

    /**
     * Symmetrizes, for each of the {@code (n0 / 2 + 1) * columns} work items of each signal, the pair
     * (k0, -k0) of column 0 (and of column n1 / 2 when {@code columns} is 2) of half spectra of n0 rows
     * of {@code width} complex values, {@code z} holding them as interleaved real numbers.
     */
    public static ElementwiseSpec hermitianSpec(ScalarType precision) {
        String c = precision.nameIn(Dialect.CUDA);
        return ElementwiseSpec.of("cufft_hermitian_" + precision.numpyName(),
                c + " *z, long n0, long width, long nyquist, int columns",
                "long per = (n0 / 2 + 1) * columns;\n"
                        + "long s = i / per;\n"
                        + "long k0 = i % per / columns;\n"
                        + "long col = i % columns == 0 ? 0 : nyquist;\n"
                        + "long p = 2 * ((s * n0 + k0) * width + col);\n"
                        + "long q = 2 * ((s * n0 + (n0 - k0) % n0) * width + col);\n"
                        + c + " re = (z[p] + z[q]) / 2;\n"
                        + c + " im = (z[p + 1] - z[q + 1]) / 2;\n"
                        + "z[p] = re; z[p + 1] = im; z[q] = re; z[q + 1] = -im;");
    }

    /**
     * {@code x[i] *= factor} for the first {@code reals} real numbers of {@code buffer}.
     *
     * @param buffer modified
     */
    void scale(ScalarType precision, DeviceBuffer buffer, long reals, double factor) {
        kernel(scaleSpec(precision)).launch(reals, new Object[] {buffer, real(precision, factor)});
    }

    /**
     * Makes the zero (and, for an even last extent, the Nyquist) columns of {@code batch} half spectra
     * Hermitian, as NumPy's inverse real transforms read them.
     *
     * @param spectra modified: batch signals of n0 x (n1 / 2 + 1) complex values
     */
    void symmetrize(ScalarType precision, DeviceBuffer spectra, long batch, long n0, long n1) {
        int columns = n1 % 2 == 0 ? 2 : 1;
        kernel(hermitianSpec(precision)).launch(batch * (n0 / 2 + 1) * columns,
                new Object[] {spectra, n0, n1 / 2 + 1, n1 / 2, columns});
    }

    private CompiledElementwise kernel(ElementwiseSpec spec) {
        return kernels.computeIfAbsent(spec, device::compile);
    }

    private static Object real(ScalarType precision, double value) {
        return precision == ScalarType.FLOAT32 ? (Object) (float) value : (Object) value;
    }
}
