package org.jgpuarray.samples.nd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jgpuarray.DType;
import org.jgpuarray.GPUArray;
import org.jgpuarray.GpuContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class Nd4jInteropTest {
    private static GpuContext context;

    @BeforeAll
    static void open() {
        context = GpuContext.create("cpu");
    }

    @AfterAll
    static void close() {
        context.close();
    }

    @Test
    void float32MatrixGoesToNd4jWithShapeAndValues() {
        try (GPUArray a = context.toGpu(new float[] {1, 2, 3, 4, 5, 6}, 2, 3)) {
            INDArray x = Nd4jInterop.toINDArray(a);
            assertEquals(DataType.FLOAT, x.dataType());
            assertArrayEquals(new long[] {2, 3}, x.shape());
            assertEquals(6f, x.getFloat(1, 2));
            assertEquals(2f, x.getFloat(0, 1));
        }
    }

    @Test
    void everyDtypeRoundTrips() {
        try (GPUArray f64 = context.toGpu(new double[] {0.5, -1.25, 1e300}, 3, 1);
             GPUArray i32 = context.toGpu(new int[] {Integer.MIN_VALUE, 0, 7, Integer.MAX_VALUE}, 2, 2);
             GPUArray i64 = context.toGpu(new long[] {Long.MIN_VALUE, 1L << 40});
             GPUArray bool = context.toGpu(new boolean[] {true, false, true});
             GPUArray f64back = Nd4jInterop.fromINDArray(context, Nd4jInterop.toINDArray(f64));
             GPUArray i32back = Nd4jInterop.fromINDArray(context, Nd4jInterop.toINDArray(i32));
             GPUArray i64back = Nd4jInterop.fromINDArray(context, Nd4jInterop.toINDArray(i64));
             GPUArray boolback = Nd4jInterop.fromINDArray(context, Nd4jInterop.toINDArray(bool))) {
            assertEquals(DType.FLOAT64, f64back.dtype());
            assertArrayEquals(new long[] {3, 1}, f64back.shape());
            assertArrayEquals(f64.toDoubleArray(), f64back.toDoubleArray());
            assertEquals(DType.INT32, i32back.dtype());
            assertArrayEquals(new long[] {2, 2}, i32back.shape());
            assertArrayEquals(i32.toIntArray(), i32back.toIntArray());
            assertEquals(DType.INT64, i64back.dtype());
            assertArrayEquals(i64.toLongArray(), i64back.toLongArray());
            assertEquals(DType.BOOL, boolback.dtype());
            assertArrayEquals(new boolean[] {true, false, true}, boolback.toBooleanArray());
        }
    }

    @Test
    void nd4jViewsAndFortranOrderArriveInCOrder() {
        INDArray m = Nd4j.createFromArray(new float[][] {{1, 2, 3}, {4, 5, 6}});
        INDArray transposed = m.transpose(); // a view, 3x2
        INDArray fortran = m.dup('f');
        try (GPUArray t = Nd4jInterop.fromINDArray(context, transposed);
             GPUArray f = Nd4jInterop.fromINDArray(context, fortran);
             GPUArray column = Nd4jInterop.fromINDArray(context, m.getColumn(1))) {
            assertArrayEquals(new long[] {3, 2}, t.shape());
            assertArrayEquals(new float[] {1, 4, 2, 5, 3, 6}, t.toFloatArray());
            assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, f.toFloatArray());
            assertArrayEquals(new float[] {2, 5}, column.toFloatArray());
        }
    }

    @Test
    void scalarsAndEmptyArraysKeepTheirShape() {
        try (GPUArray scalar = Nd4jInterop.fromINDArray(context, Nd4j.scalar(2.5f));
             GPUArray empty = context.empty(DType.FLOAT32, 0)) {
            assertEquals(0, scalar.ndim());
            assertEquals(2.5, scalar.item());
            INDArray back = Nd4jInterop.toINDArray(scalar);
            assertEquals(0, back.rank());
            assertEquals(2.5f, back.getFloat(0));
            INDArray none = Nd4jInterop.toINDArray(empty);
            assertEquals(0, none.length());
            try (GPUArray emptyAgain = Nd4jInterop.fromINDArray(context, none)) {
                assertEquals(0, emptyAgain.size());
                assertEquals(DType.FLOAT32, emptyAgain.dtype());
            }
        }
    }

    @Test
    void unsupportedTypesAreRejectedWithAHint() {
        IllegalArgumentException half = assertThrows(IllegalArgumentException.class,
                () -> Nd4jInterop.fromINDArray(context, Nd4j.createFromArray(1f, 2f).castTo(DataType.HALF)));
        assertTrue(half.getMessage().contains("HALF") && half.getMessage().contains("castTo"), half.getMessage());
        try (GPUArray complex = context.toGpuComplex(DType.COMPLEX64, new float[] {1, 0})) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Nd4jInterop.toINDArray(complex));
            assertTrue(e.getMessage().contains("complex64"), e.getMessage());
        }
    }

    @Test
    void closedArraysAreRejected() {
        GPUArray a = context.toGpu(new float[] {1});
        a.close();
        assertThrows(IllegalStateException.class, () -> Nd4jInterop.toINDArray(a));
    }
}
