package org.jgpuarray.internal.portable;

import java.util.List;
import org.jgpuarray.kernels.lib.FftRadices;
import org.jgpuarray.kernels.lib.PiTrig;
import org.jgpuarray.spi.DeviceBuffer;

/**
 * Mixed-radix Stockham passes along one axis, for lengths whose prime factors are at most 13. The
 * passes ping-pong between the scratch buffers and end in the destination, never writing the buffer
 * they read; the twiddle table {@code exp(-2 pi i t / len)} is computed on the host in double.
 */
final class StockhamAxis implements AxisTransform {
    private final FftKernelSet kernels;
    private final long length;
    private final SignalLayout layout;
    private final List<Integer> radices;
    private final DeviceBuffer twiddles;

    /**
     * @throws IllegalArgumentException when the length has a prime factor above 13
     */
    StockhamAxis(FftKernelSet kernels, long length, SignalLayout layout) {
        this.kernels = kernels;
        this.length = length;
        this.layout = layout;
        this.radices = FftRadices.of(length).orElseThrow(() -> new IllegalArgumentException(
                "length " + length + " has a prime factor above 13; use Bluestein"));
        this.twiddles = radices.isEmpty() ? null : uploadTwiddles();
    }

    @Override
    public void run(DeviceBuffer src, DeviceBuffer dst, boolean inverse, double scale, DeviceBuffer tmpA,
                    DeviceBuffer tmpB) {
        int passes = radices.size();
        if (passes == 0) {
            kernels.helper("scale_copy", layout.signals() * length, src, dst, kernels.index(layout.signals() * length),
                    kernels.real(scale));
            return;
        }
        if (passes == 1 && src == dst) {
            DeviceBuffer tmp = src == tmpA ? tmpB : tmpA;
            kernels.pass(radices.get(0), inverse, src, tmp, twiddles, length, 1, layout, scale);
            kernels.runner().copy(tmp, dst, layout.signals() * length * kernels.complexBytes());
            return;
        }
        DeviceBuffer first = src == tmpA ? tmpB : tmpA;
        DeviceBuffer second = first == tmpA ? tmpB : tmpA;
        DeviceBuffer in = src;
        long ns = 1;
        for (int p = 0; p < passes; p++) {
            boolean last = p == passes - 1;
            DeviceBuffer out = last ? dst : (p % 2 == 0 ? first : second);
            int radix = radices.get(p);
            kernels.pass(radix, inverse, in, out, twiddles, length, ns, layout, last ? scale : 1.0);
            ns *= radix;
            in = out;
        }
    }

    @Override
    public void release() {
        kernels.runner().free(twiddles);
    }

    private DeviceBuffer uploadTwiddles() {
        int n = Math.toIntExact(length);
        if (kernels.precision() == org.jgpuarray.kernels.ScalarType.FLOAT32) {
            float[] t = new float[2 * n];
            for (int k = 0; k < n; k++) {
                double x = 2.0 * k / n;
                t[2 * k] = (float) PiTrig.cospi(x);
                t[2 * k + 1] = (float) -PiTrig.sinpi(x);
            }
            return kernels.runner().upload(kernels.complex(), t, 2 * n);
        }
        double[] t = new double[2 * n];
        for (int k = 0; k < n; k++) {
            double x = 2.0 * k / n;
            t[2 * k] = PiTrig.cospi(x);
            t[2 * k + 1] = -PiTrig.sinpi(x);
        }
        return kernels.runner().upload(kernels.complex(), t, 2 * n);
    }
}
