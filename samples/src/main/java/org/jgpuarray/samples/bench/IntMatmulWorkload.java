package org.jgpuarray.samples.bench;

import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.jgpuarray.DType;
import org.jgpuarray.GPUArray;
import org.jgpuarray.GpuContext;

/**
 * Square int32 matrix product {@code C = A.matmul(B)} (int32 result, wrapping as NumPy's does); a size
 * means elements per matrix, so size 2^20 is 1024 x 1024 x 1024 (2 N^3 integer operations, reported as
 * GFLOP/s). The Java reference is the i-k-j triple loop on {@code int[]} with its rows spread over every
 * core by a parallel stream, what a Java programmer would write for integers, which no BLAS multiplies.
 * Entries are small (|x| < 8), so every product is exact in float32 and the harness's float check is exact.
 */
public final class IntMatmulWorkload implements Workload {
    @Override
    public String name() {
        return "imatmul";
    }

    @Override
    public String description() {
        return "C = A.matmul(B), square int32 matrices; Java: parallel-stream i-k-j loop on all cores";
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
        double n = GemmWorkload.side(size);
        return 2 * n * n * n;
    }

    @Override
    public String sizeLabel(long size) {
        int n = GemmWorkload.side(size);
        return n + "x" + n + "x" + n;
    }

    @Override
    public Optional<String> skipReason(long size) {
        return GemmWorkload.side(size) > 46_340 ? Optional.of("a matrix does not fit a Java array") : Optional.empty();
    }

    @Override
    public Optional<String> nd4jSkipReason() {
        return Optional.of("ND4J multiplies no int32 matrices on its BLAS");
    }

    @Override
    public Problem prepare(long size, long seed) {
        int n = GemmWorkload.side(size);
        return new Product(n, small(n, seed), small(n, seed + 1));
    }

    private static int[] small(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int[] v = new int[n * n];
        for (int k = 0; k < v.length; k++) {
            v[k] = r.nextInt(-7, 8);
        }
        return v;
    }

    private static final class Product implements Problem {
        private final int n;
        private final int[] a;
        private final int[] b;
        private final int[] javaOut;

        Product(int n, int[] a, int[] b) {
            this.n = n;
            this.a = a;
            this.b = b;
            this.javaOut = new int[n * n];
        }

        /** The i-k-j loop, rows of C in parallel on every core. */
        @Override
        public float[] runJava() {
            IntStream.range(0, n).parallel().forEach(i -> {
                int row = i * n;
                for (int j = 0; j < n; j++) {
                    javaOut[row + j] = 0;
                }
                for (int p = 0; p < n; p++) {
                    int aip = a[row + p];
                    int brow = p * n;
                    for (int j = 0; j < n; j++) {
                        javaOut[row + j] += aip * b[brow + j];
                    }
                }
            });
            float[] out = new float[javaOut.length];
            for (int k = 0; k < out.length; k++) {
                out[k] = javaOut[k];
            }
            return out;
        }

        @Override
        public DeviceRun onDevice(GpuContext context) {
            return new OnDevice(context, n, a, b);
        }

        @Override
        public PeerRun onNd4j() {
            throw new UnsupportedOperationException("no ND4J peer of the int32 matmul");
        }

        /** Checks about 64 whole rows exactly against long sums. */
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
            long[] sum = new long[n];
            for (int p = 0; p < n; p++) {
                long aip = a[i * n + p];
                for (int j = 0; j < n; j++) {
                    sum[j] += aip * b[p * n + j];
                }
            }
            for (int j = 0; j < n; j++) {
                check.compare((long) i * n + j, c[i * n + j], sum[j], 0);
            }
        }
    }

    private static final class OnDevice implements DeviceRun {
        private final GpuContext context;
        private final int n;
        private final int[] a;
        private final int[] b;
        private GPUArray da;
        private GPUArray db;
        private GPUArray dc;

        OnDevice(GpuContext context, int n, int[] a, int[] b) {
            this.context = context;
            this.n = n;
            this.a = a;
            this.b = b;
            // compile the kernels now, so that compilation is not timed
            try (GPUArray one = context.toGpu(new int[] {1}, 1, 1); GPUArray c = one.matmul(one)) {
                c.toIntArray();
            }
        }

        @Override
        public String implementation() {
            return "int32 matmul on " + context.device().name();
        }

        @Override
        public void upload() {
            da = context.toGpu(a, n, n);
            db = context.toGpu(b, n, n);
            dc = context.empty(DType.INT32, n, n);
        }

        @Override
        public void compute() {
            da.matmul(db, dc);
        }

        @Override
        public float[] download() {
            int[] c = dc.toIntArray();
            float[] out = new float[c.length];
            for (int k = 0; k < out.length; k++) {
                out[k] = c[k];
            }
            return out;
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
