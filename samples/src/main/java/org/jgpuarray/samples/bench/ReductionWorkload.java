package org.jgpuarray.samples.bench;

import org.jgpuarray.GPUArray;
import org.jgpuarray.GpuContext;

/**
 * A float32 reduction to one number with the built-in reduction kernels: {@code reduce} is
 * {@code x.sum()} (4 bytes per element), {@code dot} is {@code x.dot(y)} (8 bytes per element).
 */
public final class ReductionWorkload implements Workload {
    private final boolean dot;

    private ReductionWorkload(boolean dot) {
        this.dot = dot;
    }

    /** {@code sum(x)}. */
    public static ReductionWorkload sum() {
        return new ReductionWorkload(false);
    }

    /** {@code dot(x, y)}. */
    public static ReductionWorkload dot() {
        return new ReductionWorkload(true);
    }

    @Override
    public String name() {
        return dot ? "dot" : "reduce";
    }

    @Override
    public String description() {
        return dot ? "dot(x, y), float32 (GPUArray.dot, a ReductionKernel)"
                : "sum(x), float32 (GPUArray.sum, a ReductionKernel)";
    }

    @Override
    public Metric metric() {
        return Metric.GB_PER_S;
    }

    @Override
    public double work(long size) {
        return (dot ? 8.0 : 4.0) * size;
    }

    @Override
    public Problem prepare(long size, long seed) {
        float[] x = HostData.uniform(size, seed);
        float[] y = dot ? HostData.uniform(size, seed + 1) : null;
        return new Reduction(x, y);
    }

    private static final class Reduction implements Problem {
        private final float[] x;
        private final float[] y;
        private final double reference;
        private final double magnitude;

        Reduction(float[] x, float[] y) {
            this.x = x;
            this.y = y;
            double sum = 0;
            double abs = 0;
            for (int i = 0; i < x.length; i++) {
                double v = y == null ? x[i] : (double) x[i] * y[i];
                sum += v;
                abs += Math.abs(v);
            }
            this.reference = sum;
            this.magnitude = abs;
        }

        @Override
        public float[] runJava() {
            float s = 0;
            if (y == null) {
                for (float v : x) {
                    s += v;
                }
            } else {
                for (int i = 0; i < x.length; i++) {
                    s += x[i] * y[i];
                }
            }
            return new float[] {s};
        }

        @Override
        public DeviceRun onDevice(GpuContext context) {
            return new OnDevice(context, x, y);
        }

        @Override
        public PeerRun onNd4j() {
            return y == null ? Nd4jPeers.sum(x) : Nd4jPeers.dot(x, y);
        }

        /** float32 accumulation error stays far below 1e-6 of the sum of magnitudes; a lost element does not. */
        @Override
        public Check check(float[] result) {
            return new Check.Builder(y == null ? "sum" : "dot")
                    .compare(0, result[0], reference, 1e-6 * magnitude + 1e-6).build();
        }
    }

    private static final class OnDevice implements DeviceRun {
        private final GpuContext context;
        private final float[] x;
        private final float[] y;
        private GPUArray dx;
        private GPUArray dy;
        private GPUArray result;

        OnDevice(GpuContext context, float[] x, float[] y) {
            this.context = context;
            this.x = x;
            this.y = y;
            // compile now so that compilation is not timed
            try (GPUArray one = context.toGpu(new float[] {1f});
                 GPUArray r = y == null ? one.sum() : one.dot(one)) {
                r.item();
            }
        }

        @Override
        public String implementation() {
            return y == null ? "GPUArray.sum" : "GPUArray.dot";
        }

        @Override
        public void upload() {
            dx = context.toGpu(x);
            dy = y == null ? null : context.toGpu(y);
        }

        @Override
        public void compute() {
            result = y == null ? dx.sum() : dx.dot(dy);
        }

        @Override
        public float[] download() {
            return new float[] {(float) result.item()};
        }

        @Override
        public void release() {
            Releaser.closeAll(dx, dy, result);
            dx = dy = result = null;
        }

        @Override
        public void close() {
            release();
        }
    }
}
