package org.jgpuarray.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.jgpuarray.GpuContext;
import org.jgpuarray.spark.examples.BatchedGemm;
import org.jgpuarray.spark.examples.ExecutorScaling;
import org.jgpuarray.spark.examples.MonteCarloPi;
import org.jgpuarray.spark.examples.SumOfSquaresAndDot;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Spark examples on the local cluster, each against a single-context run on the driver (an OpenCL
 * device like the executors') and against float64 references computed here on the host.
 */
@Tag("spark")
@ExtendWith(SparkClusterExtension.class)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class SparkExamplesTest {
    @Test
    void monteCarloPiEqualsTheSingleContextAnswerBitForBit(SparkTestCluster cluster) {
        long samples = 2_000_003;
        long seed = 20261207;
        MonteCarloPi.Estimate distributed = MonteCarloPi.onSpark(cluster.context(), samples, seed, 5);
        try (GpuContext one = GpuContext.create("opencl", 0)) {
            MonteCarloPi.Estimate single = MonteCarloPi.onOneContext(one, samples, seed);
            assertEquals(single.inside(), distributed.inside(), "points inside, 5 partitions vs one context");
            assertEquals(Double.doubleToLongBits(single.pi()), Double.doubleToLongBits(distributed.pi()));
        }
        double sigma = 4 * Math.sqrt(Math.PI / 4 * (1 - Math.PI / 4) / samples);
        assertTrue(Math.abs(distributed.pi() - Math.PI) < 5 * sigma, "pi ~ " + distributed.pi());
        System.out.println("Monte Carlo pi: " + distributed.pi() + " from " + samples + " samples");
    }

    @Test
    void sumOfSquaresAndDotMatchOneContextAndTheHost(SparkTestCluster cluster) {
        int chunks = 13;
        int pairs = 40_009;
        long seed = 7;
        Dataset<Row> data = SumOfSquaresAndDot.dataset(cluster.session(), chunks, pairs, seed, 4);
        SumOfSquaresAndDot.Sums distributed = SumOfSquaresAndDot.onSpark(data);
        double squares = 0;
        double dot = 0;
        for (int c = 0; c < chunks; c++) {
            double[] xy = SumOfSquaresAndDot.chunk(seed, c, pairs);
            for (int k = 0; k < pairs; k++) {
                squares += xy[2 * k] * xy[2 * k] + xy[2 * k + 1] * xy[2 * k + 1];
                dot += xy[2 * k] * xy[2 * k + 1];
            }
        }
        try (GpuContext one = GpuContext.create("opencl", 0)) {
            SumOfSquaresAndDot.Sums single = SumOfSquaresAndDot.onOneContext(one, chunks, pairs, seed);
            assertEquals(single.sumOfSquares(), distributed.sumOfSquares(), 1e-12 * squares, "sum of squares");
            assertEquals(single.dot(), distributed.dot(), 1e-12 * squares, "dot");
        }
        assertEquals(squares, distributed.sumOfSquares(), 1e-12 * squares, "sum of squares vs the host");
        assertEquals(dot, distributed.dot(), 1e-12 * squares, "dot vs the host");
    }

    @Test
    void executorScalingCountsTheSamePointsForEveryP(SparkTestCluster cluster) {
        List<ExecutorScaling.Run> runs = ExecutorScaling.measure(cluster.context(), 4_000_000, 11,
                SparkTestCluster.EXECUTORS, 1);
        assertEquals(SparkTestCluster.EXECUTORS, runs.size());
        assertEquals(runs.get(0).inside(), runs.get(1).inside(), "1 and 2 executors draw the same points");
        String table = ExecutorScaling.table(runs);
        assertTrue(table.contains("serial(KF)"), table);
        System.out.println("Spark strong scaling, Monte Carlo pi, 4000000 samples, "
                + Runtime.getRuntime().availableProcessors() + " processors:\n" + table);
    }

    @Test
    void batchedGemmMatchesTheHostProducts(SparkTestCluster cluster) {
        BatchedGemm.Shape shape = new BatchedGemm.Shape(33, 20, 17);
        int batch = 11;
        long seed = 3;
        List<float[]> products = BatchedGemm.onSpark(cluster.context(), batch, shape, seed, 3);
        assertEquals(batch, products.size());
        for (int i = 0; i < batch; i++) {
            float[] packed = BatchedGemm.record(seed, i, shape);
            float[] c = products.get(i);
            assertEquals(shape.m() * shape.n(), c.length);
            for (int r = 0; r < shape.m(); r++) {
                for (int col = 0; col < shape.n(); col++) {
                    double expected = 0;
                    for (int k = 0; k < shape.k(); k++) {
                        expected += (double) packed[r * shape.k() + k]
                                * packed[shape.m() * shape.k() + k * shape.n() + col];
                    }
                    assertEquals(expected, c[r * shape.n() + col], 1e-5 * shape.k(),
                            "C_" + i + "[" + r + ", " + col + "]");
                }
            }
        }
    }
}
