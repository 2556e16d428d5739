package org.jgpuarray.cuda;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.jgpuarray.cuda.internal.CudaDriver;
import org.jgpuarray.kernels.ScalarType;
import org.jgpuarray.spi.BackendDevice;
import org.jgpuarray.spi.DeviceBuffer;
import org.jgpuarray.spi.HostArray;
import org.jgpuarray.spi.PinnedMemory;
import org.jgpuarray.spi.gpu.GpuKernel;
import org.jgpuarray.spi.gpu.GpuMarker;
import org.jgpuarray.spi.gpu.GpuQueue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The CUDA driver's streams, events, pinned memory and asynchronous copies on a real GPU, below the core
 * (whose stream suite tests the public API): work ordered across two streams by an event gives the right values,
 * events' times are positive and ordered, Java arrays round-trip through the synchronous fallback. Results are
 * checked against float64 references computed here, outputs poisoned first. Skipped without a GPU.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("cuda")
@Tag("gpu")
class CudaStreamDriverTest {
    private static final String TWICE = "extern \"C\" __global__ void twice(const float *x, float *y, int n) {\n"
            + "  int i = blockIdx.x * blockDim.x + threadIdx.x;\n"
            + "  if (i < n) y[i] = 2.0f * x[i];\n"
            + "}\n";
    private BackendDevice device;
    private CudaDriver driver;
    private GpuKernel twice;

    @BeforeAll
    void open() {
        CudaDeviceTest.requireCuda(getClass().getSimpleName());
        device = new CudaBackend().open(0);
        driver = (CudaDriver) device.unwrap(CudaFeatures.class).orElseThrow();
        twice = driver.build("twice", TWICE, List.of()).kernel("twice").orElseThrow();
    }

    @AfterAll
    void close() {
        if (device != null) {
            device.close();
        }
    }

    /** Copy in in stream A, an event, the kernel and the copy out in stream B after waiting for it. */
    @Test
    void workOrderedAcrossTwoStreamsByAnEvent() {
        for (int n : new int[] {1, 3, 1000, 1_000_003}) {
            long seed = 1234 + n;
            float[] x = random(n, seed);
            PinnedMemory in = driver.allocatePinned(4L * n);
            PinnedMemory out = driver.allocatePinned(4L * n);
            FloatBuffer inValues = in.buffer().asFloatBuffer().put(x);
            FloatBuffer outValues = out.buffer().asFloatBuffer();
            for (int i = 0; i < n; i++) {
                outValues.put(i, Float.NaN);
            }
            DeviceBuffer dx = driver.allocate(4L * n);
            DeviceBuffer dy = driver.allocate(4L * n);
            GpuQueue a = driver.createQueue();
            GpuQueue b = driver.createQueue();
            try {
                driver.select(a);
                driver.writeAsync(HostArray.direct(ScalarType.FLOAT32, inValues.rewind()), 0, dx, 0, n);
                GpuMarker copied = a.record();
                b.waitFor(copied);
                driver.select(b);
                twice.launch(new long[] {(n + 255) / 256, 1, 1}, new long[] {256, 1, 1}, 0, new Object[] {dx, dy, n});
                driver.readAsync(dy, 0, HostArray.direct(ScalarType.FLOAT32, outValues.rewind()), 0, n);
                b.synchronize();
                assertTrue(b.isDone() && copied.isDone(), "done after synchronize");
                float[] y = new float[n];
                outValues.get(0, y);
                for (int i = 0; i < n; i++) {
                    assertEquals(2.0 * x[i], y[i], 0.0, "y[" + i + "], n " + n + ", seed " + seed);
                }
                copied.release();
            } finally {
                driver.select(driver.ownQueue());
                a.release();
                b.release();
                in.release();
                out.release();
                dx.release();
                dy.release();
            }
        }
    }

    /** Events around kernels: times from the first event are positive and grow with the work recorded before. */
    @Test
    void eventTimesArePositiveAndOrdered() {
        int n = 1 << 22;
        DeviceBuffer dx = driver.allocate(4L * n);
        DeviceBuffer dy = driver.allocate(4L * n);
        GpuQueue q = driver.createQueue();
        try {
            driver.select(q);
            GpuMarker start = q.record();
            GpuMarker[] after = new GpuMarker[2];
            for (int half = 0; half < 2; half++) {
                for (int k = 0; k < 10; k++) {
                    twice.launch(new long[] {n / 256, 1, 1}, new long[] {256, 1, 1}, 0, new Object[] {dx, dy, n});
                }
                after[half] = q.record();
            }
            double first = after[0].elapsedMillisSince(start);
            double both = after[1].elapsedMillisSince(start);
            assertTrue(first > 0 && both > first, "elapsed " + first + " ms after 10 launches, " + both + " after 20");
            start.release();
            after[0].release();
            after[1].release();
        } finally {
            driver.select(driver.ownQueue());
            q.release();
            dx.release();
            dy.release();
        }
    }

    /** Java arrays take the synchronous copies in a created stream; offsets are honoured both ways. */
    @Test
    void javaArraysRoundTripThroughTheSynchronousFallback() {
        float[] x = random(1001, 7);
        DeviceBuffer d = driver.allocate(4L * 1001);
        GpuQueue q = driver.createQueue();
        try {
            driver.select(q);
            driver.writeAsync(HostArray.of(x), 3, d, 8, 990);
            float[] back = new float[1001];
            Arrays.fill(back, Float.NaN);
            driver.readAsync(d, 8, HostArray.of(back), 5, 990);
            float[] expected = new float[1001];
            Arrays.fill(expected, Float.NaN);
            System.arraycopy(x, 3, expected, 5, 990);
            assertArrayEquals(expected, back, "already there: the fallback waits");
            assertThrows(IllegalStateException.class, () -> driver.ownQueue().release());
        } finally {
            driver.select(driver.ownQueue());
            q.release();
            d.release();
        }
    }

    private static float[] random(int n, long seed) {
        Random r = new Random(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = r.nextFloat() * 2 - 1;
        }
        return x;
    }
}
