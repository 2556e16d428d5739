package org.jgpuarray.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jgpuarray.DType;
import org.jgpuarray.GPUArray;
import org.jgpuarray.GpuContext;
import org.jgpuarray.device.BackendUnavailableException;
import org.jgpuarray.device.DeviceInfo;
import org.junit.jupiter.api.Test;

/**
 * Several devices in one process: listing them, opening one by index, copies between contexts (every
 * dtype, awkward sizes, views, sizes past the host staging chunk), and contexts on different devices
 * computing from different threads at once. Where the backend has one device, a second context on it
 * stands in for the second device.
 */
public abstract class MultiDeviceConformance extends ConformanceBase {
    /** Device indices to pair: the first two devices, or device 0 twice where there is only one. */
    protected int otherDevice() {
        return GpuContext.devices(backend()).size() > 1 ? 1 : 0;
    }

    @Test
    void devicesListTheBackendsDevicesInIndexOrder() {
        List<DeviceInfo> devices = GpuContext.devices(backend());
        assertFalse(devices.isEmpty(), "an available backend lists its devices");
        for (int k = 0; k < devices.size(); k++) {
            assertEquals(k, devices.get(k).index(), "index of " + devices.get(k));
            assertEquals(backend(), devices.get(k).backend());
        }
        List<DeviceInfo> all = GpuContext.devices();
        assertTrue(all.containsAll(devices), "devices() includes every device of " + backend());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> GpuContext.devices("no-such-backend"));
        assertTrue(unknown.getMessage().contains("no-such-backend"), unknown.getMessage());
        System.out.println(getClass().getSimpleName() + ": " + devices);
    }

    @Test
    void createOpensTheDeviceOfThatIndex() {
        int count = GpuContext.devices(backend()).size();
        for (int k = 0; k < count; k++) {
            try (GpuContext opened = GpuContext.create(backend(), k)) {
                assertEquals(k, opened.device().index());
                assertEquals(GpuContext.devices(backend()).get(k).name(), opened.device().name());
            }
        }
        BackendUnavailableException missing = assertThrows(BackendUnavailableException.class,
                () -> GpuContext.create(backend(), count));
        assertTrue(missing.getMessage().contains("device " + count + " requested"), missing.getMessage());
        assertThrows(IllegalArgumentException.class, () -> GpuContext.create(backend(), -1));
    }

    @Test
    void copiesBetweenContextsKeepEveryValue() {
        try (GpuContext other = GpuContext.create(backend(), otherDevice())) {
            for (int n : SIZES) {
                Random r = random("copies", n);
                float[] f = floats(r, n, -1e6, 1e6);
                int[] i = ints(r, n, Integer.MIN_VALUE, Integer.MAX_VALUE);
                long[] l = longs(r, n, Long.MIN_VALUE / 2, Long.MAX_VALUE / 2);
                try (GPUArray a = ctx.toGpu(f); GPUArray b = a.to(other); GPUArray back = b.to(ctx)) {
                    assertSame(other, b.context());
                    assertArrayEquals(f, b.toFloatArray(), "float32 n=" + n);
                    assertArrayEquals(f, back.toFloatArray(), "float32 there and back n=" + n);
                }
                try (GPUArray a = ctx.toGpu(i); GPUArray b = a.to(other)) {
                    assertArrayEquals(i, b.toIntArray(), "int32 n=" + n);
                }
                try (GPUArray a = ctx.toGpu(l); GPUArray b = a.to(other)) {
                    assertArrayEquals(l, b.toLongArray(), "int64 n=" + n);
                }
                if (ctx.device().fp64() && other.device().fp64()) {
                    double[] d = doubles(r, n, -1e300, 1e300);
                    try (GPUArray a = ctx.toGpu(d); GPUArray b = a.to(other)) {
                        assertArrayEquals(d, b.toDoubleArray(), "float64 n=" + n);
                    }
                }
            }
        }
    }

    @Test
    void copiesOfViewsBoolsAndComplexValuesBetweenContexts() {
        try (GpuContext other = GpuContext.create(backend(), otherDevice());
             GPUArray base = ctx.arange(DType.INT32, 60).reshape(3, 4, 5);
             GPUArray view = base.get("::-1, 1:3, ::2").transpose();
             GPUArray copied = view.to(other);
             GPUArray expected = view.copy()) {
            assertArrayEquals(view.shape(), copied.shape());
            assertTrue(copied.isContiguous());
            assertArrayEquals(expected.toIntArray(), copied.toIntArray(), "a strided view copies its elements");
        }
        boolean[] flags = {true, false, false, true, true};
        float[] complex = {1, -2, 3.5f, 4, -5, 6};
        try (GpuContext other = GpuContext.create(backend(), otherDevice());
             GPUArray b = ctx.toGpu(flags); GPUArray bc = b.to(other);
             GPUArray c = ctx.toGpuComplex(DType.COMPLEX64, complex, 3); GPUArray cc = c.to(other)) {
            assertArrayEquals(flags, bc.toBooleanArray());
            assertEquals(DType.COMPLEX64, cc.dtype());
            assertArrayEquals(complex, cc.toFloatArray());
        }
    }

    @Test
    void copiesLargerThanOneStagingChunkArriveWhole() {
        int n = (1 << 22) + 3; // past the 4 Mi-element chunk of host staging
        float[] f = new float[n];
        for (int k = 0; k < n; k++) {
            f[k] = k * 0.5f - 7;
        }
        try (GpuContext other = GpuContext.create(backend(), otherDevice());
             GPUArray a = ctx.toGpu(f); GPUArray b = other.full(DType.FLOAT32, Float.NaN, n)) {
            try (GPUArray moved = a.to(other)) {
                assertArrayEquals(f, moved.toFloatArray());
            }
            assertTrue(Float.isNaN(b.toFloatArray()[n - 1]), "the poisoned array is untouched");
        }
    }

    @Test
    void toTheSameContextIsAPlainCopy() {
        try (GPUArray a = ctx.arange(DType.FLOAT32, 5); GPUArray b = a.to(ctx)) {
            assertNotSame(a, b);
            b.fill(1);
            assertArrayEquals(new float[] {0, 1, 2, 3, 4}, a.toFloatArray(), "the copy owns its memory");
        }
    }

    @Test
    void copiesFromOrToClosedContextsFail() {
        GpuContext other = GpuContext.create(backend(), otherDevice());
        try (GPUArray a = ctx.arange(DType.FLOAT32, 5)) {
            other.close();
            assertThrows(IllegalStateException.class, () -> a.to(other));
        }
    }

    @Test
    void contextsOnDifferentDevicesComputeFromDifferentThreadsAtOnce() throws Exception {
        int count = Math.max(2, GpuContext.devices(backend()).size());
        ExecutorService pool = Executors.newFixedThreadPool(count);
        CyclicBarrier start = new CyclicBarrier(count);
        try {
            List<Future<double[]>> sums = new ArrayList<>();
            for (int t = 0; t < count; t++) {
                int device = t % GpuContext.devices(backend()).size();
                int thread = t;
                Callable<double[]> work = () -> {
                    try (GpuContext own = GpuContext.create(backend(), device)) {
                        start.await(60, TimeUnit.SECONDS);
                        double[] results = new double[20];
                        for (int k = 0; k < results.length; k++) {
                            try (GPUArray x = own.arange(DType.FLOAT32, 100003); GPUArray y = x.mul(thread + k);
                                 GPUArray s = y.sum()) {
                                results[k] = s.item();
                            }
                        }
                        return results;
                    }
                };
                sums.add(pool.submit(work));
            }
            double base = 100003.0 * 100002.0 / 2;
            for (int t = 0; t < count; t++) {
                double[] results = sums.get(t).get(120, TimeUnit.SECONDS);
                for (int k = 0; k < results.length; k++) {
                    assertEquals(base * (t + k), results[k], 1e-4 * base * (t + k + 1), "thread " + t + " round " + k);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
