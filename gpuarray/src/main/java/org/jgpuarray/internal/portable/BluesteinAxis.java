package org.jgpuarray.internal.portable;

import org.jgpuarray.kernels.ScalarType;
import org.jgpuarray.kernels.lib.FftKernels;
import org.jgpuarray.kernels.lib.FftRadices;
import org.jgpuarray.kernels.lib.PiTrig;
import org.jgpuarray.spi.DeviceBuffer;
import org.jgpuarray.spi.RawFunction;
import org.jtransforms.fft.DoubleFFT_1D;

/**
 * Bluestein's algorithm along one axis, for lengths with a prime factor above 13: the DFT of length n
 * as a circular convolution of length m (a power of two at least 2n - 1) with the chirp
 * {@code exp(+-pi i j^2 / n)}, done with {@link StockhamAxis} transforms of length m. The chirp and the
 * spectra of the convolution filters are computed on the host in double (the filters with JTransforms)
 * and uploaded once.
 */
final class BluesteinAxis implements AxisTransform {
    private final FftKernelSet kernels;
    private final long n;
    private final long m;
    private final SignalLayout layout;
    private final StockhamAxis inner;
    private final DeviceBuffer chirp;
    private final DeviceBuffer forwardFilter;
    private final DeviceBuffer inverseFilter;
    private final DeviceBuffer[] scratch = new DeviceBuffer[3];

    BluesteinAxis(FftKernelSet kernels, long n, SignalLayout layout) {
        this.kernels = kernels;
        this.n = n;
        this.m = FftRadices.bluesteinLength(n);
        this.layout = layout;
        this.inner = new StockhamAxis(kernels, m, SignalLayout.rows(layout.signals(), m));
        double[] c = chirp(Math.toIntExact(n));
        this.chirp = upload(c);
        this.forwardFilter = upload(filter(c, false));
        this.inverseFilter = upload(filter(c, true));
        for (int k = 0; k < scratch.length; k++) {
            scratch[k] = kernels.runner().allocate(kernels.complex(), layout.signals() * m);
        }
    }

    @Override
    public void run(DeviceBuffer src, DeviceBuffer dst, boolean inverse, double scale, DeviceBuffer tmpA,
                    DeviceBuffer tmpB) {
        ScalarType p = kernels.precision();
        long signals = layout.signals();
        DeviceBuffer work = scratch[0];
        RawFunction pre = kernels.function(FftKernels.bluesteinPre(inverse, p));
        kernels.runner().launch1d(pre, signals * m, src, work, chirp, kernels.index(n), kernels.index(m),
                kernels.index(signals), kernels.index(layout.inner()), kernels.index(layout.outer()),
                kernels.index(layout.stride()));
        inner.run(work, work, false, 1.0, scratch[1], scratch[2]);
        kernels.helper("pointwise", signals * m, work, inverse ? inverseFilter : forwardFilter, kernels.index(m),
                kernels.index(signals * m));
        inner.run(work, work, true, 1.0, scratch[1], scratch[2]);
        RawFunction post = kernels.function(FftKernels.bluesteinPost(inverse, p));
        kernels.runner().launch1d(post, signals * n, work, dst, chirp, kernels.index(n), kernels.index(m),
                kernels.index(signals), kernels.index(layout.inner()), kernels.index(layout.outer()),
                kernels.index(layout.stride()), kernels.real(scale / m));
    }

    @Override
    public void release() {
        inner.release();
        KernelRunner r = kernels.runner();
        r.free(chirp);
        r.free(forwardFilter);
        r.free(inverseFilter);
        for (DeviceBuffer b : scratch) {
            r.free(b);
        }
    }

    /** {@code exp(-pi i j^2 / n)}, interleaved, with {@code j^2} reduced modulo 2n exactly. */
    private static double[] chirp(int n) {
        double[] c = new double[2 * n];
        for (int j = 0; j < n; j++) {
            double x = (double) (((long) j * j) % (2L * n)) / n;
            c[2 * j] = PiTrig.cospi(x);
            c[2 * j + 1] = -PiTrig.sinpi(x);
        }
        return c;
    }

    /**
     * The spectrum (length m) of the convolution filter: the conjugate chirp (forward) or the chirp
     * (inverse) at offsets {@code -(n-1) .. n-1}, wrapped around.
     */
    private double[] filter(double[] chirp, boolean inverse) {
        int len = Math.toIntExact(m);
        double[] b = new double[2 * len];
        double sign = inverse ? 1 : -1;
        for (int j = 0; j < n; j++) {
            b[2 * j] = chirp[2 * j];
            b[2 * j + 1] = sign * chirp[2 * j + 1];
            if (j > 0) {
                b[2 * (len - j)] = chirp[2 * j];
                b[2 * (len - j) + 1] = sign * chirp[2 * j + 1];
            }
        }
        new DoubleFFT_1D(len).complexForward(b);
        return b;
    }

    private DeviceBuffer upload(double[] values) {
        if (kernels.precision() == ScalarType.FLOAT32) {
            float[] f = new float[values.length];
            for (int k = 0; k < values.length; k++) {
                f[k] = (float) values[k];
            }
            return kernels.runner().upload(kernels.complex(), f, f.length);
        }
        return kernels.runner().upload(kernels.complex(), values, values.length);
    }
}
