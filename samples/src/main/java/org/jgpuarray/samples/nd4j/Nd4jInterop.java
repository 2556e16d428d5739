package org.jgpuarray.samples.nd4j;

import java.util.Arrays;
import java.util.Objects;
import org.jgpuarray.DType;
import org.jgpuarray.GPUArray;
import org.jgpuarray.GpuContext;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Copies between jgpuarray's {@link GPUArray} and ND4J's {@link INDArray}, keeping shape and element
 * type: float32, float64, int32, int64 and bool map to ND4J's FLOAT, DOUBLE, INT, LONG and BOOL.
 * Every call copies through the host (ND4J arrays live in native host memory, GPU arrays on the
 * device). ND4J is a dependency of the samples module only; the core never sees it.
 *
 * <p>Thread safety: as the arguments' own; a {@code GPUArray} is used from its context's thread.
 */
public final class Nd4jInterop {
    private Nd4jInterop() {
    }

    /**
     * A new ND4J array (C order) with the elements, shape and element type of {@code array}.
     *
     * @param array not modified; a 0-d array becomes an ND4J scalar
     * @return a new INDArray that owns its data
     * @throws IllegalArgumentException for complex arrays (ND4J has no complex type) or arrays of
     *                                  2^31 elements or more
     * @throws IllegalStateException    when {@code array} is closed
     */
    public static INDArray toINDArray(GPUArray array) {
        Objects.requireNonNull(array, "array");
        long[] shape = array.shape();
        requireFitsJavaArray(array.size(), shape);
        DataType type = nd4jType(array.dtype());
        if (array.size() == 0) {
            return Nd4j.create(type, shape);
        }
        INDArray flat = switch (array.dtype()) {
            case FLOAT32 -> Nd4j.createFromArray(array.toFloatArray());
            case FLOAT64 -> Nd4j.createFromArray(array.toDoubleArray());
            case INT32 -> Nd4j.createFromArray(array.toIntArray());
            case INT64 -> Nd4j.createFromArray(array.toLongArray());
            case BOOL -> Nd4j.createFromArray(array.toBooleanArray());
            default -> throw new AssertionError(array.dtype());
        };
        return shape.length == 0 ? flat.reshape() : flat.reshape('c', shape);
    }

    /**
     * A new device array in {@code context} with the elements, shape and element type of {@code array}.
     *
     * @param context where the new array lives; must be open
     * @param array   not modified; views and Fortran-order arrays are copied in C order
     * @return a new GPUArray; the caller closes it
     * @throws IllegalArgumentException for ND4J types other than FLOAT, DOUBLE, INT, LONG and BOOL
     *                                  (cast first, e.g. {@code array.castTo(DataType.FLOAT)}), or arrays
     *                                  of 2^31 elements or more
     */
    public static GPUArray fromINDArray(GpuContext context, INDArray array) {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(array, "array");
        long[] shape = array.shape();
        DType dtype = jgpuarrayType(array.dataType());
        requireFitsJavaArray(array.length(), shape);
        if (array.isEmpty() || array.length() == 0) {
            return context.empty(dtype, shape);
        }
        INDArray dense = array.dup('c');
        try (GPUArray flat = switch (dtype) {
            case FLOAT32 -> context.toGpu(dense.data().asFloat());
            case FLOAT64 -> context.toGpu(dense.data().asDouble());
            case INT32 -> context.toGpu(dense.data().asInt());
            case INT64 -> context.toGpu(dense.data().asLong());
            case BOOL -> context.toGpu(toBooleans(dense.data().asInt()));
            default -> throw new AssertionError(dtype);
        }) {
            return flat.reshape(shape);
        }
    }

    /** ND4J's type for a jgpuarray dtype: INT and LONG, the constants ND4J's own factories produce. */
    @SuppressWarnings("deprecation")
    static DataType nd4jType(DType dtype) {
        return switch (dtype) {
            case FLOAT32 -> DataType.FLOAT;
            case FLOAT64 -> DataType.DOUBLE;
            case INT32 -> DataType.INT;
            case INT64 -> DataType.LONG;
            case BOOL -> DataType.BOOL;
            default -> throw new IllegalArgumentException("ND4J has no " + dtype.numpyName()
                    + " type; convert with astype (e.g. to float32) first");
        };
    }

    /** jgpuarray's dtype for an ND4J type. */
    @SuppressWarnings("deprecation")
    static DType jgpuarrayType(DataType type) {
        return switch (type) {
            case FLOAT -> DType.FLOAT32;
            case DOUBLE -> DType.FLOAT64;
            case INT -> DType.INT32;
            case LONG -> DType.INT64;
            case BOOL -> DType.BOOL;
            default -> throw new IllegalArgumentException("cannot copy an ND4J " + type
                    + " array to the device; cast it first, e.g. array.castTo(DataType.FLOAT)");
        };
    }

    private static boolean[] toBooleans(int[] values) {
        boolean[] b = new boolean[values.length];
        for (int k = 0; k < values.length; k++) {
            b[k] = values[k] != 0;
        }
        return b;
    }

    private static void requireFitsJavaArray(long size, long[] shape) {
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("an array of shape " + Arrays.toString(shape)
                    + " has too many elements to pass through a Java array (" + size + ")");
        }
    }
}
