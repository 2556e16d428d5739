package org.jgpuarray.spark.examples;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.jgpuarray.DType;
import org.jgpuarray.GPUArray;
import org.jgpuarray.GpuContext;
import org.jgpuarray.ReductionKernel;
import org.jgpuarray.random.PhiloxStream;
import org.jgpuarray.spark.ExecutorGpu;

/**
 * Monte Carlo π on Spark: sample {@code k} is the point (x, y) of elements {@code 2k} and {@code 2k+1} of
 * the float64 Philox stream of the seed, and π ≈ 4 · (points inside the unit circle) / samples. Partition
 * {@code p} of {@code P} draws samples {@code [n·p/P, n·(p+1)/P)} by their stream offset
 * ({@link PhiloxStream}), so the count, and the estimate, equal the single-context run's bit for bit for the
 * same seed and sample count, whatever the number of partitions or executors.
 *
 * <p>Run: {@code spark-submit --class org.jgpuarray.spark.examples.MonteCarloPi ... jgpuarray-spark.jar
 * [samples [partitions [seed]]]}.
 */
public final class MonteCarloPi {
    /** Samples drawn on a device at once: 4 Mi points, 64 MiB of float64. */
    static final long CHUNK = 1L << 22;

    private MonteCarloPi() {
    }

    /**
     * The answer: samples drawn and how many fell inside the circle.
     *
     * @param samples the points drawn
     * @param inside  the points with {@code x² + y² < 1}
     */
    public record Estimate(long samples, long inside) {
        /** 4 · inside / samples. */
        public double pi() {
            return 4.0 * inside / samples;
        }
    }

    /**
     * Estimates π on the cluster, one task per partition, each on the GPU Spark assigned it.
     *
     * @throws IllegalArgumentException for fewer than one sample or partition
     */
    public static Estimate onSpark(JavaSparkContext spark, long samples, long seed, int partitions) {
        check(samples, partitions);
        List<Integer> parts = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            parts.add(p);
        }
        JavaRDD<Long> counts = spark.parallelize(parts, partitions).map(p -> ExecutorGpu.run(ctx ->
                inside(ctx, seed, samples * p / partitions, samples * (p + 1) / partitions)));
        return new Estimate(samples, counts.reduce(Long::sum));
    }

    /** Estimates π on one context: the reference a Spark run must equal. */
    public static Estimate onOneContext(GpuContext context, long samples, long seed) {
        check(samples, 1);
        return new Estimate(samples, inside(context, seed, 0, samples));
    }

    /**
     * The points among samples {@code [from, to)} that fall inside the unit circle, drawn in chunks of
     * {@value #CHUNK}.
     */
    public static long inside(GpuContext context, long seed, long from, long to) {
        ReductionKernel count = context.reductionKernel(DType.INT64, "0", "a+b",
                "xy[2*i]*xy[2*i] + xy[2*i+1]*xy[2*i+1] < 1.0 ? 1 : 0", "double *xy");
        long inside = 0;
        for (long start = from; start < to; start += CHUNK) {
            long n = Math.min(CHUNK, to - start);
            try (GPUArray xy = PhiloxStream.uniform(context, seed, DType.FLOAT64, 2 * start, n, 2);
                 GPUArray hits = count.launch(n, xy)) {
                inside += hits.longItem();
            }
        }
        return inside;
    }

    private static void check(long samples, int partitions) {
        if (samples < 1 || partitions < 1) {
            throw new IllegalArgumentException("need at least one sample and one partition, got " + samples + " and "
                    + partitions);
        }
    }

    /**
     * Prints the estimate, its error and the time.
     *
     * @param args samples (default 100000000), partitions (default the cluster's parallelism), seed (default 42)
     */
    public static void main(String[] args) {
        SparkSession session = SparkSession.builder().appName("jgpuarray Monte Carlo pi").getOrCreate();
        try {
            JavaSparkContext spark = JavaSparkContext.fromSparkContext(session.sparkContext());
            long samples = args.length > 0 ? Long.parseLong(args[0]) : 100_000_000L;
            int partitions = args.length > 1 ? Integer.parseInt(args[1]) : spark.defaultParallelism();
            long seed = args.length > 2 ? Long.parseLong(args[2]) : 42;
            long start = System.nanoTime();
            Estimate estimate = onSpark(spark, samples, seed, partitions);
            System.out.printf("pi ~ %.8f (error %.2e) from %d samples in %d partitions, %.2f s%n", estimate.pi(),
                    Math.abs(estimate.pi() - Math.PI), samples, partitions, (System.nanoTime() - start) / 1e9);
        } finally {
            session.stop();
        }
    }
}
