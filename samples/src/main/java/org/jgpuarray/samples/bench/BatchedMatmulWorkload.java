package org.jgpuarray.samples.bench;

import java.util.Arrays;
import java.util.Optional;
import org.jgpuarray.DType;
import org.jgpuarray.GPUArray;
import org.jgpuarray.GpuContext;

/**
 * A batch of float32 128 x 128 matrix products, {@code C[q] = A[q] B[q]}; a size means elements per operand,
 * so size 2^20 is 64 x (128x128 @ 128x128). Two ways to compute it on the device, as two workloads measured in
 * the same run: {@code bmm}, one {@code A.matmul(B, C)} on the (batch, 128, 128) arrays (one strided-batched
 * GEMM), and {@code bmm-loop}, one 2-D {@code matmul} per matrix on views of the same arrays. The plain
 * Java reference is the single-threaded i-k-j loop per matrix; ND4J has no peer here.
 */
public final class BatchedMatmulWorkload implements Workload {
    /** The side of every matrix. */
    static final int SIDE = 128;
    private static final int MATRIX = SIDE * SIDE;

    private final boolean loop;

    /**
     * @param loop false: one batched call ({@code bmm}); true: a loop of 2-D calls ({@code bmm-loop})
     */
    public BatchedMatmulWorkload(boolean loop) {
        this.loop = loop;
    }

    @Override
    public String name() {
        return loop ? "bmm-loop" : "bmm";
    }

    @Override
    public String description() {
        return loop ? "C[q] = A[q] B[q], 128x128 float32, a loop of 2-D A[q].matmul(B[q], C[q])"
                : "C[q] = A[q] B[q], 128x128 float32, one batched A.matmul(B, C)";
    }

    @Override
    public String sizeUnit() {
        return "elements per operand";
    }

    @Override
    public Metric metric() {
        return Metric.GFLOP_PER_S;
    }

    @Override
    public double work(long size) {
        return 2.0 * batch(size) * SIDE * SIDE * SIDE;
    }

    @Override
    public String sizeLabel(long size) {
        return batch(size) + "x(" + SIDE + "x" + SIDE + "x" + SIDE + ")";
    }

    @Override
    public Optional<String> skipReason(long size) {
        return size < MATRIX ? Optional.of("fewer elements than one " + SIDE + "x" + SIDE + " matrix")
                : size > Integer.MAX_VALUE - 8 ? Optional.of("an operand does not fit a Java array") : Optional.empty();
    }

    @Override
    public Optional<String> nd4jSkipReason() {
        return Optional.of("no batched ND4J peer is measured");
    }

    /** Matrices in the batch at a size: whole SIDE x SIDE matrices per operand. */
    static int batch(long size) {
        return (int) (size / MATRIX);
    }

    @Override
    public Problem prepare(long size, long seed) {
        int batch = batch(size);
        return new Batch(batch, HostData.uniform((long) batch * MATRIX, seed),
                HostData.uniform((long) batch * MATRIX, seed + 1), loop);
    }

    private static final class Batch implements Problem {
        private final int batch;
        private final float[] a;
        private final float[] b;
        private final boolean loop;
        private final float[] javaOut;

        Batch(int batch, float[] a, float[] b, boolean loop) {
            this.batch = batch;
            this.a = a;
            this.b = b;
            this.loop = loop;
            this.javaOut = new float[a.length];
        }

        @Override
        public float[] runJava() {
            Arrays.fill(javaOut, 0f);
            for (int q = 0; q < batch; q++) {
                int at = q * MATRIX;
                for (int i = 0; i < SIDE; i++) {
                    int row = at + i * SIDE;
                    for (int p = 0; p < SIDE; p++) {
                        float aip = a[row + p];
                        int brow = at + p * SIDE;
                        for (int j = 0; j < SIDE; j++) {
                            javaOut[row + j] += aip * b[brow + j];
                        }
                    }
                }
            }
            return javaOut;
        }

        @Override
        public DeviceRun onDevice(GpuContext context) {
            return new OnDevice(context, batch, a, b, loop);
        }

        @Override
        public PeerRun onNd4j() {
            throw new UnsupportedOperationException("no ND4J peer of the batched matmul");
        }

        /** Checks every element of up to 64 matrices (spread over the batch) against float64 sums. */
        @Override
        public Check check(float[] c) {
            Check.Builder check = new Check.Builder("C");
            int stride = Math.max(1, batch / 64);
            for (int q = 0; q < batch; q += stride) {
                checkMatrix(check, c, q);
            }
            checkMatrix(check, c, batch - 1);
            return check.build();
        }

        private void checkMatrix(Check.Builder check, float[] c, int q) {
            int at = q * MATRIX;
            for (int i = 0; i < SIDE; i++) {
                for (int j = 0; j < SIDE; j++) {
                    double sum = 0;
                    double abs = 0;
                    for (int p = 0; p < SIDE; p++) {
                        double t = (double) a[at + i * SIDE + p] * b[at + p * SIDE + j];
                        sum += t;
                        abs += Math.abs(t);
                    }
                    check.compare(at + (long) i * SIDE + j, c[at + i * SIDE + j], sum, SIDE * HostData.EPS32 * abs + 1e-6);
                }
            }
        }
    }

    private static final class OnDevice implements DeviceRun {
        private final GpuContext context;
        private final int batch;
        private final float[] a;
        private final float[] b;
        private final boolean loop;
        private GPUArray da;
        private GPUArray db;
        private GPUArray dc;
        private GPUArray[][] views;

        OnDevice(GpuContext context, int batch, float[] a, float[] b, boolean loop) {
            this.context = context;
            this.batch = batch;
            this.a = a;
            this.b = b;
            this.loop = loop;
            // compile the kernels now, so that compilation is not timed
            try (GPUArray one = context.toGpu(new float[MATRIX], 1, SIDE, SIDE); GPUArray c = one.matmul(one);
                 GPUArray two = one.get("0"); GPUArray c2 = two.matmul(two)) {
                c2.toFloatArray();
            }
        }

        @Override
        public String implementation() {
            return context.blas().implementation() + (loop ? ", one call per matrix" : ", one batched call");
        }

        @Override
        public void upload() {
            da = context.toGpu(a, batch, SIDE, SIDE);
            db = context.toGpu(b, batch, SIDE, SIDE);
            dc = context.empty(DType.FLOAT32, batch, SIDE, SIDE);
            if (loop) {
                views = new GPUArray[batch][];
                for (int q = 0; q < batch; q++) {
                    String at = Integer.toString(q);
                    views[q] = new GPUArray[] {da.get(at), db.get(at), dc.get(at)};
                }
            }
        }

        @Override
        public void compute() {
            if (!loop) {
                da.matmul(db, dc);
                return;
            }
            for (GPUArray[] v : views) {
                v[0].matmul(v[1], v[2]);
            }
        }

        @Override
        public float[] download() {
            return dc.toFloatArray();
        }

        @Override
        public void release() {
            if (views != null) {
                for (GPUArray[] v : views) {
                    Releaser.closeAll(v);
                }
                views = null;
            }
            Releaser.closeAll(da, db, dc);
            da = db = dc = null;
        }

        @Override
        public void close() {
            release();
        }
    }
}
