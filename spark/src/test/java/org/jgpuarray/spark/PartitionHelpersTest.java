package org.jgpuarray.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.jgpuarray.DType;
import org.jgpuarray.GPUArray;
import org.jgpuarray.device.DeviceInfo;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The partition helpers on the local cluster: a data frame column of arrays to GPU arrays and back, the
 * tree sum, and what a task without a GPU gets (here, driver code: the best available device).
 */
@Tag("spark")
@ExtendWith(SparkClusterExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PartitionHelpersTest {
    @Test
    void aColumnOfArraysRoundTripsThroughTheGpus(SparkTestCluster cluster) {
        List<double[]> rows = new ArrayList<>();
        for (int r = 0; r < 9; r++) {
            double[] row = new double[4];
            for (int c = 0; c < 4; c++) {
                row[c] = r * 10 + c + 0.25;
            }
            rows.add(row);
        }
        JavaRDD<double[]> rdd = cluster.context().parallelize(rows, 3);
        Dataset<Row> frame = PartitionArrays.toDataFrame(cluster.session(), rdd, "v");
        assertEquals(new ArrayType(DataTypes.DoubleType, false), frame.schema().apply("v").dataType());
        JavaRDD<double[]> doubled = GpuPartitions.mapPartitions(PartitionArrays.doubleColumn(frame, "v"),
                (context, partition) -> {
                    try (GPUArray stacked = PartitionArrays.stack(context, DType.FLOAT64, partition);
                         GPUArray twice = stacked.mul(2.0)) {
                        return PartitionArrays.doubleRows(twice).iterator();
                    }
                });
        List<double[]> back = doubled.collect();
        assertEquals(rows.size(), back.size());
        for (int r = 0; r < rows.size(); r++) {
            double[] expected = Arrays.stream(rows.get(r)).map(v -> 2 * v).toArray();
            assertArrayEquals(expected, back.get(r), "row " + r);
        }
        assertThrows(IllegalArgumentException.class, () -> PartitionArrays.doubleColumn(frame, "w"));
    }

    @Test
    void treeSumsAddVectorsAndRefuseMismatches(SparkTestCluster cluster) {
        List<double[]> vectors = new ArrayList<>();
        double[] expected = new double[3];
        for (int k = 0; k < 40; k++) {
            double[] v = {k, 0.5 * k, -k * k};
            vectors.add(v);
            for (int c = 0; c < 3; c++) {
                expected[c] += v[c];
            }
        }
        assertArrayEquals(expected, GpuPartitions.sum(cluster.context().parallelize(vectors, 8), 2), 1e-9);
        List<double[]> uneven = List.of(new double[2], new double[3]);
        Exception e = assertThrows(Exception.class, () -> GpuPartitions.sum(cluster.context().parallelize(uneven, 1), 2));
        assertTrue(String.valueOf(e.getMessage()).contains("lengths 2 and 3"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> GpuPartitions.sum(cluster.context().parallelize(new ArrayList<double[]>(), 2), 2));
    }

    @Test
    void codeWithoutAnAssignedGpuGetsTheBestDevice(SparkTestCluster cluster) {
        String backend = ExecutorGpu.run(context -> context.backendName());
        Map<String, DeviceInfo> open = ExecutorGpu.openContexts();
        assertTrue(open.containsKey("best available"), open.toString());
        assertEquals(backend, open.get("best available").backend());
        assertTrue(ExecutorGpu.taskAddresses().isEmpty(), "driver code has no task");
    }
}
