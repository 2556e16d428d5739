package org.jgpuarray.samples.bench;

import java.util.Locale;
import java.util.SplittableRandom;
import org.jgpuarray.DType;
import org.jgpuarray.GPUArray;
import org.jgpuarray.GpuContext;
import org.jgpuarray.random.GpuRandom;

/**
 * {@code size} uniform float32 numbers in [0, 1) through {@code ctx.random(seed).uniform}, rated at 4 bytes
 * written per number. The plain Java reference fills a {@code float[]} from one
 * {@link SplittableRandom}; ND4J's peer is {@code Nd4j.rand}. Generators differ, so results are checked
 * by their statistics (range, mean, variance), not element by element.
 */
public final class RngWorkload implements Workload {
    @Override
    public String name() {
        return "rng";
    }

    @Override
    public String description() {
        return "uniform float32 random numbers in [0, 1) (ctx.random(seed).uniform)";
    }

    @Override
    public String sizeUnit() {
        return "numbers";
    }

    @Override
    public Metric metric() {
        return Metric.GB_PER_S;
    }

    @Override
    public double work(long size) {
        return 4.0 * size;
    }

    @Override
    public Problem prepare(long size, long seed) {
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("size " + size + " does not fit a Java array");
        }
        return new Numbers((int) size, seed);
    }

    /**
     * Checks uniforms on [0, 1): every value in range, and the mean and the variance within 5 standard
     * errors of 1/2 and 1/12 (the variance of a sample variance of uniforms is {@code 1 / (180 n)}).
     *
     * @param u the numbers; not modified
     */
    static Check checkUniform(float[] u) {
        int n = u.length;
        double sum = 0;
        for (int k = 0; k < n; k++) {
            float v = u[k];
            if (!(v >= 0f && v < 1f)) {
                return new Check(false, Double.POSITIVE_INFINITY, 0,
                        String.format(Locale.ROOT, "u[%d] = %.7g is outside [0, 1)", k, v));
            }
            sum += v;
        }
        double mean = n == 0 ? 0.5 : sum / n;
        double squares = 0;
        for (float v : u) {
            squares += (v - mean) * (v - mean);
        }
        double variance = n == 0 ? 1.0 / 12 : squares / n;
        double meanTol = 5 * Math.sqrt(1.0 / 12 / Math.max(n, 1));
        double varTol = 5 * Math.sqrt(1.0 / 180 / Math.max(n, 1));
        double meanErr = Math.abs(mean - 0.5);
        double varErr = Math.abs(variance - 1.0 / 12);
        boolean meanWorse = meanErr / meanTol >= varErr / varTol;
        String detail = String.format(Locale.ROOT, "mean %.6f (1/2 ± %.2g), variance %.6f (1/12 ± %.2g)", mean,
                meanTol, variance, varTol);
        return new Check(meanErr <= meanTol && varErr <= varTol, meanWorse ? meanErr : varErr,
                meanWorse ? meanTol : varTol, detail);
    }

    private static final class Numbers implements Problem {
        private final int n;
        private final long seed;
        private final float[] javaOut;
        private SplittableRandom java;

        Numbers(int n, long seed) {
            this.n = n;
            this.seed = seed;
            this.javaOut = new float[n];
        }

        /** One {@link SplittableRandom} filling a float array; each run continues the stream. */
        @Override
        public float[] runJava() {
            if (java == null) {
                java = new SplittableRandom(seed);
            }
            for (int k = 0; k < n; k++) {
                javaOut[k] = java.nextFloat();
            }
            return javaOut;
        }

        @Override
        public DeviceRun onDevice(GpuContext context) {
            return new OnDevice(context, n, seed);
        }

        @Override
        public PeerRun onNd4j() {
            return Nd4jPeers.rand(n, seed);
        }

        @Override
        public Check check(float[] u) {
            return u.length == n ? checkUniform(u)
                    : new Check(false, Double.POSITIVE_INFINITY, 0, "got " + u.length + " numbers, expected " + n);
        }
    }

    private static final class OnDevice implements DeviceRun {
        private final int n;
        private final GpuRandom random;
        private GPUArray out;

        OnDevice(GpuContext context, int n, long seed) {
            this.n = n;
            this.random = context.random(seed);
            // compile the generator's kernels now, so that compilation is not timed
            try (GPUArray one = random.uniform(DType.FLOAT32, 1)) {
                one.toFloatArray();
            }
        }

        @Override
        public String implementation() {
            return random.implementation();
        }

        /** Nothing to upload: the numbers are made on the device. */
        @Override
        public void upload() {
        }

        @Override
        public void compute() {
            out = random.uniform(DType.FLOAT32, n);
        }

        @Override
        public float[] download() {
            return out.toFloatArray();
        }

        @Override
        public void release() {
            Releaser.closeAll(out);
            out = null;
        }

        @Override
        public void close() {
            release();
        }
    }
}
