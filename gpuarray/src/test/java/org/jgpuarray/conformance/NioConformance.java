package org.jgpuarray.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.util.Random;
import org.jgpuarray.DType;
import org.jgpuarray.GPUArray;
import org.junit.jupiter.api.Test;

/**
 * {@code java.nio} buffers in and out: direct buffers in native order (copied with no Java array in
 * between), heap buffers at an offset into their array, buffers in the other byte order and read-only
 * ones; the values between position and limit only, positions and limits never moved, and the values
 * outside that window (poisoned) never touched.
 */
public abstract class NioConformance extends ConformanceBase {
    private static final float POISON = -7777f;
    private static final ByteOrder OTHER = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN
            ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;

    /** The four kinds of FloatBuffer a user may hold, each with {@code pad} poisoned values either side of n. */
    private static FloatBuffer[] floatBuffers(int n, int pad) {
        int total = n + 2 * pad;
        FloatBuffer direct = ByteBuffer.allocateDirect(4 * total).order(ByteOrder.nativeOrder()).asFloatBuffer();
        FloatBuffer heap = FloatBuffer.wrap(new float[total + 5], 5, total).slice();
        FloatBuffer swapped = ByteBuffer.allocateDirect(4 * total).order(OTHER).asFloatBuffer();
        FloatBuffer[] all = {direct, heap, swapped};
        for (FloatBuffer b : all) {
            for (int k = 0; k < total; k++) {
                b.put(k, POISON);
            }
            b.position(pad).limit(pad + n);
        }
        return all;
    }

    @Test
    void float32RoundTripsThroughEveryKindOfBufferAtAwkwardSizes() {
        for (int n : SIZES) {
            float[] values = floats(random("nio float32", n), n, -1e3, 1e3);
            for (FloatBuffer in : floatBuffers(n, 3)) {
                for (int k = 0; k < n; k++) {
                    in.put(in.position() + k, values[k]);
                }
                String what = "float32 n=" + n + " from a " + describe(in);
                try (GPUArray a = ctx.toGpu(in)) {
                    assertEquals(3, in.position(), what + ": position moved");
                    assertEquals(3 + n, in.limit(), what + ": limit moved");
                    assertArrayEquals(new long[] {n}, a.shape(), what);
                    assertArrayEquals(values, a.toFloatArray(), what);
                    for (FloatBuffer out : floatBuffers(n, 2)) {
                        String into = what + " into a " + describe(out);
                        a.copyTo(out);
                        assertEquals(2, out.position(), into + ": position moved");
                        float[] back = new float[n];
                        out.get(2, back);
                        assertArrayEquals(values, back, into);
                        FloatBuffer whole = out.duplicate().clear();
                        assertEquals(POISON, whole.get(1), into + ": wrote before the position");
                        assertEquals(POISON, whole.get(2 + n), into + ": wrote past the limit");
                    }
                }
            }
            FloatBuffer readOnly = FloatBuffer.wrap(values).asReadOnlyBuffer();
            try (GPUArray a = ctx.toGpu(readOnly)) {
                assertArrayEquals(values, a.toFloatArray(), "float32 n=" + n + " from a read-only buffer");
                if (n > 0) {
                    assertThrows(IllegalArgumentException.class, () -> a.copyTo(readOnly), "into read-only");
                }
            }
        }
    }

    @Test
    void everyDtypeRoundTripsThroughDirectAndHeapBuffers() {
        assumeFp64();
        int n = 1001;
        Random r = random("nio dtypes", n);
        double[] d = doubles(r, n, -1e6, 1e6);
        int[] i = ints(r, n, Integer.MIN_VALUE, Integer.MAX_VALUE);
        long[] l = longs(r, n, Long.MIN_VALUE / 2, Long.MAX_VALUE / 2);
        for (boolean direct : new boolean[] {true, false}) {
            String kind = direct ? "direct" : "heap";
            DoubleBuffer db = direct ? ByteBuffer.allocateDirect(8 * n).order(ByteOrder.nativeOrder()).asDoubleBuffer()
                    : DoubleBuffer.allocate(n);
            db.put(0, d);
            try (GPUArray a = ctx.toGpu(db, 7, 143)) {
                assertEquals(DType.FLOAT64, a.dtype());
                assertArrayEquals(new long[] {7, 143}, a.shape());
                assertArrayEquals(d, a.toDoubleArray(), "float64 from a " + kind + " buffer");
                DoubleBuffer out = direct ? ByteBuffer.allocateDirect(8 * n).order(ByteOrder.nativeOrder())
                        .asDoubleBuffer() : DoubleBuffer.allocate(n);
                a.copyTo(out);
                double[] back = new double[n];
                out.get(0, back);
                assertArrayEquals(d, back, "float64 into a " + kind + " buffer");
            }
            IntBuffer ib = direct ? ByteBuffer.allocateDirect(4 * n).order(ByteOrder.nativeOrder()).asIntBuffer()
                    : IntBuffer.allocate(n);
            ib.put(0, i);
            try (GPUArray a = ctx.toGpu(ib)) {
                assertEquals(DType.INT32, a.dtype());
                assertArrayEquals(i, a.toIntArray(), "int32 from a " + kind + " buffer");
                IntBuffer out = IntBuffer.allocate(n);
                a.copyTo(out);
                assertArrayEquals(i, out.array(), "int32 into a heap buffer");
            }
            LongBuffer lb = direct ? ByteBuffer.allocateDirect(8 * n).order(ByteOrder.nativeOrder()).asLongBuffer()
                    : LongBuffer.allocate(n);
            lb.put(0, l);
            try (GPUArray a = ctx.toGpu(lb)) {
                assertEquals(DType.INT64, a.dtype());
                assertArrayEquals(l, a.toLongArray(), "int64 from a " + kind + " buffer");
                LongBuffer out = ByteBuffer.allocateDirect(8 * n).order(ByteOrder.nativeOrder()).asLongBuffer();
                a.copyTo(out);
                long[] back = new long[n];
                out.get(0, back);
                assertArrayEquals(l, back, "int64 into a direct buffer");
            }
        }
    }

    @Test
    void copyToConvertsAsTheArrayGettersDoAndReadsViewsInCOrder() {
        int[] values = ints(random("nio convert", 12), 12, -1000, 1000);
        try (GPUArray a = ctx.toGpu(values, 3, 4); GPUArray t = a.T()) {
            FloatBuffer f = ByteBuffer.allocateDirect(4 * 12).order(ByteOrder.nativeOrder()).asFloatBuffer();
            t.copyTo(f);
            float[] back = new float[12];
            f.get(0, back);
            float[] expected = new float[12];
            for (int row = 0; row < 4; row++) {
                for (int col = 0; col < 3; col++) {
                    expected[row * 3 + col] = values[col * 4 + row];
                }
            }
            assertArrayEquals(expected, back, "transposed int32 view into a float buffer");
            LongBuffer l = LongBuffer.allocate(12);
            t.copyTo(l);
            for (int k = 0; k < 12; k++) {
                assertEquals((long) expected[k], l.get(k), "as int64 at " + k);
            }
        }
        try (GPUArray three = ctx.toGpu(new float[] {1, 2, 3})) {
            FloatBuffer swapped = ByteBuffer.allocateDirect(4 * 8).order(OTHER).asFloatBuffer();
            for (int k = 0; k < 8; k++) {
                swapped.put(k, POISON);
            }
            three.copyTo(swapped.position(2));
            float[] back = new float[8];
            swapped.get(0, back);
            assertArrayEquals(new float[] {POISON, POISON, 1, 2, 3, POISON, POISON, POISON}, back,
                    "a buffer in the other byte order, written through a staging array: nothing past the values");
        }
        try (GPUArray c = ctx.toGpuComplex(DType.COMPLEX64, new float[] {1, 2, 3, 4})) {
            FloatBuffer f = FloatBuffer.allocate(4);
            c.copyTo(f);
            assertArrayEquals(new float[] {1, 2, 3, 4}, f.array(), "complex64 as interleaved pairs");
            assertThrows(IllegalArgumentException.class, () -> c.copyTo(FloatBuffer.allocate(3)));
        }
    }

    @Test
    void rawBytesInEitherByteOrderAndDirectByteBuffersOut() {
        float[] values = floats(random("nio bytes", 257), 257, -50, 50);
        for (ByteOrder order : new ByteOrder[] {ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN}) {
            for (boolean direct : new boolean[] {true, false}) {
                ByteBuffer bytes = (direct ? ByteBuffer.allocateDirect(4 * 257 + 3) : ByteBuffer.allocate(4 * 257 + 3))
                        .order(order);
                for (int k = 0; k < 257; k++) {
                    bytes.putFloat(3 + 4 * k, values[k]);
                }
                bytes.position(3);
                String what = (direct ? "direct " : "heap ") + order + " bytes";
                try (GPUArray a = ctx.toGpu(bytes, DType.FLOAT32)) {
                    assertEquals(3, bytes.position(), what + ": position moved");
                    assertArrayEquals(values, a.toFloatArray(), what);
                    ByteBuffer out = a.toByteBuffer();
                    assertTrue(out.isDirect(), "toByteBuffer gives a direct buffer");
                    assertEquals(ByteOrder.nativeOrder(), out.order());
                    assertEquals(0, out.position());
                    assertEquals(4 * 257, out.limit());
                    for (int k = 0; k < 257; k++) {
                        assertEquals(values[k], out.getFloat(4 * k), what + " back at " + k);
                    }
                }
            }
        }
        ByteBuffer flags = ByteBuffer.wrap(new byte[] {0, 1, 2, (byte) 255, 0});
        try (GPUArray b = ctx.toGpu(flags, DType.BOOL)) {
            assertArrayEquals(new boolean[] {false, true, true, true, false}, b.toBooleanArray());
            ByteBuffer out = b.toByteBuffer();
            byte[] stored = new byte[5];
            out.get(stored);
            assertArrayEquals(new byte[] {0, 1, 1, 1, 0}, stored, "bool storage is 0 or 1");
        }
        try (GPUArray empty = ctx.toGpu(ByteBuffer.allocate(0), DType.INT64)) {
            assertEquals(0, empty.size());
            assertEquals(0, empty.toByteBuffer().limit());
        }
    }

    @Test
    void badBuffersAreRefusedWithTheProblemNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ctx.toGpu(ByteBuffer.allocate(7), DType.FLOAT32));
        assertTrue(e.getMessage().contains("7 bytes") && e.getMessage().contains("float32"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ctx.toGpu(FloatBuffer.allocate(6), 4, 2));
        assertTrue(e.getMessage().contains("(4, 2)") && e.getMessage().contains("6 elements"), e.getMessage());
        try (GPUArray a = ctx.zeros(DType.FLOAT32, 10)) {
            FloatBuffer small = FloatBuffer.allocate(12).position(3);
            e = assertThrows(IllegalArgumentException.class, () -> a.copyTo(small));
            assertTrue(e.getMessage().contains("9 values left") && e.getMessage().contains("10"), e.getMessage());
            float[] untouched = new float[12];
            assertArrayEquals(untouched, small.array(), "a refused copy writes nothing");
            a.close();
            assertThrows(IllegalStateException.class, () -> a.copyTo(FloatBuffer.allocate(10)));
        }
        assertThrows(NullPointerException.class, () -> ctx.toGpu((FloatBuffer) null));
        assertThrows(IllegalArgumentException.class, () -> ctx.toGpu(ByteBuffer.allocate(4), DType.COMPLEX64),
                "an odd number of complex values");
    }

    private static String describe(FloatBuffer b) {
        return (b.isDirect() ? "direct " : b.hasArray() ? "heap (array offset " + b.arrayOffset() + ") " : "")
                + b.order() + " buffer";
    }
}
