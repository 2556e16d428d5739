package org.jgpuarray.samples.bench;

import java.util.Optional;
import org.jgpuarray.DType;
import org.jgpuarray.GPUArray;
import org.jgpuarray.GpuContext;
import org.jgpuarray.fft.Fft;

/**
 * Complex64 1-D forward FFT of {@code size} points through {@code ctx.fft().fft(x)}, rated at
 * {@code 5 N log2 N} floating-point operations (the convention of FFTW and cuFFT benchmarks). The plain
 * Java reference is an iterative radix-2 transform ({@link JavaFft}, powers of two only); ND4J has no
 * FFT worth timing. Results are checked against a float64 FFT ({@link ReferenceFft}).
 */
public final class FftWorkload implements Workload {
    @Override
    public String name() {
        return "fft";
    }

    @Override
    public String description() {
        return "1-D forward FFT, complex64 (ctx.fft().fft)";
    }

    @Override
    public String sizeUnit() {
        return "complex points";
    }

    @Override
    public Metric metric() {
        return Metric.GFLOP_PER_S;
    }

    @Override
    public double work(long size) {
        return 5.0 * size * log2(size);
    }

    @Override
    public Optional<String> skipReason(long size) {
        return size > (Integer.MAX_VALUE - 8) / 2 ? Optional.of("does not fit a Java array") : Optional.empty();
    }

    @Override
    public Optional<String> javaSkipReason(long size) {
        return Long.bitCount(size) == 1 ? Optional.empty()
                : Optional.of("the plain Java radix-2 FFT needs a power of two");
    }

    @Override
    public Optional<String> nd4jSkipReason() {
        return Optional.of("ND4J has no FFT worth timing");
    }

    @Override
    public Problem prepare(long size, long seed) {
        int n = (int) size;
        float[] re = HostData.uniform(n, seed);
        float[] im = HostData.uniform(n, seed + 1);
        float[] x = new float[2 * n];
        for (int k = 0; k < n; k++) {
            x[2 * k] = re[k];
            x[2 * k + 1] = im[k];
        }
        return new Transform(n, x);
    }

    private static double log2(long size) {
        return Math.max(1, Math.log(size) / Math.log(2));
    }

    private static final class Transform implements Problem {
        private final int n;
        private final float[] x;
        private final double maxAbs;
        private JavaFft java;
        private double[] reference;

        Transform(int n, float[] x) {
            this.n = n;
            this.x = x;
            double m = 0;
            for (int k = 0; k < n; k++) {
                m = Math.max(m, Math.hypot(x[2 * k], x[2 * k + 1]));
            }
            this.maxAbs = m;
        }

        @Override
        public float[] runJava() {
            if (java == null) {
                java = new JavaFft(n);
            }
            return java.forward(x);
        }

        @Override
        public DeviceRun onDevice(GpuContext context) {
            return new OnDevice(context, n, x);
        }

        @Override
        public PeerRun onNd4j() {
            throw new UnsupportedOperationException("ND4J has no FFT worth timing");
        }

        /**
         * Every real and imaginary part within {@code 10 eps32 log2(N) sqrt(N) max|x|} of the float64
         * transform: the float32 error bound of an FFT, with room to spare; a lost or wrong value is far off.
         */
        @Override
        public Check check(float[] y) {
            if (reference == null) {
                double[] xd = new double[x.length];
                for (int k = 0; k < x.length; k++) {
                    xd[k] = x[k];
                }
                reference = ReferenceFft.forward(xd);
            }
            double tol = 10 * HostData.EPS32 * log2(n) * Math.sqrt(n) * maxAbs + 1e-6;
            if (y.length != reference.length) {
                return new Check(false, Double.POSITIVE_INFINITY, tol,
                        "got " + y.length / 2 + " complex values, expected " + n);
            }
            Check.Builder check = new Check.Builder("X (re, im interleaved)");
            for (int k = 0; k < y.length; k++) {
                check.compare(k, y[k], reference[k], tol);
            }
            return check.build();
        }
    }

    private static final class OnDevice implements DeviceRun {
        private final GpuContext context;
        private final int n;
        private final float[] x;
        private final Fft fft;
        private GPUArray dx;
        private GPUArray dy;

        OnDevice(GpuContext context, int n, float[] x) {
            this.context = context;
            this.n = n;
            this.x = x;
            this.fft = context.fft();
            // make the plan and compile its kernels now, so that neither is timed
            try (GPUArray in = context.toGpuComplex(DType.COMPLEX64, x, n);
                 GPUArray out = fft.fft(in)) {
                out.toFloatArray();
            }
        }

        @Override
        public String implementation() {
            return fft.implementation();
        }

        @Override
        public void upload() {
            dx = context.toGpuComplex(DType.COMPLEX64, x, n);
        }

        @Override
        public void compute() {
            dy = fft.fft(dx);
        }

        @Override
        public float[] download() {
            return dy.toFloatArray();
        }

        @Override
        public void release() {
            Releaser.closeAll(dx, dy);
            dx = dy = null;
        }

        @Override
        public void close() {
            release();
        }
    }
}
