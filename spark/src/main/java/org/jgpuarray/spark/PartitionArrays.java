package org.jgpuarray.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.jgpuarray.DType;
import org.jgpuarray.GPUArray;
import org.jgpuarray.GpuContext;

/**
 * Partitions of primitive arrays to {@link GPUArray}s and back, with no boxing of elements on the way:
 * rows are copied with {@code System.arraycopy} into one host array and uploaded once; results come back
 * as one download cut into rows. A {@code Dataset} column of arrays is read and written through Spark's
 * encoder for primitive arrays ({@link DoubleValues}), which copies whole arrays, not elements.
 */
public final class PartitionArrays {
    private PartitionArrays() {
    }

    /**
     * Stacks equally long rows into a new 2-D array of shape (rows, width) on {@code context}.
     *
     * @param dtype the element type; the rows are its Java arrays ({@code double[]} for float64,
     *              {@code float[]}, {@code int[]}, {@code long[]})
     * @param rows  consumed; the arrays are not modified
     * @throws IllegalArgumentException when a row has another length than the first, or another type
     */
    public static GPUArray stack(GpuContext context, DType dtype, Iterator<?> rows) {
        List<Object> all = collect(rows);
        int width = all.isEmpty() ? 0 : java.lang.reflect.Array.getLength(all.get(0));
        for (int r = 0; r < all.size(); r++) {
            int length = java.lang.reflect.Array.getLength(all.get(r));
            if (length != width) {
                throw new IllegalArgumentException("rows must be equally long: row 0 has " + width + " values, row " + r
                        + " has " + length);
            }
        }
        return upload(context, dtype, all).reshape(all.size(), width);
    }

    /**
     * Concatenates arrays of any lengths into a new 1-D array on {@code context}.
     *
     * @param chunks consumed; the arrays are not modified
     * @throws IllegalArgumentException when a chunk is not a Java array of {@code dtype}
     */
    public static GPUArray concat(GpuContext context, DType dtype, Iterator<?> chunks) {
        return upload(context, dtype, collect(chunks));
    }

    /**
     * The rows of a 2-D array (a 1-D array is one row) as float64 Java arrays, from one download.
     *
     * @param array not modified
     */
    public static List<double[]> doubleRows(GPUArray array) {
        double[] all = array.toDoubleArray();
        int width = width(array);
        List<double[]> rows = new ArrayList<>();
        for (int from = 0; from < all.length; from += width) {
            rows.add(Arrays.copyOfRange(all, from, from + width));
        }
        return rows;
    }

    /** As {@link #doubleRows}, float32. */
    public static List<float[]> floatRows(GPUArray array) {
        float[] all = array.toFloatArray();
        int width = width(array);
        List<float[]> rows = new ArrayList<>();
        for (int from = 0; from < all.length; from += width) {
            rows.add(Arrays.copyOfRange(all, from, from + width));
        }
        return rows;
    }

    /**
     * The values of a column of {@code array<double>} (or of an array type that casts to it), one
     * {@code double[]} per row, decoded whole by Spark's primitive-array encoder.
     *
     * @param dataset not modified
     * @throws IllegalArgumentException when the column does not exist
     */
    public static JavaRDD<double[]> doubleColumn(Dataset<Row> dataset, String column) {
        Objects.requireNonNull(column, "column");
        if (!Arrays.asList(dataset.columns()).contains(column)) {
            throw new IllegalArgumentException("no column '" + column + "' among " + Arrays.toString(dataset.columns()));
        }
        return dataset.select(functions.col(column).cast("array<double>").as(DoubleValues.FIELD))
                .as(Encoders.bean(DoubleValues.class)).javaRDD().map(DoubleValues::getValues);
    }

    /**
     * A data frame of one column of {@code array<double>} from an RDD of {@code double[]} rows, encoded
     * whole by Spark's primitive-array encoder.
     *
     * @param rows not modified
     */
    public static Dataset<Row> toDataFrame(SparkSession session, JavaRDD<double[]> rows, String column) {
        Objects.requireNonNull(column, "column");
        return session.createDataset(rows.map(DoubleValues::new).rdd(), Encoders.bean(DoubleValues.class)).toDF()
                .withColumnRenamed(DoubleValues.FIELD, column);
    }

    private static List<Object> collect(Iterator<?> items) {
        Objects.requireNonNull(items, "rows");
        List<Object> all = new ArrayList<>();
        items.forEachRemaining(all::add);
        return all;
    }

    private static GPUArray upload(GpuContext context, DType dtype, List<Object> chunks) {
        Objects.requireNonNull(context, "context");
        Object whole = switch (Objects.requireNonNull(dtype, "dtype")) {
            case FLOAT64 -> new double[total(chunks, double[].class)];
            case FLOAT32 -> new float[total(chunks, float[].class)];
            case INT32 -> new int[total(chunks, int[].class)];
            case INT64 -> new long[total(chunks, long[].class)];
            default -> throw new IllegalArgumentException("partition arrays hold float64, float32, int32 or int64, not "
                    + dtype.numpyName());
        };
        int at = 0;
        for (Object chunk : chunks) {
            int length = java.lang.reflect.Array.getLength(chunk);
            System.arraycopy(chunk, 0, whole, at, length);
            at += length;
        }
        return switch (dtype) {
            case FLOAT64 -> context.toGpu((double[]) whole);
            case FLOAT32 -> context.toGpu((float[]) whole);
            case INT32 -> context.toGpu((int[]) whole);
            default -> context.toGpu((long[]) whole);
        };
    }

    private static int total(List<Object> chunks, Class<?> type) {
        long total = 0;
        for (int k = 0; k < chunks.size(); k++) {
            Object chunk = chunks.get(k);
            if (chunk == null || chunk.getClass() != type) {
                throw new IllegalArgumentException("element " + k + " is " + (chunk == null ? "null"
                        : chunk.getClass().getSimpleName()) + ", expected " + type.getSimpleName());
            }
            total += java.lang.reflect.Array.getLength(chunk);
        }
        if (total > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("a partition of " + total + " values does not fit one Java array;"
                    + " use more partitions");
        }
        return (int) total;
    }

    private static int width(GPUArray array) {
        long[] shape = array.shape();
        if (shape.length > 2) {
            throw new IllegalArgumentException("rows come from 1-D or 2-D arrays, not shape " + Arrays.toString(shape));
        }
        return (int) Math.max(1, shape.length == 2 ? shape[1] : array.size());
    }
}
