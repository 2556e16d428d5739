package org.jgpuarray.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import org.apache.spark.api.java.JavaRDD;
import org.jgpuarray.GpuContext;

/**
 * Partitions of a Spark RDD processed on the executors' GPUs: {@link #mapPartitions} hands each partition
 * the context of the GPU that Spark assigned its task ({@link ExecutorGpu}), and {@link #sum} adds the
 * per-partition results (vectors of partial sums, counts, ...) in a tree, so that the driver receives a
 * few vectors instead of one per partition.
 */
public final class GpuPartitions {
    private GpuPartitions() {
    }

    /** Work on one partition with the task's GPU context. */
    @FunctionalInterface
    public interface PartitionFunction<T, R> extends Serializable {
        /**
         * @param context   the task's context; close what you make on it (it outlives the task)
         * @param partition the partition's elements, read once
         * @return the partition's results; read before the context is handed to another task
         */
        Iterator<R> call(GpuContext context, Iterator<T> partition) throws Exception;
    }

    /**
     * Applies {@code function} to every partition on the executors, each with its task's GPU context
     * ({@link ExecutorGpu#run}). The results are read into a list while the task holds the context, so a
     * lazy iterator cannot touch the device after the context has passed to another task.
     *
     * @param rdd not modified
     * @return a lazily evaluated RDD of the results, with the input's partitioning
     */
    public static <T, R> JavaRDD<R> mapPartitions(JavaRDD<T> rdd, PartitionFunction<T, R> function) {
        Objects.requireNonNull(rdd, "rdd");
        Objects.requireNonNull(function, "function");
        return rdd.mapPartitions(partition -> ExecutorGpu.run(context -> {
            try {
                List<R> results = new ArrayList<>();
                function.call(context, partition).forEachRemaining(results::add);
                return results.iterator();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException("the partition function failed on " + context.device(), e);
            }
        }), true);
    }

    /**
     * The elementwise sum of equally long vectors, added in a tree of the given depth on the executors
     * ({@code treeReduce}), so the driver combines only a few.
     *
     * @param vectors one or more vectors of one length; not modified
     * @param depth   the tree's depth, at least 1 (2 suits up to some thousands of partitions)
     * @throws IllegalArgumentException when the vectors differ in length (quoting both), or there are none
     */
    public static double[] sum(JavaRDD<double[]> vectors, int depth) {
        Objects.requireNonNull(vectors, "vectors");
        if (depth < 1) {
            throw new IllegalArgumentException("the tree depth must be >= 1, got " + depth);
        }
        try {
            return vectors.treeReduce(GpuPartitions::add, depth);
        } catch (UnsupportedOperationException e) {
            throw new IllegalArgumentException("there are no vectors to sum", e);
        }
    }

    private static double[] add(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("cannot add vectors of lengths " + a.length + " and " + b.length);
        }
        double[] sum = new double[a.length];
        for (int k = 0; k < a.length; k++) {
            sum[k] = a[k] + b[k];
        }
        return sum;
    }
}
