package org.jgpuarray.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.jgpuarray.DType;
import org.jgpuarray.DeviceGroup;
import org.jgpuarray.GPUArray;
import org.jgpuarray.GpuContext;
import org.jgpuarray.ShardedArray;
import org.jgpuarray.device.DeviceGroupException;
import org.jgpuarray.random.PhiloxStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The device group: split and gather give back the input (host data, device arrays, 2-D, fewer rows than
 * members), per-member maps reduced on one context equal a single-context computation, random numbers
 * split by Philox offsets equal a single-device run bit for bit, and a failure on one member names it.
 * The group spans every device of the backend; where it has one device, three contexts on it.
 */
public abstract class DeviceGroupConformance extends ConformanceBase {
    private static final int[] ROWS = {0, 1, 2, 3, 7, 1000, 1000003};

    private DeviceGroup group;

    @BeforeAll
    void openGroup() {
        int count = GpuContext.devices(backend()).size();
        group = count > 1 ? DeviceGroup.open(backend()) : DeviceGroup.open(backend(), 0, 0, 0);
        System.out.println(getClass().getSimpleName() + ": " + group);
    }

    @AfterAll
    void closeGroup() {
        if (group != null) {
            group.close();
        }
    }

    @Test
    void membersGetEqualRowRangesThatCoverTheArray() {
        int m = group.size();
        for (long rows : new long[] {0, 1, 5, 1000003, Long.MAX_VALUE / 2}) {
            assertEquals(0, group.firstRow(rows, 0));
            assertEquals(rows, group.firstRow(rows, m));
            for (int k = 0; k < m; k++) {
                long part = group.firstRow(rows, k + 1) - group.firstRow(rows, k);
                assertTrue(part == rows / m || part == rows / m + 1, rows + " rows, member " + k + " gets " + part);
            }
        }
    }

    @Test
    void splitHostDataAndGatherGiveItBack() {
        for (int n : ROWS) {
            float[] data = floats(random("split", n), n, -10, 10);
            try (ShardedArray parts = group.split(data); GPUArray whole = parts.gather(ctx)) {
                assertEquals(group.size(), parts.parts().size());
                for (int k = 0; k < group.size(); k++) {
                    assertEquals(group.context(k), parts.part(k).context(), "part " + k + " lives on member " + k);
                    assertEquals(group.firstRow(n, k + 1) - group.firstRow(n, k), parts.part(k).size());
                }
                assertArrayEquals(data, whole.toFloatArray(), "n=" + n);
            }
        }
    }

    @Test
    void splitDeviceArraysAlongTheFirstAxis() {
        for (int rows : new int[] {0, 2, 5, 333}) {
            int[] data = ints(random("split2d", rows), rows * 3, -1000, 1000);
            try (GPUArray source = ctx.toGpu(data, rows, 3); ShardedArray parts = group.split(source);
                 GPUArray whole = parts.gather(group.context(group.size() - 1))) {
                assertArrayEquals(new long[] {rows, 3}, whole.shape());
                assertArrayEquals(data, whole.toIntArray(), rows + " rows");
            }
        }
        try (GPUArray t = ctx.arange(DType.INT32, 12).reshape(3, 4); GPUArray view = t.transpose();
             ShardedArray parts = group.split(view); GPUArray whole = parts.gather(ctx); GPUArray expected = view.copy()) {
            assertArrayEquals(expected.toIntArray(), whole.toIntArray(), "a transposed view splits by its own rows");
        }
        try (GPUArray scalar = ctx.full(DType.FLOAT32, 1, new long[0])) {
            assertThrows(IllegalArgumentException.class, () -> group.split(scalar));
        }
        assertThrows(IllegalArgumentException.class, () -> group.split(new float[6], 4, 2));
    }

    @Test
    void mapAndReduceEqualTheHostReference() {
        assumeFp64();
        for (int n : new int[] {1, 3, 1000, 1000003}) {
            Random r = random("reduce", n);
            double[] x = doubles(r, n, -1, 1);
            double[] y = doubles(r, n, -1, 1);
            double squares = 0;
            double dot = 0;
            for (int k = 0; k < n; k++) {
                squares += x[k] * x[k];
                dot += x[k] * y[k];
            }
            try (ShardedArray xs = group.split(x); ShardedArray ys = group.split(y);
                 ShardedArray partialSquares = xs.map(p -> p.dot(p)); ShardedArray partialDots = xs.zip(ys, GPUArray::dot);
                 GPUArray sq = partialSquares.reduce(ctx, GPUArray::add); GPUArray d = partialDots.reduce(ctx, GPUArray::add);
                 GPUArray partials = partialSquares.gather(ctx)) {
                assertClose(squares, sq.item(), 1e-12, "sum of squares n=" + n);
                assertEquals(dot, d.item(), 1e-12 * n, "dot n=" + n);
                assertArrayEquals(new long[] {group.size()}, partials.shape(), "0-d parts stack into one per member");
            }
        }
    }

    @Test
    void randomSplitsEqualASingleDeviceRunBitForBit() {
        long seed = 20261207L;
        for (int rows : new int[] {1, 3, 7, 1001}) {
            for (long[] shape : new long[][] {{rows}, {rows, 3}}) {
                try (GPUArray single = ctx.random(seed).uniform(DType.FLOAT32, shape);
                     ShardedArray parts = group.uniform(seed, DType.FLOAT32, shape); GPUArray whole = parts.gather(ctx)) {
                    assertArrayEquals(single.toFloatArray(), whole.toFloatArray(), "float32 uniforms " + List.of(shape.length, rows));
                }
                try (GPUArray single = ctx.random(seed).normal(DType.FLOAT32, 1, 2, shape);
                     ShardedArray parts = group.normal(seed, DType.FLOAT32, 1, 2, shape); GPUArray whole = parts.gather(ctx)) {
                    assertArrayEquals(single.toFloatArray(), whole.toFloatArray(), "float32 normals " + rows);
                }
                if (ctx.device().fp64()) {
                    try (GPUArray single = ctx.random(seed).uniform(DType.FLOAT64, shape);
                         ShardedArray parts = group.uniform(seed, DType.FLOAT64, shape); GPUArray whole = parts.gather(ctx)) {
                        assertArrayEquals(single.toDoubleArray(), whole.toDoubleArray(), "float64 uniforms " + rows);
                    }
                }
            }
        }
    }

    @Test
    void anyStretchOfTheStreamStartsAtAnyElement() {
        long seed = 7;
        try (GPUArray full = ctx.random(seed).uniform(DType.FLOAT32, 40)) {
            float[] all = full.toFloatArray();
            for (int first = 0; first < 9; first++) {
                try (GPUArray stretch = PhiloxStream.uniform(group.context(group.size() - 1), seed, DType.FLOAT32, first, 5, 2)) {
                    float[] expected = Arrays.copyOfRange(all, first, first + 10);
                    assertArrayEquals(expected, stretch.toFloatArray(), "from element " + first);
                    assertArrayEquals(new long[] {5, 2}, stretch.shape());
                }
            }
            try (GPUArray skipped = ctx.random(seed, 3).uniform(DType.FLOAT32, 4)) {
                assertArrayEquals(Arrays.copyOfRange(all, 12, 16), skipped.toFloatArray(), "offset in blocks");
            }
        }
        assertThrows(IllegalArgumentException.class, () -> PhiloxStream.uniform(ctx, seed, DType.INT32, 0, 4));
        assertThrows(IllegalArgumentException.class, () -> PhiloxStream.uniform(ctx, seed, DType.FLOAT32, -1, 4));
        assertThrows(IllegalArgumentException.class, () -> ctx.random(seed, -1));
    }

    @Test
    void aFailureNamesTheMemberAndItsDevice() {
        int last = group.size() - 1;
        DeviceGroupException e = assertThrows(DeviceGroupException.class, () -> group.run((context, member) -> {
            if (member == last) {
                throw new IllegalStateException("boom on " + member);
            }
            return member;
        }));
        assertEquals(last, e.member());
        assertEquals(group.context(last).device(), e.device());
        assertTrue(e.getMessage().contains("member " + last) && e.getMessage().contains(e.device().toString()),
                e.getMessage());
        assertEquals("boom on " + last, e.getCause().getMessage());

        try (ShardedArray parts = group.split(new float[10]); GPUArray foreign = ctx.zeros(DType.FLOAT32, 1)) {
            DeviceGroupException shapes = assertThrows(DeviceGroupException.class,
                    () -> parts.map(p -> p.add(p.context().zeros(DType.FLOAT32, 2))).close());
            assertInstanceOf(IllegalArgumentException.class, shapes.getCause());
            assertTrue(shapes.getCause().getMessage().contains("(2,)"), shapes.getCause().getMessage());
            DeviceGroupException elsewhere = assertThrows(DeviceGroupException.class,
                    () -> parts.map(p -> p.context() == group.context(0) ? foreign : p.copy()).close());
            assertEquals(0, elsewhere.member(), "a result on another context is refused");
            assertInstanceOf(IllegalArgumentException.class, elsewhere.getCause());
        }
        List<Integer> members = new ArrayList<>();
        for (int k = 0; k < group.size(); k++) {
            members.add(k);
        }
        assertEquals(members, group.run((context, member) -> member), "the group still works after failures");
    }

    @Test
    void aClosedGroupRefusesWork() {
        DeviceGroup own = DeviceGroup.open(backend(), 0);
        GpuContext member = own.context(0);
        own.close();
        assertTrue(member.isClosed(), "closing the group closes its contexts");
        assertThrows(IllegalStateException.class, () -> own.run((c, m) -> m));
        assertThrows(IllegalArgumentException.class, () -> DeviceGroup.open(backend(), new int[0]));
    }
}
