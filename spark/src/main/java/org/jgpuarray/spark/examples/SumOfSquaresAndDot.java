package org.jgpuarray.spark.examples;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.jgpuarray.DType;
import org.jgpuarray.GPUArray;
import org.jgpuarray.GpuContext;
import org.jgpuarray.spark.GpuPartitions;
import org.jgpuarray.spark.PartitionArrays;

/**
 * A distributed map-reduce over a generated dataset of pairs (x, y): the sum of squares of all values,
 * Σ (x² + y²), and the dot product Σ x·y. The data is a column {@code xy} of {@code array<double>} chunks,
 * each holding pairs interleaved; every partition moves its chunks to its GPU in one upload
 * ({@link PartitionArrays}), reduces them there to two partial sums, and the partial sums are added in a
 * tree ({@link GpuPartitions#sum}). The answer equals a single-context run within float64 rounding.
 *
 * <p>Run: {@code spark-submit --class org.jgpuarray.spark.examples.SumOfSquaresAndDot ... [chunks [pairs
 * per chunk [seed]]]}.
 */
public final class SumOfSquaresAndDot {
    private SumOfSquaresAndDot() {
    }

    /**
     * The two sums.
     *
     * @param sumOfSquares Σ (x² + y²)
     * @param dot          Σ x·y
     */
    public record Sums(double sumOfSquares, double dot) {
    }

    /**
     * Chunk {@code c} of the dataset: {@code pairs} pairs (x, y) interleaved, uniform in [-1, 1), from a
     * generator seeded by the seed and the chunk's index: the same chunk wherever it is generated.
     */
    public static double[] chunk(long seed, int c, int pairs) {
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + c);
        double[] xy = new double[2 * pairs];
        for (int k = 0; k < xy.length; k++) {
            xy[k] = random.nextDouble(-1, 1);
        }
        return xy;
    }

    /** The dataset as a data frame of one column {@code xy}, generated on the executors. */
    public static Dataset<Row> dataset(SparkSession session, int chunks, int pairs, long seed, int partitions) {
        List<Integer> indices = new ArrayList<>();
        for (int c = 0; c < chunks; c++) {
            indices.add(c);
        }
        JavaRDD<double[]> rows = JavaSparkContext.fromSparkContext(session.sparkContext())
                .parallelize(indices, partitions).map(c -> chunk(seed, c, pairs));
        return PartitionArrays.toDataFrame(session, rows, "xy");
    }

    /** The sums over the {@code xy} column, each partition on its task's GPU. */
    public static Sums onSpark(Dataset<Row> dataset) {
        JavaRDD<double[]> partials = GpuPartitions.mapPartitions(PartitionArrays.doubleColumn(dataset, "xy"),
                (context, chunks) -> {
                    try (GPUArray xy = PartitionArrays.concat(context, DType.FLOAT64, chunks)) {
                        return List.of(partialSums(xy)).iterator();
                    }
                });
        double[] sums = GpuPartitions.sum(partials, 2);
        return new Sums(sums[0], sums[1]);
    }

    /** The sums over chunks {@code [0, chunks)} on one context: the reference a Spark run must match. */
    public static Sums onOneContext(GpuContext context, int chunks, int pairs, long seed) {
        double[] all = new double[Math.multiplyExact(2 * pairs, chunks)];
        for (int c = 0; c < chunks; c++) {
            System.arraycopy(chunk(seed, c, pairs), 0, all, 2 * pairs * c, 2 * pairs);
        }
        try (GPUArray xy = context.toGpu(all)) {
            double[] sums = partialSums(xy);
            return new Sums(sums[0], sums[1]);
        }
    }

    /** {Σ v², Σ x·y} of interleaved pairs, on the array's device. */
    static double[] partialSums(GPUArray xy) {
        if (xy.size() == 0) {
            return new double[2];
        }
        try (GPUArray pairs = xy.reshape(-1, 2); GPUArray x = pairs.get(":, 0"); GPUArray y = pairs.get(":, 1");
             GPUArray squares = xy.dot(xy); GPUArray dot = x.dot(y)) {
            return new double[] {squares.item(), dot.item()};
        }
    }

    /**
     * Prints both sums and the time.
     *
     * @param args chunks (default 64), pairs per chunk (default 1048576), seed (default 42)
     */
    public static void main(String[] args) {
        SparkSession session = SparkSession.builder().appName("jgpuarray sum of squares and dot").getOrCreate();
        try {
            int chunks = args.length > 0 ? Integer.parseInt(args[0]) : 64;
            int pairs = args.length > 1 ? Integer.parseInt(args[1]) : 1 << 20;
            long seed = args.length > 2 ? Long.parseLong(args[2]) : 42;
            long start = System.nanoTime();
            Sums sums = onSpark(dataset(session, chunks, pairs, seed, session.sparkContext().defaultParallelism()));
            System.out.printf("sum of squares %.10e, dot %.10e over %d pairs, %.2f s%n", sums.sumOfSquares(), sums.dot(),
                    (long) chunks * pairs, (System.nanoTime() - start) / 1e9);
        } finally {
            session.stop();
        }
    }
}
