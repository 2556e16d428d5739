package org.jgpuarray.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.jgpuarray.DType;
import org.jgpuarray.GPUArray;
import org.jgpuarray.GpuArrays;
import org.junit.jupiter.api.Test;

/**
 * {@code concatenate}, {@code stack}, {@code split}, {@code repeat}, {@code tile}, {@code flip} and
 * {@code roll} against host references built from NumPy's definitions: every dtype, empty and awkward shapes,
 * inputs in every {@link DeviceForms form}, dtype promotion, views that must share memory (split, flip), and
 * error messages that quote the shapes.
 */
public abstract class AssemblyConformance extends IndexingBase {
    private static final long[][] SHAPES_1D_UP = {{0}, {1}, {3}, {5, 7}, {2, 3, 4}, {3, 0, 2}};

    @Test
    void concatenateMatchesHostAlongEveryAxis() {
        int form = 0;
        for (DType type : types()) {
            for (long[] shape : SHAPES_1D_UP) {
                for (int axis = -shape.length; axis < shape.length; axis++) {
                    int ax = axis < 0 ? axis + shape.length : axis;
                    long[][] parts = {shape.clone(), shape.clone(), shape.clone()};
                    parts[1][ax] = 0;
                    parts[2][ax] = shape[ax] + 2;
                    String what = named("concatenate " + type + " " + Arrays.toString(shape) + " axis " + axis);
                    Random r = random(what, 0);
                    HostNd[] host = new HostNd[3];
                    GPUArray[] device = new GPUArray[3];
                    try {
                        for (int k = 0; k < 3; k++) {
                            host[k] = DeviceForms.random(r, type, parts[k], 0);
                            device[k] = DeviceForms.values()[form++ % 4].upload(ctx, type, host[k]);
                        }
                        long[] total = shape.clone();
                        total[ax] = 2 * shape[ax] + 2;
                        HostNd expected = HostNd.build(total, c -> {
                            long[] p = c.clone();
                            for (HostNd h : host) {
                                if (p[ax] < h.shape[ax]) {
                                    return h.at(p);
                                }
                                p[ax] -= h.shape[ax];
                            }
                            throw new AssertionError();
                        });
                        try (GPUArray joined = GpuArrays.concatenate(axis, device)) {
                            assertArrayEquals(total, joined.shape(), what);
                            assertEquals(type, joined.dtype(), what);
                            assertClose(expected.values, DeviceForms.download(joined), 0, 0, what);
                        }
                    } finally {
                        closeAll(device);
                    }
                }
            }
        }
    }

    @Test
    void concatenatePromotesDtypesAndQuotesShapes() {
        try (GPUArray ints = ctx.toGpu(new int[] {1, 2}); GPUArray bools = ctx.toGpu(new boolean[] {true});
             GPUArray longs = ctx.toGpu(new long[] {-5}); GPUArray joined = GpuArrays.concatenate(0, ints, bools, longs)) {
            assertEquals(DType.INT64, joined.dtype(), "int32, bool and int64 give int64");
            assertArrayEquals(new long[] {1, 2, 1, -5}, joined.toLongArray());
        }
        try (GPUArray a = ctx.zeros(DType.FLOAT32, 2, 3); GPUArray b = ctx.zeros(DType.FLOAT32, 2, 4);
             GPUArray c = ctx.zeros(DType.FLOAT32, 3); GPUArray s = ctx.full(DType.FLOAT32, 1)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> GpuArrays.concatenate(0, a, b));
            assertTrue(e.getMessage().contains("(2, 4)") && e.getMessage().contains("(2, 3)"), e.getMessage());
            e = assertThrows(IllegalArgumentException.class, () -> GpuArrays.concatenate(0, a, c));
            assertTrue(e.getMessage().contains("(3,)"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> GpuArrays.concatenate(0, s, s), "0-d arrays");
            assertThrows(IllegalArgumentException.class, () -> GpuArrays.concatenate(0));
            assertThrows(IllegalArgumentException.class, () -> GpuArrays.concatenate(2, a, a), "axis out of range");
            try (GPUArray joined = GpuArrays.concatenate(1, a, b)) {
                assertArrayEquals(new long[] {2, 7}, joined.shape());
            }
        }
    }

    @Test
    void stackJoinsAlongANewAxis() {
        for (DType type : types()) {
            for (long[] shape : SHAPES) {
                for (int axis = -shape.length - 1; axis <= shape.length; axis++) {
                    int ax = axis < 0 ? axis + shape.length + 1 : axis;
                    String what = named("stack " + type + " " + Arrays.toString(shape) + " axis " + axis);
                    Random r = random(what, 0);
                    HostNd a = DeviceForms.random(r, type, shape, 0);
                    HostNd b = DeviceForms.random(r, type, shape, 0);
                    long[] result = new long[shape.length + 1];
                    for (int d = 0, s = 0; d < result.length; d++) {
                        result[d] = d == ax ? 2 : shape[s++];
                    }
                    HostNd expected = HostNd.build(result, c -> {
                        long[] inner = new long[shape.length];
                        for (int d = 0, s = 0; d < c.length; d++) {
                            if (d != ax) {
                                inner[s++] = c[d];
                            }
                        }
                        return (c[ax] == 0 ? a : b).at(inner);
                    });
                    try (GPUArray ga = DeviceForms.TRANSPOSED.upload(ctx, type, a);
                         GPUArray gb = DeviceForms.REVERSED.upload(ctx, type, b);
                         GPUArray stacked = GpuArrays.stack(axis, ga, gb)) {
                        assertArrayEquals(result, stacked.shape(), what);
                        assertClose(expected.values, DeviceForms.download(stacked), 0, 0, what);
                    }
                }
            }
        }
        try (GPUArray a = ctx.zeros(DType.INT32, 2, 3); GPUArray b = ctx.zeros(DType.INT32, 3, 2)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GpuArrays.stack(0, a, b));
            assertTrue(e.getMessage().contains("(3, 2)") && e.getMessage().contains("(2, 3)"), e.getMessage());
        }
    }

    @Test
    void splitGivesViewsThatShareMemory() {
        try (GPUArray a = ctx.arange(DType.INT32, 24).reshape(4, 6)) {
            GPUArray[] thirds = GpuArrays.split(a, 3, 1);
            assertEquals(3, thirds.length);
            for (int k = 0; k < 3; k++) {
                assertArrayEquals(new long[] {4, 2}, thirds[k].shape());
                int[] expected = new int[8];
                for (int j = 0; j < 8; j++) {
                    expected[j] = 6 * (j / 2) + 2 * k + j % 2;
                }
                assertArrayEquals(expected, thirds[k].toIntArray(), "third " + k);
            }
            thirds[1].fill(-1);
            assertEquals(-1, a.toIntArray()[2], "writes through a split view reach the base");
            closeAll(thirds);
            GPUArray[] parts = GpuArrays.split(a, new long[] {1, -1, 10}, 0);
            assertEquals(4, parts.length);
            long[][] shapes = {{1, 6}, {2, 6}, {1, 6}, {0, 6}};
            for (int k = 0; k < 4; k++) {
                assertArrayEquals(shapes[k], parts[k].shape(), "part " + k + ": bounds read as slice bounds");
            }
            assertArrayEquals(new int[] {18, 19, -1, -1, 22, 23}, parts[2].toIntArray(), "the last row, after the fill");
            closeAll(parts);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GpuArrays.split(a, 4, 1));
            assertTrue(e.getMessage().contains("equal division") && e.getMessage().contains("(4, 6)"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> GpuArrays.split(a, 0, 0));
        }
    }

    @Test
    void repeatMatchesHost() {
        int form = 0;
        for (DType type : types()) {
            for (long[] shape : SHAPES_1D_UP) {
                for (int axis = 0; axis < shape.length; axis++) {
                    final int ax = axis;
                    String what = named("repeat " + type + " " + Arrays.toString(shape) + " axis " + axis);
                    Random r = random(what, 0);
                    HostNd a = DeviceForms.random(r, type, shape, 0);
                    long[] counts = new long[(int) shape[axis]];
                    for (int k = 0; k < counts.length; k++) {
                        counts[k] = r.nextInt(4);
                    }
                    long[] starts = new long[counts.length + 1];
                    for (int k = 0; k < counts.length; k++) {
                        starts[k + 1] = starts[k] + counts[k];
                    }
                    long[] uniform = shape.clone();
                    uniform[axis] *= 3;
                    long[] varying = shape.clone();
                    varying[axis] = starts[counts.length];
                    HostNd expected3 = HostNd.build(uniform, c -> a.at(with(c, ax, c[ax] / 3)));
                    HostNd expectedCounts = HostNd.build(varying, c -> {
                        int k = 0;
                        while (starts[k + 1] <= c[ax]) {
                            k++;
                        }
                        return a.at(with(c, ax, k));
                    });
                    try (GPUArray g = DeviceForms.values()[form++ % 4].upload(ctx, type, a);
                         GPUArray three = g.repeat(3, axis); GPUArray byCount = g.repeat(counts, axis);
                         GPUArray flat = g.repeat(2); GPUArray none = g.repeat(0, axis)) {
                        assertClose(expected3.values, DeviceForms.download(three), 0, 0, what + " x3");
                        assertClose(expectedCounts.values, DeviceForms.download(byCount), 0, 0, what + " counts");
                        double[] twice = new double[2 * a.values.length];
                        for (int k = 0; k < twice.length; k++) {
                            twice[k] = a.values[k / 2];
                        }
                        assertClose(twice, DeviceForms.download(flat), 0, 0, what + " flattened");
                        assertEquals(0, none.size(), what + " zero repeats");
                    }
                }
            }
        }
        try (GPUArray a = ctx.zeros(DType.FLOAT32, 2, 3)) {
            assertThrows(IllegalArgumentException.class, () -> a.repeat(-1, 0));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> a.repeat(new long[] {1, 2}, 1));
            assertTrue(e.getMessage().contains("(2, 3)"), e.getMessage());
        }
    }

    @Test
    void tileMatchesHost() {
        long[][] repsList = {{}, {2}, {1, 3}, {2, 1, 2}, {0, 2}};
        int form = 0;
        for (DType type : types()) {
            for (long[] shape : SHAPES) {
                for (long[] reps : repsList) {
                    String what = named("tile " + type + " " + Arrays.toString(shape) + " reps " + Arrays.toString(reps));
                    HostNd a = DeviceForms.random(random(what, 0), type, shape, 0);
                    int ndim = Math.max(shape.length, reps.length);
                    long[] s = new long[ndim];
                    long[] result = new long[ndim];
                    for (int d = 0; d < ndim; d++) {
                        int ds = d - (ndim - shape.length);
                        int dr = d - (ndim - reps.length);
                        s[d] = ds >= 0 ? shape[ds] : 1;
                        result[d] = s[d] * (dr >= 0 ? reps[dr] : 1);
                    }
                    HostNd expected = HostNd.build(result, c -> {
                        long[] src = new long[shape.length];
                        for (int d = 0; d < shape.length; d++) {
                            src[d] = c[d + ndim - shape.length] % shape[d];
                        }
                        return a.at(src);
                    });
                    try (GPUArray g = DeviceForms.values()[form++ % 4].upload(ctx, type, a); GPUArray t = g.tile(reps)) {
                        assertArrayEquals(result, t.shape(), what);
                        assertClose(expected.values, DeviceForms.download(t), 0, 0, what);
                    }
                }
            }
        }
        try (GPUArray a = ctx.zeros(DType.FLOAT32, 2)) {
            assertThrows(IllegalArgumentException.class, () -> a.tile(-1));
        }
    }

    @Test
    void flipIsAViewWithNegativeSteps() {
        for (DType type : types()) {
            for (long[] shape : SHAPES) {
                for (DeviceForms form : DeviceForms.values()) {
                    String what = named("flip " + type + " " + Arrays.toString(shape) + " " + form);
                    HostNd a = DeviceForms.random(random(what, 0), type, shape, 0);
                    HostNd all = HostNd.build(shape, c -> {
                        long[] m = c.clone();
                        for (int d = 0; d < m.length; d++) {
                            m[d] = shape[d] - 1 - c[d];
                        }
                        return a.at(m);
                    });
                    try (GPUArray g = form.upload(ctx, type, a); GPUArray f = g.flip()) {
                        assertClose(all.values, DeviceForms.download(f), 0, 0, what + " all axes");
                        if (shape.length > 0) {
                            int last = shape.length - 1;
                            try (GPUArray one = g.flip(-1)) {
                                assertClose(HostNd.build(shape, c -> a.at(with(c, last, shape[last] - 1 - c[last])))
                                        .values, DeviceForms.download(one), 0, 0, what + " last axis");
                            }
                        }
                    }
                }
            }
        }
        try (GPUArray a = ctx.arange(DType.FLOAT32, 6).reshape(2, 3); GPUArray f = a.flip(1)) {
            assertArrayEquals(new long[] {3, -1}, f.strides(), "a flip is a view with a negative step");
            f.put("0, 0", 99);
            assertEquals(99, a.toFloatArray()[2], "writes through a flip reach the base");
            assertThrows(IllegalArgumentException.class, () -> a.flip(1, -1), "repeated axis");
            assertThrows(IllegalArgumentException.class, () -> a.flip(2));
        }
    }

    @Test
    void rollMatchesHost() {
        long[] shifts = {0, 1, -1, 9, -11};
        int form = 0;
        for (DType type : types()) {
            for (long[] shape : SHAPES) {
                for (long shift : shifts) {
                    String what = named("roll " + type + " " + Arrays.toString(shape) + " by " + shift);
                    HostNd a = DeviceForms.random(random(what, 0), type, shape, 0);
                    int n = a.values.length;
                    double[] flat = new double[n];
                    for (int k = 0; k < n; k++) {
                        flat[(int) Math.floorMod(k + shift, (long) n)] = a.values[k];
                    }
                    try (GPUArray g = DeviceForms.values()[form++ % 4].upload(ctx, type, a); GPUArray r = g.roll(shift)) {
                        assertArrayEquals(shape, r.shape(), what);
                        assertClose(flat, DeviceForms.download(r), 0, 0, what + " flattened");
                        for (int axis = 0; axis < shape.length; axis++) {
                            final int ax = axis;
                            HostNd expected = HostNd.build(shape,
                                    c -> a.at(with(c, ax, Math.floorMod(c[ax] - shift, shape[ax]))));
                            try (GPUArray ra = g.roll(shift, axis - shape.length)) {
                                assertClose(expected.values, DeviceForms.download(ra), 0, 0, what + " axis " + axis);
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void complexArraysJoinTileFlipAndRoll() {
        try (GPUArray c = ctx.toGpuComplex(DType.COMPLEX64, new float[] {1, 2, 3, 4}, 2);
             GPUArray joined = GpuArrays.concatenate(0, c, c); GPUArray tiled = c.tile(2);
             GPUArray flipped = c.flip(); GPUArray rolled = c.roll(1);
             GPUArray real = ctx.zeros(DType.FLOAT32, 2)) {
            assertArrayEquals(new float[] {1, 2, 3, 4, 1, 2, 3, 4}, joined.toFloatArray());
            assertArrayEquals(new float[] {1, 2, 3, 4, 1, 2, 3, 4}, tiled.toFloatArray());
            assertArrayEquals(new float[] {3, 4, 1, 2}, flipped.toFloatArray());
            assertArrayEquals(new float[] {3, 4, 1, 2}, rolled.toFloatArray());
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> GpuArrays.concatenate(0, c, real));
            assertTrue(e.getMessage().contains("complex64") && e.getMessage().contains("float32"), e.getMessage());
        }
    }

    /** {@code c} with coordinate {@code d} replaced. */
    private static long[] with(long[] c, int d, long value) {
        long[] m = c.clone();
        m[d] = value;
        return m;
    }

    private static void closeAll(GPUArray[] arrays) {
        for (GPUArray a : arrays) {
            if (a != null) {
                a.close();
            }
        }
    }
}
