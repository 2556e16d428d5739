package org.jgpuarray.samples.bench;

import org.jgpuarray.DType;
import org.jgpuarray.ElementwiseKernel;
import org.jgpuarray.GPUArray;
import org.jgpuarray.GpuContext;

/**
 * {@code c = a*x + b*y} over float32 vectors with an {@link ElementwiseKernel}, PyCUDA's linear
 * combination: 12 bytes per element (read x and y, write c).
 */
public final class ElementwiseWorkload implements Workload {
    static final float A = 2f;
    static final float B = 5f;

    @Override
    public String name() {
        return "elementwise";
    }

    @Override
    public String description() {
        return "c = a*x + b*y, float32 (ElementwiseKernel)";
    }

    @Override
    public Metric metric() {
        return Metric.GB_PER_S;
    }

    @Override
    public double work(long size) {
        return 12.0 * size;
    }

    @Override
    public Problem prepare(long size, long seed) {
        return new LinearCombination(HostData.uniform(size, seed), HostData.uniform(size, seed + 1));
    }

    private static final class LinearCombination implements Problem {
        private final float[] x;
        private final float[] y;
        private final float[] javaOut;

        LinearCombination(float[] x, float[] y) {
            this.x = x;
            this.y = y;
            this.javaOut = new float[x.length];
        }

        @Override
        public float[] runJava() {
            for (int i = 0; i < x.length; i++) {
                javaOut[i] = A * x[i] + B * y[i];
            }
            return javaOut;
        }

        @Override
        public DeviceRun onDevice(GpuContext context) {
            return new OnDevice(context, x, y);
        }

        @Override
        public PeerRun onNd4j() {
            return Nd4jPeers.linearCombination(A, x, B, y);
        }

        @Override
        public Check check(float[] c) {
            Check.Builder check = new Check.Builder("c");
            for (int i = 0; i < x.length; i++) {
                double ax = (double) A * x[i];
                double by = (double) B * y[i];
                check.compare(i, c[i], ax + by, 4 * HostData.EPS32 * (Math.abs(ax) + Math.abs(by)) + 1e-30);
            }
            return check.build();
        }
    }

    private static final class OnDevice implements DeviceRun {
        private final GpuContext context;
        private final float[] x;
        private final float[] y;
        private final ElementwiseKernel kernel;
        private GPUArray dx;
        private GPUArray dy;
        private GPUArray dc;

        OnDevice(GpuContext context, float[] x, float[] y) {
            this.context = context;
            this.x = x;
            this.y = y;
            this.kernel = context.elementwiseKernel("float a, float *x, float b, float *y, float *c",
                    "c[i] = a*x[i] + b*y[i]", "bench_linear_combination");
        }

        @Override
        public String implementation() {
            return "ElementwiseKernel";
        }

        @Override
        public void upload() {
            dx = context.toGpu(x);
            dy = context.toGpu(y);
            dc = context.empty(DType.FLOAT32, x.length);
        }

        @Override
        public void compute() {
            kernel.call(A, dx, B, dy, dc);
        }

        @Override
        public float[] download() {
            return dc.toFloatArray();
        }

        @Override
        public void release() {
            Releaser.closeAll(dx, dy, dc);
            dx = dy = dc = null;
        }

        @Override
        public void close() {
            release();
        }
    }
}
