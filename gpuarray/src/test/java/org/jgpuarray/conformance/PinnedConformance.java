package org.jgpuarray.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;
import org.jgpuarray.DType;
import org.jgpuarray.ElementwiseKernel;
import org.jgpuarray.GPUArray;
import org.jgpuarray.GpuStream;
import org.jgpuarray.Index;
import org.jgpuarray.PinnedArray;
import org.junit.jupiter.api.Test;

/**
 * Pinned host memory and asynchronous copies ({@code ctx.pinnedHost}, {@code setAsync}, {@code getAsync}):
 * round trips of every dtype at awkward sizes into poisoned targets, a copy, a kernel and a copy back enqueued
 * before one synchronisation, many copies in flight at once, views, direct NIO buffers, the errors, closing
 * while a copy is in flight, and no leak over many allocations. Expected values are the Java arrays the test
 * wrote, or computed from them in float64 here.
 */
public abstract class PinnedConformance extends ConformanceBase {
    private static final int[] PINNED_SIZES = {0, 1, 3, 1000003};
    private static final double POISON = -7777;

    /**
     * Device objects of this context not yet freed (OpenCL: live buffers, pinned ones included), or empty where
     * the backend does not count them (its pinned memory is the collector's).
     */
    protected OptionalLong liveDeviceObjects() {
        return OptionalLong.empty();
    }

    private List<DType> dtypes() {
        List<DType> all = new ArrayList<>(List.of(DType.FLOAT32, DType.INT32, DType.INT64, DType.BOOL,
                DType.COMPLEX64));
        if (ctx.device().fp64()) {
            all.add(DType.FLOAT64);
            all.add(DType.COMPLEX128);
        }
        return all;
    }

    /** Random values of {@code dtype}'s storage for n elements, as the Java array PinnedArray.set takes. */
    private static Object randomValues(DType dtype, Random r, int n) {
        int values = dtype.isComplex() ? 2 * n : n;
        return switch (dtype) {
            case FLOAT32, COMPLEX64 -> floats(r, values, -1e4, 1e4);
            case FLOAT64, COMPLEX128 -> doubles(r, values, -1e6, 1e6);
            case INT32 -> ints(r, values, Integer.MIN_VALUE, Integer.MAX_VALUE);
            case INT64 -> longs(r, values, Long.MIN_VALUE / 2, Long.MAX_VALUE / 2);
            case BOOL -> {
                boolean[] b = new boolean[values];
                for (int k = 0; k < values; k++) {
                    b[k] = r.nextBoolean();
                }
                yield b;
            }
        };
    }

    private static void set(PinnedArray p, Object values) {
        if (values instanceof float[] f) {
            p.set(f);
        } else if (values instanceof double[] d) {
            p.set(d);
        } else if (values instanceof int[] i) {
            p.set(i);
        } else if (values instanceof long[] l) {
            p.set(l);
        } else {
            p.set((boolean[]) values);
        }
    }

    private static Object read(PinnedArray p) {
        return switch (p.dtype()) {
            case FLOAT32, COMPLEX64 -> p.toFloatArray();
            case FLOAT64, COMPLEX128 -> p.toDoubleArray();
            case INT32 -> p.toIntArray();
            case INT64 -> p.toLongArray();
            case BOOL -> p.toBooleanArray();
        };
    }

    /** The device array's values read back the blocking way, as the same Java array class. */
    private static Object readDevice(GPUArray a) {
        return switch (a.dtype()) {
            case FLOAT32, COMPLEX64 -> a.toFloatArray();
            case FLOAT64, COMPLEX128 -> a.toDoubleArray();
            case INT32 -> a.toIntArray();
            case INT64 -> a.toLongArray();
            case BOOL -> a.toBooleanArray();
        };
    }

    /** Fills every byte of the pinned array with 0x5A (a bool byte of 0x5A is not 0 or 1). */
    private static void poison(PinnedArray p) {
        ByteBuffer bytes = ByteBuffer.allocate((int) p.nbytes());
        for (int k = 0; k < bytes.capacity(); k++) {
            bytes.put(k, (byte) 0x5A);
        }
        p.write(bytes);
        assertEquals(0, bytes.remaining(), "write() consumes the buffer");
        ByteBuffer back = p.read(ByteBuffer.allocate((int) p.nbytes())).flip();
        for (int k = 0; k < back.capacity(); k++) {
            assertEquals((byte) 0x5A, back.get(k), "poison byte " + k);
        }
    }

    private static void assertSame(Object expected, Object actual, String what) {
        if (expected instanceof float[] f) {
            assertArrayEquals(f, (float[]) actual, what);
        } else if (expected instanceof double[] d) {
            assertArrayEquals(d, (double[]) actual, what);
        } else if (expected instanceof int[] i) {
            assertArrayEquals(i, (int[]) actual, what);
        } else if (expected instanceof long[] l) {
            assertArrayEquals(l, (long[]) actual, what);
        } else {
            assertArrayEquals((boolean[]) expected, (boolean[]) actual, what);
        }
    }

    @Test
    void everyDtypeRoundTripsAtAwkwardSizesIntoPoisonedTargets() {
        for (DType dtype : dtypes()) {
            for (int n : PINNED_SIZES) {
                String what = dtype.numpyName() + " n=" + n + " (seed " + ("round trip " + dtype).hashCode() + ")";
                Object values = randomValues(dtype, random("round trip " + dtype, n), n);
                try (PinnedArray in = ctx.pinnedHost(dtype, n); PinnedArray out = ctx.pinnedHost(dtype, n);
                     GPUArray a = ctx.full(dtype, dtype == DType.BOOL ? 0 : POISON, n)) {
                    assertEquals(dtype, in.dtype(), what);
                    assertEquals(n, in.size(), what);
                    assertEquals((long) n * dtype.itemSize(), in.nbytes(), what);
                    set(in, values);
                    poison(out);
                    a.setAsync(in);
                    a.getAsync(out);
                    ctx.synchronize();
                    assertSame(values, read(out), what + ": pinned -> device -> pinned");
                    assertSame(values, readDevice(a), what + ": on the device");
                    assertSame(values, read(in), what + ": the source is not modified");
                }
            }
        }
    }

    @Test
    void aCopyAKernelAndACopyBackEnqueuedBeforeOneSynchronisation() {
        int n = 1000003;
        float[] x = floats(random("copy kernel copy", n), n, -100, 100);
        double[] expected = new double[n];
        for (int k = 0; k < n; k++) {
            expected[k] = 2.0 * x[k] + 1.0;
        }
        ElementwiseKernel twice = ctx.elementwiseKernel("float *x, float *y", "y[i] = 2.0f * x[i] + 1.0f",
                "pinned_twice");
        try (PinnedArray in = ctx.pinnedHost(DType.FLOAT32, n); PinnedArray out = ctx.pinnedHost(DType.FLOAT32, n);
             GPUArray a = ctx.full(DType.FLOAT32, POISON, n); GPUArray b = ctx.full(DType.FLOAT32, POISON, n)) {
            in.set(x);
            poison(out);
            a.setAsync(in);
            twice.call(a, b);
            b.getAsync(out);
            ctx.synchronize();
            assertClose(expected, out.toFloatArray(), 1e-6, 1e-5, "2x+1 read back through pinned memory");
        }
    }

    @Test
    void roundTripsOnStreamsAreDoneWhenTheirStreamIs() {
        int n = 1000003;
        float[] x = floats(random("streams", n), n, -100, 100);
        float[] y = floats(random("streams 2", n), n, -100, 100);
        try (GpuStream first = ctx.newStream(); GpuStream second = ctx.newStream();
             PinnedArray inX = ctx.pinnedHost(DType.FLOAT32, n).set(x);
             PinnedArray inY = ctx.pinnedHost(DType.FLOAT32, n).set(y);
             PinnedArray outX = ctx.pinnedHost(DType.FLOAT32, n); PinnedArray outY = ctx.pinnedHost(DType.FLOAT32, n)) {
            poison(outX);
            poison(outY);
            GPUArray a;
            GPUArray b;
            try (GpuStream.Scope s = first.use()) {
                a = ctx.empty(DType.FLOAT32, n).setAsync(inX);
                try (GPUArray twice = a.mul(2f)) {
                    twice.getAsync(outX);
                }
            }
            try (GpuStream.Scope s = second.use()) {
                b = ctx.empty(DType.FLOAT32, n).setAsync(inY);
                try (GPUArray negated = b.neg()) {
                    negated.getAsync(outY);
                }
            }
            first.synchronize();
            second.synchronize();
            double[] twiceX = new double[n];
            double[] minusY = new double[n];
            for (int k = 0; k < n; k++) {
                twiceX[k] = 2.0 * x[k];
                minusY[k] = -(double) y[k];
            }
            assertClose(twiceX, outX.toFloatArray(), 0, 0, "2x through the first stream");
            assertClose(minusY, outY.toFloatArray(), 0, 0, "-y through the second stream");
            a.close();
            b.close();
        }
    }

    @Test
    void manyRoundTripsInFlightAtOnce() {
        int streams = 12;
        int n = 100003;
        List<PinnedArray> ins = new ArrayList<>();
        List<PinnedArray> outs = new ArrayList<>();
        List<GPUArray> arrays = new ArrayList<>();
        List<float[]> values = new ArrayList<>();
        try {
            for (int s = 0; s < streams; s++) {
                float[] v = floats(random("in flight", s), n, -10, 10);
                values.add(v);
                PinnedArray in = ctx.pinnedHost(DType.FLOAT32, n).set(v);
                PinnedArray out = ctx.pinnedHost(DType.FLOAT32, n);
                poison(out);
                ins.add(in);
                outs.add(out);
                arrays.add(ctx.full(DType.FLOAT32, POISON, n));
            }
            for (int s = 0; s < streams; s++) {
                arrays.get(s).setAsync(ins.get(s));
            }
            List<GPUArray> sums = new ArrayList<>();
            for (int s = 0; s < streams; s++) {
                GPUArray sum = arrays.get(s).add((float) s);
                sums.add(sum);
                sum.getAsync(outs.get(s));
            }
            ctx.synchronize();
            for (int s = 0; s < streams; s++) {
                double[] expected = new double[n];
                for (int k = 0; k < n; k++) {
                    expected[k] = (double) values.get(s)[k] + s;
                }
                assertClose(expected, outs.get(s).toFloatArray(), 1e-6, 1e-5, "round trip " + s + " of " + streams);
                sums.get(s).close();
            }
        } finally {
            ins.forEach(PinnedArray::close);
            outs.forEach(PinnedArray::close);
            arrays.forEach(GPUArray::close);
        }
    }

    @Test
    void chunksOfOnePinnedArrayAtOffsets() {
        int n = 1000;
        int chunk = 300;
        float[] v = floats(random("chunks", n), n, -1, 1);
        try (PinnedArray in = ctx.pinnedHost(DType.FLOAT32, n).set(v); PinnedArray out = ctx.pinnedHost(DType.FLOAT32, n);
             GPUArray a = ctx.full(DType.FLOAT32, POISON, chunk)) {
            poison(out);
            for (int start = 0; start + chunk <= n; start += chunk) {
                a.setAsync(in, start);
                a.getAsync(out, n - chunk - start);
            }
            ctx.synchronize();
            float[] back = out.toFloatArray();
            for (int start = 0; start + chunk <= n; start += chunk) {
                for (int k = 0; k < chunk; k++) {
                    assertEquals(v[start + k], back[n - chunk - start + k], "chunk at " + start + ", element " + k);
                }
            }
            assertEquals(Float.intBitsToFloat(0x5A5A5A5A), back[0], "an element no chunk covers is untouched");
        }
    }

    @Test
    void viewsThatAreNotContiguousGoThroughATemporary() {
        int rows = 37;
        int cols = 23;
        float[] v = floats(random("views", rows * cols), rows * cols, -1, 1);
        try (GPUArray base = ctx.toGpu(v, rows, cols); GPUArray t = base.T();
             PinnedArray out = ctx.pinnedHost(DType.FLOAT32, (long) rows * cols)) {
            poison(out);
            t.getAsync(out);
            ctx.synchronize();
            float[] back = out.toFloatArray();
            for (int c = 0; c < cols; c++) {
                for (int r = 0; r < rows; r++) {
                    assertEquals(v[r * cols + c], back[c * rows + r], "transpose (" + c + ", " + r + ")");
                }
            }
        }
        try (GPUArray target = ctx.full(DType.FLOAT32, POISON, rows, 2 * cols);
             GPUArray everyOther = target.get(Index.all(), Index.step(null, null, 2));
             PinnedArray in = ctx.pinnedHost(DType.FLOAT32, (long) rows * cols).set(v)) {
            everyOther.setAsync(in);
            ctx.synchronize();
            float[] all = target.toFloatArray();
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < 2 * cols; c++) {
                    float expected = c % 2 == 0 ? v[r * cols + c / 2] : (float) POISON;
                    assertEquals(expected, all[r * 2 * cols + c], "strided target (" + r + ", " + c + ")");
                }
            }
        }
        try (GPUArray base = ctx.toGpu(v); GPUArray middle = base.get(Index.range(100, 200));
             PinnedArray out = ctx.pinnedHost(DType.FLOAT32, 100)) {
            poison(out);
            middle.getAsync(out);
            ctx.synchronize();
            float[] expected = new float[100];
            System.arraycopy(v, 100, expected, 0, 100);
            assertArrayEquals(expected, out.toFloatArray(), "a contiguous view at an offset");
        }
    }

    @Test
    void directNioBuffersAreAsyncSourcesAndTargets() {
        int n = 1003;
        float[] v = floats(random("nio async", n), n, -5, 5);
        FloatBuffer in = ByteBuffer.allocateDirect(4 * (n + 4)).order(ByteOrder.nativeOrder()).asFloatBuffer();
        FloatBuffer out = ByteBuffer.allocateDirect(4 * (n + 4)).order(ByteOrder.nativeOrder()).asFloatBuffer();
        for (int k = 0; k < n + 4; k++) {
            in.put(k, (float) POISON);
            out.put(k, (float) POISON);
        }
        in.put(2, v);
        in.position(2).limit(2 + n);
        out.position(2).limit(2 + n);
        try (GPUArray a = ctx.full(DType.FLOAT32, POISON, n)) {
            a.setAsync(in);
            a.getAsync(out);
            ctx.synchronize();
            assertEquals(2, out.position(), "position not moved");
            float[] back = new float[n];
            out.get(2, back);
            assertArrayEquals(v, back, "direct buffer round trip");
            assertEquals(2 + n, out.limit(), "limit not moved");
            FloatBuffer whole = out.duplicate().clear();
            assertEquals((float) POISON, whole.get(1), "wrote before the position");
            assertEquals((float) POISON, whole.get(2 + n), "wrote past the limit");
            IllegalArgumentException heap = assertThrows(IllegalArgumentException.class,
                    () -> a.setAsync(FloatBuffer.wrap(v)));
            assertTrue(heap.getMessage().contains("direct FloatBuffer"), heap.getMessage());
            FloatBuffer swapped = ByteBuffer.allocateDirect(4 * n).order(
                    ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN ? ByteOrder.BIG_ENDIAN
                            : ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
            assertThrows(IllegalArgumentException.class, () -> a.getAsync(swapped), "another byte order");
            IllegalArgumentException count = assertThrows(IllegalArgumentException.class,
                    () -> a.setAsync(in.duplicate().limit(3)));
            assertTrue(count.getMessage().contains("1003"), count.getMessage());
        }
    }

    @Test
    void mismatchesAreRefusedNamingBothSides() {
        try (PinnedArray floats = ctx.pinnedHost(DType.FLOAT32, 10); PinnedArray ints = ctx.pinnedHost(DType.INT32, 10);
             GPUArray a = ctx.zeros(DType.FLOAT32, 2, 5); GPUArray b = ctx.zeros(DType.FLOAT32, 11)) {
            IllegalArgumentException dtype = assertThrows(IllegalArgumentException.class, () -> a.setAsync(ints));
            assertTrue(dtype.getMessage().contains("int32") && dtype.getMessage().contains("float32"),
                    dtype.getMessage());
            dtype = assertThrows(IllegalArgumentException.class, () -> a.getAsync(ints));
            assertTrue(dtype.getMessage().contains("int32") && dtype.getMessage().contains("float32"),
                    dtype.getMessage());
            IllegalArgumentException size = assertThrows(IllegalArgumentException.class, () -> b.setAsync(floats));
            assertTrue(size.getMessage().contains("11") && size.getMessage().contains("10"), size.getMessage());
            size = assertThrows(IllegalArgumentException.class, () -> a.getAsync(floats, 1));
            assertTrue(size.getMessage().contains("(2, 5)") && size.getMessage().contains("offset 1"),
                    size.getMessage());
            assertThrows(IllegalArgumentException.class, () -> a.setAsync(floats, -1));
            IllegalArgumentException bytes = assertThrows(IllegalArgumentException.class,
                    () -> ints.write(ByteBuffer.allocate(39)));
            assertTrue(bytes.getMessage().contains("40") && bytes.getMessage().contains("39"), bytes.getMessage());
            assertThrows(IllegalArgumentException.class, () -> ints.read(ByteBuffer.allocate(39)));
            IllegalStateException view = assertThrows(IllegalStateException.class, floats::toLongArray);
            assertTrue(view.getMessage().contains("int64") && view.getMessage().contains("float32"),
                    view.getMessage());
            IllegalArgumentException length = assertThrows(IllegalArgumentException.class,
                    () -> floats.set(new float[9]));
            assertTrue(length.getMessage().contains("9") && length.getMessage().contains("10"), length.getMessage());
            assertThrows(IllegalArgumentException.class, () -> floats.set(new int[10]));
        }
        assertThrows(IllegalArgumentException.class, () -> ctx.pinnedHost(DType.FLOAT32, -1));
        assertThrows(IllegalArgumentException.class, () -> ctx.pinnedHost(DType.FLOAT64, 1L << 28));
    }

    @Test
    void closingWhileACopyIsInFlightNeverCorruptsMemory() {
        int n = 1000003;
        float[] v = floats(random("close in flight", n), n, -3, 3);
        for (int round = 0; round < 4; round++) {
            try (GPUArray a = ctx.full(DType.FLOAT32, POISON, n)) {
                PinnedArray in = ctx.pinnedHost(DType.FLOAT32, n).set(v);
                a.setAsync(in);
                in.close(); // waits for the copy before the memory goes
                assertTrue(in.isClosed());
                try (PinnedArray reuse = ctx.pinnedHost(DType.FLOAT32, n)) {
                    poison(reuse); // may be the memory just freed
                    PinnedArray out = ctx.pinnedHost(DType.FLOAT32, n);
                    a.getAsync(out);
                    out.close();
                    poison(reuse);
                }
                ctx.synchronize();
                assertArrayEquals(v, a.toFloatArray(), "round " + round + ": the device got the values");
                assertThrows(IllegalStateException.class, () -> a.setAsync(in), "a closed pinned source");
                assertThrows(IllegalStateException.class, () -> in.read(ByteBuffer.allocate(4 * n)));
                assertThrows(IllegalStateException.class, in::toFloatArray);
                in.close(); // idempotent
            }
        }
    }

    @Test
    void tenThousandPinnedArraysLeaveNothingBehind() {
        ctx.synchronize();
        OptionalLong before = liveDeviceObjects();
        try (GPUArray a = ctx.zeros(DType.FLOAT32, 1024)) {
            for (int k = 0; k < 10_000; k++) {
                try (PinnedArray p = ctx.pinnedHost(DType.FLOAT32, 1024)) {
                    if (k % 100 == 0) {
                        a.getAsync(p);
                    }
                }
            }
        }
        if (before.isPresent()) {
            assertEquals(before.getAsLong(), liveDeviceObjects().getAsLong(), "live device objects after 10^4 closes");
        }
    }

    @Test
    void pinnedArraysNobodyClosedAreFreedAfterTheyBecomeUnreachable() throws InterruptedException {
        OptionalLong before = liveDeviceObjects();
        for (int k = 0; k < 200; k++) {
            ctx.pinnedHost(DType.INT32, 4096).set(new int[4096]);
        }
        if (before.isEmpty()) {
            return;
        }
        long live = liveDeviceObjects().getAsLong();
        for (int attempt = 0; attempt < 50 && live > before.getAsLong(); attempt++) {
            System.gc();
            Thread.sleep(20);
            ctx.pinnedHost(DType.INT32, 1).close(); // an allocation releases what the cleaner handed over
            live = liveDeviceObjects().getAsLong();
        }
        assertTrue(live <= before.getAsLong(), "live device objects " + live + ", before " + before.getAsLong());
    }
}
