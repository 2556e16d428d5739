package org.jgpuarray.samples.bench;

import java.util.Arrays;
import java.util.Optional;
import org.jgpuarray.DType;
import org.jgpuarray.GPUArray;
import org.jgpuarray.GpuContext;
import org.jgpuarray.blas.Blas;
import org.jgpuarray.blas.Transpose;

/**
 * Square float32 matrix product {@code C = A B} through {@code ctx.blas().gemm}; a size means elements
 * per matrix, so size 2^18 is 512 x 512 x 512 (2 N^3 floating-point operations). The plain Java
 * reference is the single-threaded i-k-j triple loop; ND4J's peer is {@code mmul} (OpenBLAS).
 */
public final class GemmWorkload implements Workload {
    @Override
    public String name() {
        return "gemm";
    }

    @Override
    public String description() {
        return "C = A B, square float32 matrices (ctx.blas().gemm)";
    }

    @Override
    public String sizeUnit() {
        return "elements per matrix";
    }

    @Override
    public Metric metric() {
        return Metric.GFLOP_PER_S;
    }

    @Override
    public double work(long size) {
        double n = side(size);
        return 2 * n * n * n;
    }

    @Override
    public String sizeLabel(long size) {
        int n = side(size);
        return n + "x" + n + "x" + n;
    }

    @Override
    public Optional<String> skipReason(long size) {
        return side(size) > 46_340 ? Optional.of("a matrix does not fit a Java array") : Optional.empty();
    }

    /** The matrix side for a size: the floor of its square root. */
    static int side(long size) {
        return (int) Math.floor(Math.sqrt((double) size));
    }

    @Override
    public Problem prepare(long size, long seed) {
        int n = side(size);
        return new Product(n, HostData.uniform((long) n * n, seed), HostData.uniform((long) n * n, seed + 1));
    }

    private static final class Product implements Problem {
        private final int n;
        private final float[] a;
        private final float[] b;
        private final float[] javaOut;

        Product(int n, float[] a, float[] b) {
            this.n = n;
            this.a = a;
            this.b = b;
            this.javaOut = new float[n * n];
        }

        /** The straightforward, cache-friendly i-k-j triple loop a Java programmer would write. */
        @Override
        public float[] runJava() {
            Arrays.fill(javaOut, 0f);
            for (int i = 0; i < n; i++) {
                int row = i * n;
                for (int p = 0; p < n; p++) {
                    float aip = a[row + p];
                    int brow = p * n;
                    for (int j = 0; j < n; j++) {
                        javaOut[row + j] += aip * b[brow + j];
                    }
                }
            }
            return javaOut;
        }

        @Override
        public DeviceRun onDevice(GpuContext context) {
            return new OnDevice(context, n, a, b);
        }

        @Override
        public PeerRun onNd4j() {
            return Nd4jPeers.gemm(n, a, b);
        }

        /** Checks about 64 whole rows against float64 sums, with a tolerance from the float32 error bound. */
        @Override
        public Check check(float[] c) {
            Check.Builder check = new Check.Builder("C");
            int stride = Math.max(1, n / 64);
            for (int i = 0; i < n; i += stride) {
                checkRow(check, c, i);
            }
            checkRow(check, c, n - 1);
            return check.build();
        }

        private void checkRow(Check.Builder check, float[] c, int i) {
            double[] sum = new double[n];
            double[] abs = new double[n];
            for (int p = 0; p < n; p++) {
                double aip = a[i * n + p];
                for (int j = 0; j < n; j++) {
                    double t = aip * b[p * n + j];
                    sum[j] += t;
                    abs[j] += Math.abs(t);
                }
            }
            for (int j = 0; j < n; j++) {
                check.compare((long) i * n + j, c[i * n + j], sum[j], n * HostData.EPS32 * abs[j] + 1e-6);
            }
        }
    }

    private static final class OnDevice implements DeviceRun {
        private final GpuContext context;
        private final int n;
        private final float[] a;
        private final float[] b;
        private final Blas blas;
        private GPUArray da;
        private GPUArray db;
        private GPUArray dc;

        OnDevice(GpuContext context, int n, float[] a, float[] b) {
            this.context = context;
            this.n = n;
            this.a = a;
            this.b = b;
            this.blas = context.blas();
            // compile the kernels now, so that compilation is not timed
            try (GPUArray one = context.toGpu(new float[] {1f}, 1, 1);
                 GPUArray out = context.empty(DType.FLOAT32, 1, 1)) {
                blas.gemm(Transpose.NONE, Transpose.NONE, 1, one, one, 0, out);
                out.toFloatArray();
            }
        }

        @Override
        public String implementation() {
            return blas.implementation();
        }

        @Override
        public void upload() {
            da = context.toGpu(a, n, n);
            db = context.toGpu(b, n, n);
            dc = context.empty(DType.FLOAT32, n, n);
        }

        @Override
        public void compute() {
            blas.gemm(Transpose.NONE, Transpose.NONE, 1, da, db, 0, dc);
        }

        @Override
        public float[] download() {
            return dc.toFloatArray();
        }

        @Override
        public void release() {
            Releaser.closeAll(da, db, dc);
            da = db = dc = null;
        }

        @Override
        public void close() {
            release();
        }
    }
}
