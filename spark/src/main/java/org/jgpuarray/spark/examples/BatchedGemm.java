package org.jgpuarray.spark.examples;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.jgpuarray.DType;
import org.jgpuarray.GPUArray;
import org.jgpuarray.Index;
import org.jgpuarray.spark.GpuPartitions;
import org.jgpuarray.spark.PartitionArrays;

/**
 * A batch of matrix products C_i = A_i · B_i over partitions: each record holds one pair (A_i, B_i) of
 * float32 matrices, packed row-major into one {@code float[]}; every partition moves its records to its
 * GPU in one upload ({@link PartitionArrays#stack}), multiplies each pair there (the context's BLAS) and
 * returns the products, in record order.
 *
 * <p>Run: {@code spark-submit --class org.jgpuarray.spark.examples.BatchedGemm ... [batch [m k n [seed]]]}.
 */
public final class BatchedGemm {
    private BatchedGemm() {
    }

    /**
     * The shape of every pair: A is m × k, B is k × n, C is m × n.
     *
     * @param m rows of A and C
     * @param k columns of A, rows of B
     * @param n columns of B and C
     */
    public record Shape(int m, int k, int n) implements Serializable {
        /** The floats of one packed record: A then B. */
        public int recordLength() {
            return m * k + k * n;
        }
    }

    /** Record {@code i}: A_i then B_i, row-major, uniform in [-1, 1), seeded by the seed and {@code i}. */
    public static float[] record(long seed, int i, Shape shape) {
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + i);
        float[] packed = new float[shape.recordLength()];
        for (int v = 0; v < packed.length; v++) {
            packed[v] = (float) random.nextDouble(-1, 1);
        }
        return packed;
    }

    /**
     * The products C_0 ... C_{batch-1}, row-major, computed on the executors' GPUs.
     *
     * @return one {@code float[m*n]} per record, in record order
     */
    public static List<float[]> onSpark(JavaSparkContext spark, int batch, Shape shape, long seed, int partitions) {
        List<Integer> indices = new ArrayList<>();
        for (int i = 0; i < batch; i++) {
            indices.add(i);
        }
        return GpuPartitions.mapPartitions(spark.parallelize(indices, partitions).map(i -> record(seed, i, shape)),
                (context, records) -> {
                    try (GPUArray stacked = PartitionArrays.stack(context, DType.FLOAT32, records)) {
                        return multiply(stacked, shape).iterator();
                    }
                }).collect();
    }

    /** The products of the stacked records (one per row) on their device. */
    static List<float[]> multiply(GPUArray stacked, Shape shape) {
        List<float[]> products = new ArrayList<>();
        int split = shape.m() * shape.k();
        for (long r = 0; r < stacked.shape()[0]; r++) {
            try (GPUArray a = stacked.get(Index.at(r), Index.range(0, split)).reshape(shape.m(), shape.k());
                 GPUArray b = stacked.get(Index.at(r), Index.range(split, shape.recordLength()))
                         .reshape(shape.k(), shape.n());
                 GPUArray c = a.matmul(b)) {
                products.add(c.toFloatArray());
            }
        }
        return products;
    }

    /**
     * Prints the batch's size and the time.
     *
     * @param args batch (default 256), m k n (default 256 256 256), seed (default 42)
     */
    public static void main(String[] args) {
        SparkSession session = SparkSession.builder().appName("jgpuarray batched GEMM").getOrCreate();
        try {
            JavaSparkContext spark = JavaSparkContext.fromSparkContext(session.sparkContext());
            int batch = args.length > 0 ? Integer.parseInt(args[0]) : 256;
            Shape shape = args.length > 3 ? new Shape(Integer.parseInt(args[1]), Integer.parseInt(args[2]),
                    Integer.parseInt(args[3])) : new Shape(256, 256, 256);
            long seed = args.length > 4 ? Long.parseLong(args[4]) : 42;
            long start = System.nanoTime();
            List<float[]> products = onSpark(spark, batch, shape, seed, spark.defaultParallelism());
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("%d products of %s in %.2f s: %.2f GFLOP/s%n", products.size(), shape, seconds,
                    2.0 * batch * shape.m() * shape.k() * shape.n() / seconds / 1e9);
        } finally {
            session.stop();
        }
    }
}
