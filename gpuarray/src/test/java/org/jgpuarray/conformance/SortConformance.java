package org.jgpuarray.conformance;

import static org.jgpuarray.conformance.HostSortModel.DTYPES;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.jgpuarray.DType;
import org.jgpuarray.GPUArray;
import org.jgpuarray.SearchSide;
import org.jgpuarray.SortAccess;
import org.jgpuarray.UniqueCounts;
import org.jgpuarray.conformance.HostSortModel.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Sorting, argsort, unique and searchsorted against {@link HostSortModel}'s stable sort on boxed values
 * (NaN last, -0.0 equal to 0.0): every sortable dtype, sizes from 0 to 2^20 + 7, data with duplicates, NaNs
 * of several payloads, infinities and signed zeros, all-equal, sorted and reversed data; results compared bit
 * for bit (so the order of equal zeros and NaNs counts), argsort's indices exactly (so stability counts). The
 * provider is called with poisoned outputs; the API on n-d arrays, other axes and views.
 */
public abstract class SortConformance extends ConformanceBase {
    private static final int[] BIG = {1000003, (1 << 20) + 7};

    Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (DType t : DTYPES) {
            for (int n : new int[] {0, 1, 3, 1000}) {
                for (Kind kind : Kind.values()) {
                    cases.add(arguments(t, n, kind));
                }
            }
            for (int n : BIG) {
                cases.add(arguments(t, n, Kind.SPECIAL));
                cases.add(arguments(t, n, n == BIG[0] ? Kind.DUPLICATES : Kind.REVERSED));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} n={1} {2}")
    @MethodSource("cases")
    void sortAndArgsortMatchTheStableHostSort(DType t, int n, Kind kind) {
        assumeType(t);
        String test = "sort-" + t + "-" + kind;
        String what = t.numpyName() + " n=" + n + " " + kind + " (seed " + seed(test, n) + ")";
        Object host = HostSortModel.data(t, n, kind, random(test, n));
        long[] order = HostSortModel.argsortRows(host, 1, n);
        try (GPUArray a = HostSortModel.upload(ctx, host, n); GPUArray sorted = ctx.full(t, poison(t), n);
             GPUArray indices = ctx.full(DType.INT64, -7, n)) {
            SortAccess.sort(a, sorted, 1, n);
            SortAccess.argsort(a, indices, 1, n);
            assertSameBits(HostSortModel.bits(HostSortModel.gatherRows(host, order, Math.max(n, 1))),
                    HostSortModel.bits(HostSortModel.download(sorted)), what + ": sort");
            assertIndices(order, indices.toLongArray(), what + ": argsort");
            assertSameBits(HostSortModel.bits(host), HostSortModel.bits(HostSortModel.download(a)),
                    what + ": the input is not modified");
        }
    }

    @Test
    void rowsOfNdArraysSortIndependently() {
        long[][] shapes = {{3, 1000}, {1000, 3}, {7, 5, 129}, {3, 4500}, {40000, 2}, {4, 127}, {4, 128}, {5, 1},
                {1, 1}, {2, 0}, {0, 5}};
        for (DType t : DTYPES) {
            if (t == DType.FLOAT64 && !ctx.device().fp64()) {
                continue;
            }
            for (long[] shape : shapes) {
                int n = (int) Arrays.stream(shape).reduce(1, (x, y) -> x * y);
                String test = "rows-" + t + "-" + Arrays.toString(shape);
                Object host = HostSortModel.data(t, n, Kind.SPECIAL, random(test, n));
                try (GPUArray a = HostSortModel.upload(ctx, host, shape)) {
                    checkAlongAxis(host, shape, a, -1, test + " (seed " + seed(test, n) + ")");
                }
            }
        }
    }

    @Test
    void otherAxesSortTheirLines() {
        long[] shape = {6, 5, 300};
        for (DType t : new DType[] {DType.FLOAT32, DType.INT64, DType.BOOL}) {
            String test = "axes-" + t;
            Object host = HostSortModel.data(t, 9000, Kind.SPECIAL, random(test, 9000));
            try (GPUArray a = HostSortModel.upload(ctx, host, shape)) {
                for (int axis : new int[] {0, 1, -3, -2, 2}) {
                    checkAlongAxis(host, shape, a, axis, test + " axis " + axis + " (seed " + seed(test, 9000) + ")");
                }
            }
        }
    }

    @Test
    void viewsSortWithoutTouchingTheirBase() {
        Object host = HostSortModel.data(DType.FLOAT32, 3000, Kind.SPECIAL, random("views", 3000));
        try (GPUArray base = HostSortModel.upload(ctx, host, 3000); GPUArray reversed = base.get("::-3");
             GPUArray inside = base.get("5:2500"); GPUArray matrix = base.reshape(60, 50);
             GPUArray transposed = matrix.T(); GPUArray row = base.get("10:60").reshape(1, 50);
             GPUArray broadcast = row.broadcastTo(4, 50)) {
            checkAlongAxis(HostSortModel.download(reversed), reversed.shape(), reversed, -1, "a[::-3]");
            checkAlongAxis(HostSortModel.download(inside), inside.shape(), inside, 0, "a[5:2500]");
            checkAlongAxis(HostSortModel.download(transposed), transposed.shape(), transposed, -1, "m.T()");
            checkAlongAxis(HostSortModel.download(transposed), transposed.shape(), transposed, 0, "m.T() axis 0");
            checkAlongAxis(HostSortModel.download(broadcast), broadcast.shape(), broadcast, -1, "broadcast row");
            assertSameBits(HostSortModel.bits(host), HostSortModel.bits(HostSortModel.download(base)),
                    "the base of the views is not modified");
        }
    }

    Stream<Arguments> uniqueCases() {
        List<Arguments> cases = new ArrayList<>();
        for (DType t : DTYPES) {
            for (int n : new int[] {0, 1, 3, 1000, 1000003}) {
                cases.add(arguments(t, n, Kind.SPECIAL));
            }
            cases.add(arguments(t, 1000, Kind.DUPLICATES));
            cases.add(arguments(t, 1000, Kind.ALL_EQUAL));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} n={1} {2}")
    @MethodSource("uniqueCases")
    void uniqueGivesTheFirstOfEachRunAndItsCount(DType t, int n, Kind kind) {
        assumeType(t);
        String test = "unique-" + t + "-" + kind;
        String what = t.numpyName() + " n=" + n + " " + kind + " (seed " + seed(test, n) + ")";
        Object host = HostSortModel.data(t, n, kind, random(test, n));
        Object sorted = HostSortModel.gatherRows(host, HostSortModel.argsortRows(host, 1, n), Math.max(n, 1));
        List<Integer> starts = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            if (k == 0 || HostSortModel.compare(sorted, k - 1, k) != 0) {
                starts.add(k);
            }
        }
        long[] expectedBits = starts.stream().mapToLong(k -> HostSortModel.bitsAt(sorted, k)).toArray();
        long[] expectedCounts = new long[starts.size()];
        for (int u = 0; u < starts.size(); u++) {
            expectedCounts[u] = (u + 1 < starts.size() ? starts.get(u + 1) : n) - starts.get(u);
        }
        long[] shape = n % 2 == 0 && n > 0 ? new long[] {2, n / 2} : new long[] {n};
        try (GPUArray a = HostSortModel.upload(ctx, host, shape); GPUArray values = a.unique();
             UniqueCounts withCounts = a.uniqueCounts()) {
            assertArrayEquals(new long[] {starts.size()}, values.shape(), what + ": shape");
            assertSameBits(expectedBits, HostSortModel.bits(HostSortModel.download(values)), what + ": unique");
            assertSameBits(expectedBits, HostSortModel.bits(HostSortModel.download(withCounts.values())),
                    what + ": uniqueCounts values");
            assertEquals(DType.INT64, withCounts.counts().dtype(), what);
            assertArrayEquals(expectedCounts, withCounts.counts().toLongArray(), what + ": counts");
        }
    }

    @Test
    void searchsortedFindsInsertionPoints() {
        for (DType t : DTYPES) {
            if (t == DType.FLOAT64 && !ctx.device().fp64()) {
                continue;
            }
            for (int n : new int[] {0, 1, 1000}) {
                String test = "search-" + t;
                Random r = random(test, n);
                Object host = HostSortModel.data(t, n, Kind.SPECIAL, r);
                Object sorted = HostSortModel.gatherRows(host, HostSortModel.argsortRows(host, 1, n), Math.max(n, 1));
                Object probes = HostSortModel.data(t, 300, Kind.SPECIAL, r);
                checkSearch(sorted, probes, t + " n=" + n + " (seed " + seed(test, n) + ")");
            }
        }
        if (ctx.device().fp64()) {
            int[] ints = {-5, -5, 0, 2, 2, 2, 7, Integer.MAX_VALUE};
            double[] probes = {-6, -5, -4.5, 0, 1.5, 2, 2.0000001, 7, 8, Double.NaN, Double.POSITIVE_INFINITY,
                    Double.NEGATIVE_INFINITY, -0.0, 2147483647.0, 2147483648.0};
            checkSearch(ints, probes, "int32 array, float64 values");
        }
        boolean[] flags = {false, false, true, true, true};
        checkSearch(flags, new boolean[] {true, false, true}, "bool");
    }

    @Test
    void mistakesAreNamed() {
        try (GPUArray scalar = ctx.empty(DType.FLOAT32); GPUArray m = ctx.zeros(DType.INT32, 3, 4);
             GPUArray c = ctx.zeros(DType.COMPLEX64, 4)) {
            String zeroD = assertThrows(IllegalArgumentException.class, scalar::sort).getMessage();
            assertTrue(zeroD.contains("axis -1") && zeroD.contains("dimension 0"), zeroD);
            String axis = assertThrows(IllegalArgumentException.class, () -> m.argsort(2)).getMessage();
            assertTrue(axis.contains("axis 2") && axis.contains("(3, 4)"), axis);
            String complex = assertThrows(IllegalArgumentException.class, c::sort).getMessage();
            assertTrue(complex.contains("complex64"), complex);
            assertThrows(IllegalArgumentException.class, c::unique);
            String notFlat = assertThrows(IllegalArgumentException.class, () -> m.searchsorted(m)).getMessage();
            assertTrue(notFlat.contains("1-D") && notFlat.contains("(3, 4)"), notFlat);
            m.close();
            assertThrows(IllegalStateException.class, m::sort);
        }
    }

    @Test
    void implementationIsNamed() {
        String implementation = SortAccess.implementation(ctx);
        System.out.println(getClass().getSimpleName() + " sorts with " + implementation);
        assertFalse(implementation.isBlank());
    }

    /** Sorts along {@code axis} through the API and checks values (bits) and indices against the host. */
    private void checkAlongAxis(Object host, long[] shape, GPUArray a, int axis, String what) {
        long[][] expected = alongAxis(host, shape, axis);
        try (GPUArray sorted = a.sort(axis); GPUArray indices = a.argsort(axis)) {
            assertArrayEquals(shape, sorted.shape(), what + ": sort shape");
            assertArrayEquals(shape, indices.shape(), what + ": argsort shape");
            assertTrue(sorted.isContiguous() && indices.isContiguous(), what + ": contiguous results");
            assertSameBits(expected[0], HostSortModel.bits(HostSortModel.download(sorted)), what + ": sort");
            assertArrayEquals(expected[1], indices.toLongArray(), what + ": argsort");
        }
    }

    /**
     * The host's sort along an axis, in C order: {raw bits of the sorted values, argsort indices}. Each line
     * along the axis is gathered through the strides, sorted stably, and written back along the axis.
     */
    private static long[][] alongAxis(Object host, long[] shape, int axis) {
        int ndim = shape.length;
        int ax = axis < 0 ? axis + ndim : axis;
        int n = HostSortModel.length(host);
        long[] bits = new long[n];
        long[] indices = new long[n];
        int len = (int) shape[ax];
        int stride = 1;
        for (int d = ax + 1; d < ndim; d++) {
            stride *= (int) shape[d];
        }
        for (int start = 0; start < n && len > 0; start++) {
            if (start / stride % len != 0) {
                continue; // not the first element of its line
            }
            int[] line = new int[len];
            for (int k = 0; k < len; k++) {
                line[k] = start + k * stride;
            }
            int[] order = HostSortModel.argsort(HostSortModel.gather(host, line), 0, len);
            for (int k = 0; k < len; k++) {
                bits[line[k]] = HostSortModel.bitsAt(host, line[order[k]]);
                indices[line[k]] = order[k];
            }
        }
        return new long[][] {bits, indices};
    }

    private void checkSearch(Object sorted, Object probes, String what) {
        int n = HostSortModel.length(sorted);
        int m = HostSortModel.length(probes);
        long[] left = new long[m];
        long[] right = new long[m];
        for (int j = 0; j < m; j++) {
            for (int k = 0; k < n; k++) {
                int c = compareAcross(sorted, k, probes, j);
                left[j] += c < 0 ? 1 : 0;
                right[j] += c <= 0 ? 1 : 0;
            }
        }
        long[] shape = m % 3 == 0 ? new long[] {3, m / 3} : new long[] {m};
        try (GPUArray a = HostSortModel.upload(ctx, sorted, n); GPUArray v = HostSortModel.upload(ctx, probes, shape);
             GPUArray l = a.searchsorted(v); GPUArray r = a.searchsorted(v, SearchSide.RIGHT)) {
            assertArrayEquals(shape, l.shape(), what + ": shape");
            assertEquals(DType.INT64, l.dtype(), what);
            assertArrayEquals(left, l.toLongArray(), what + ": left");
            assertArrayEquals(right, r.toLongArray(), what + ": right");
        }
    }

    /** NumPy's order between elements of two arrays: as integers when both are, else as doubles. */
    private static int compareAcross(Object a, int i, Object b, int j) {
        if (isIntegral(a) && isIntegral(b)) {
            return Long.compare(asLong(a, i), asLong(b, j));
        }
        return HostSortModel.compareValues(asDouble(a, i), asDouble(b, j));
    }

    private static boolean isIntegral(Object a) {
        return a instanceof boolean[] || a instanceof int[] || a instanceof long[];
    }

    private static long asLong(Object a, int i) {
        return a instanceof boolean[] b ? (b[i] ? 1 : 0) : a instanceof int[] v ? v[i] : ((long[]) a)[i];
    }

    private static double asDouble(Object a, int i) {
        if (isIntegral(a)) {
            return asLong(a, i);
        }
        return a instanceof float[] f ? f[i] : ((double[]) a)[i];
    }

    private void assumeType(DType t) {
        if (t == DType.FLOAT64) {
            assumeFp64();
        }
    }

    private static long seed(String test, int size) {
        return test.hashCode() * 31L + size;
    }

    private static Number poison(DType t) {
        return switch (t) {
            case BOOL -> 1;
            case INT32 -> 0x5A5A5A5A;
            case INT64 -> 0x5A5A5A5A5A5A5A5AL;
            default -> -4242.4242;
        };
    }

    private static void assertSameBits(long[] expected, long[] actual, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        for (int k = 0; k < expected.length; k++) {
            if (expected[k] != actual[k]) {
                fail(what + ": element " + k + " of " + expected.length + " has bits 0x" + Long.toHexString(actual[k])
                        + ", expected 0x" + Long.toHexString(expected[k]));
            }
        }
    }

    private static void assertIndices(long[] expected, long[] actual, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        for (int k = 0; k < expected.length; k++) {
            if (expected[k] != actual[k]) {
                fail(what + ": position " + k + " of " + expected.length + " holds index " + actual[k] + ", expected "
                        + expected[k] + " (equal keys must keep their order)");
            }
        }
    }
}
