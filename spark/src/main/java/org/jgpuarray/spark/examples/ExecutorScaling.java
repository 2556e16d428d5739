package org.jgpuarray.spark.examples;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * Strong scaling over executors: the Monte Carlo π job of {@link MonteCarloPi} with a fixed sample count in
 * 1, 2, ... p partitions, so that p executors (one GPU each) share it. Reports the median time per p, the
 * speedup S = T1/Tp, the efficiency E = S/p and the Karp–Flatt serial fraction
 * e = (1/S - 1/p) / (1 - 1/p): Amdahl's serial share that would explain S, here the job's fixed costs
 * (scheduling, task launch, the driver's sum) against the draws that divide.
 *
 * <p>Run: {@code spark-submit --class org.jgpuarray.spark.examples.ExecutorScaling ... [samples [p [repeat]]]}.
 */
public final class ExecutorScaling {
    private ExecutorScaling() {
    }

    /**
     * One p.
     *
     * @param executors     partitions, one per executor
     * @param medianSeconds the median time of the job
     * @param inside        the points inside the circle (equal for every p)
     */
    public record Run(int executors, double medianSeconds, long inside) {
    }

    /**
     * Times the job for p = 1 .. {@code most}, after one untimed run each.
     *
     * @param repeat timed runs per p, at least 1
     */
    public static List<Run> measure(JavaSparkContext spark, long samples, long seed, int most, int repeat) {
        List<Run> runs = new ArrayList<>();
        for (int p = 1; p <= most; p++) {
            long inside = MonteCarloPi.onSpark(spark, samples, seed, p).inside();
            double[] seconds = new double[repeat];
            for (int r = 0; r < repeat; r++) {
                long start = System.nanoTime();
                MonteCarloPi.Estimate estimate = MonteCarloPi.onSpark(spark, samples, seed, p);
                seconds[r] = (System.nanoTime() - start) / 1e9;
                if (estimate.inside() != inside) {
                    throw new IllegalStateException("the count changed between runs: " + inside + " then "
                            + estimate.inside());
                }
            }
            Arrays.sort(seconds);
            runs.add(new Run(p, seconds[repeat / 2], inside));
        }
        return runs;
    }

    /** The runs as a table: p, median seconds, speedup, efficiency, serial fraction. */
    public static String table(List<Run> runs) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%9s %10s %8s %10s %10s%n", "executors",
                "median s", "speedup", "efficiency", "serial(KF)"));
        double t1 = runs.get(0).medianSeconds();
        for (Run run : runs) {
            int p = run.executors();
            double speedup = t1 / run.medianSeconds();
            double serial = p == 1 ? Double.NaN : (1 / speedup - 1.0 / p) / (1 - 1.0 / p);
            text.append(String.format(Locale.ROOT, "%9d %10.3f %8.2f %10.2f %10s%n", p, run.medianSeconds(), speedup,
                    speedup / p, p == 1 ? "n/a" : String.format(Locale.ROOT, "%.3f", serial)));
        }
        return text.toString();
    }

    /**
     * Prints the table.
     *
     * @param args samples (default 100000000), largest p (default the cluster's parallelism), timed runs
     *             per p (default 3)
     */
    public static void main(String[] args) {
        SparkSession session = SparkSession.builder().appName("jgpuarray executor scaling").getOrCreate();
        try {
            JavaSparkContext spark = JavaSparkContext.fromSparkContext(session.sparkContext());
            long samples = args.length > 0 ? Long.parseLong(args[0]) : 100_000_000L;
            int most = args.length > 1 ? Integer.parseInt(args[1]) : spark.defaultParallelism();
            int repeat = args.length > 2 ? Integer.parseInt(args[2]) : 3;
            System.out.print(table(measure(spark, samples, 42, most, repeat)));
        } finally {
            session.stop();
        }
    }
}
