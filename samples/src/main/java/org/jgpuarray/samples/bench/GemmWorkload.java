package org.jgpuarray.samples.bench;

import java.util.Optional;
import org.jgpuarray.DType;
import org.jgpuarray.GPUArray;
import org.jgpuarray.GpuContext;

/**
 * Square float32 matrix product {@code C = A B}; a size means elements per matrix, so size 2^18 is
 * 512 x 512 x 512 (2 N^3 floating-point operations). Sizes above {@code maxSize} are skipped: until the
 * BLAS library lands, the device side is {@link NaiveGemm}, slow on a CPU.
 */
public final class GemmWorkload implements Workload {
    private final long maxSize;

    /**
     * @param maxSize the largest size (elements per matrix) to run
     */
    public GemmWorkload(long maxSize) {
        this.maxSize = maxSize;
    }

    @Override
    public String name() {
        return "gemm";
    }

    @Override
    public String description() {
        return "C = A B, square float32 matrices (" + NaiveGemm.IMPLEMENTATION + ")";
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
        if (size > maxSize) {
            return Optional.of("over --max-gemm-size " + SizeList.format(maxSize));
        }
        return side(size) < 1 ? Optional.of("too small") : Optional.empty();
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

        /** The cache-friendly i-k-j loop a Java programmer would write. */
        @Override
        public float[] runJava() {
            java.util.Arrays.fill(javaOut, 0f);
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
            for (int j = 0; j < n; j++) {
                double sum = 0;
                double abs = 0;
                for (int p = 0; p < n; p++) {
                    double t = (double) a[i * n + p] * b[p * n + j];
                    sum += t;
                    abs += Math.abs(t);
                }
                check.compare((long) i * n + j, c[i * n + j], sum, n * HostData.EPS32 * abs + 1e-6);
            }
        }
    }

    private static final class OnDevice implements DeviceRun {
        private final GpuContext context;
        private final int n;
        private final float[] a;
        private final float[] b;
        private final NaiveGemm gemm;
        private GPUArray da;
        private GPUArray db;
        private GPUArray dc;

        OnDevice(GpuContext context, int n, float[] a, float[] b) {
            this.context = context;
            this.n = n;
            this.a = a;
            this.b = b;
            this.gemm = new NaiveGemm(context);
        }

        @Override
        public String implementation() {
            return NaiveGemm.IMPLEMENTATION;
        }

        @Override
        public void upload() {
            da = context.toGpu(a);
            db = context.toGpu(b);
            dc = context.empty(DType.FLOAT32, (long) n * n);
        }

        @Override
        public void compute() {
            gemm.multiply(da, db, dc, n, n, n);
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
