package org.jgpuarray.cuda;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Random;
import org.jgpuarray.DType;
import org.jgpuarray.GPUArray;
import org.jgpuarray.GpuContext;
import org.jgpuarray.LaunchConfig;
import org.jgpuarray.device.OutOfDeviceMemoryException;
import org.jgpuarray.SourceModule;
import org.jgpuarray.cuda.compiler.RawRecipes;
import org.jgpuarray.device.BackendProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Raw modules (PyCUDA's SourceModule recipes), timers and memory errors on a real GPU; skipped without one. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("cuda")
@Tag("gpu")
class CudaDeviceTest {
    private GpuContext ctx;

    /** Skips the calling class, printing why, when the CUDA backend cannot start here. */
    static BackendProbe requireCuda(String test) {
        BackendProbe probe = new CudaBackend().probe();
        if (!probe.available()) {
            System.out.println("SKIPPED " + test + ": " + probe.reason());
        }
        assumeTrue(probe.available(), probe::reason);
        return probe;
    }

    @BeforeAll
    void open() {
        requireCuda(getClass().getSimpleName());
        ctx = GpuContext.create("cuda");
        System.out.println("CudaDeviceTest on " + ctx.device() + " " + ctx.device().properties());
    }

    @AfterAll
    void close() {
        if (ctx != null) {
            ctx.close();
        }
    }

    @Test
    void doubleA5x5Matrix() {
        float[] a = random(25, 1);
        try (SourceModule m = ctx.sourceModule(RawRecipes.DOUBLE_5X5); GPUArray g = ctx.toGpu(a, 5, 5)) {
            m.function("double_matrix").launch(new long[] {1, 1}, new long[] {5, 5}, g, 5);
            float[] doubled = g.toFloatArray();
            for (int k = 0; k < 25; k++) {
                assertEquals(2 * a[k], doubled[k], 0f, "element " + k);
            }
        }
    }

    @Test
    void pycudaDoublifyWithCppLinkage() {
        float[] a = random(16, 2);
        try (SourceModule m = ctx.sourceModule(RawRecipes.DOUBLIFY); GPUArray g = ctx.toGpu(a, 4, 4)) {
            m.function("doublify").launch(new long[] {1, 1}, new long[] {4, 4}, g);
            float[] doubled = g.toFloatArray();
            for (int k = 0; k < 16; k++) {
                assertEquals(2 * a[k], doubled[k], 0f);
            }
            assertThrows(IllegalArgumentException.class, () -> m.function("no_such_kernel"));
        }
    }

    @Test
    void matrixMulKernel() {
        int size = 5;
        float[] a = random(size * size, 3);
        float[] b = random(size * size, 4);
        double[] expected = new double[size * size];
        for (int r = 0; r < size; r++) {
            for (int c = 0; c < size; c++) {
                for (int k = 0; k < size; k++) {
                    expected[r * size + c] += (double) a[r * size + k] * b[k * size + c];
                }
            }
        }
        try (SourceModule m = ctx.sourceModule(RawRecipes.MATRIX_MUL, "-DMATRIX_SIZE=" + size);
             GPUArray ga = ctx.toGpu(a, size, size); GPUArray gb = ctx.toGpu(b, size, size);
             GPUArray gc = ctx.full(DType.FLOAT32, Float.NaN, size, size)) {
            m.function("MatrixMulKernel").launch(new long[] {1, 1}, new long[] {size, size}, ga, gb, gc);
            float[] c = gc.toFloatArray();
            for (int k = 0; k < c.length; k++) {
                assertEquals(expected[k], c[k], 1e-5, "element " + k);
            }
        }
    }

    @Test
    void eventTimerMeasuresDeviceWork() {
        try (GPUArray x = ctx.full(DType.FLOAT32, 1.5, 1 << 24)) {
            x.add(1.0).close();
            var timer = ctx.startTimer();
            x.mul(3.0).close();
            long nanos = timer.stopNanos();
            assertTrue(nanos > 0 && nanos < 10_000_000_000L, "elapsed " + nanos + " ns");
        }
    }

    @Test
    void outOfMemoryIsItsOwnExceptionAndHarmless() {
        long total = ctx.device().globalMemoryBytes();
        OutOfDeviceMemoryException e = assertThrows(OutOfDeviceMemoryException.class,
                () -> ctx.empty(DType.FLOAT64, total / 4));
        assertEquals(2, e.code());
        try (GPUArray x = ctx.toGpu(new int[] {1, 2, 3})) {
            assertArrayEquals(new int[] {1, 2, 3}, x.toIntArray(), "the context works after an allocation failure");
        }
    }

    /**
     * PyCUDA's {@code shared=} on a real GPU: a block reverses its slice through {@code extern __shared__}
     * memory, once within the default 48 KiB and once beyond it (the kernel is opted in first); more than the
     * device allows is refused before launching.
     */
    @Test
    void dynamicSharedMemoryBeyond48KiB() {
        String reverse = "extern \"C\" __global__ void reverse(float *x, int perThread)\n"
                + "{\n"
                + "    extern __shared__ float s[];\n"
                + "    int n = blockDim.x * perThread;\n"
                + "    for (int k = threadIdx.x; k < n; k += blockDim.x) s[k] = x[blockIdx.x * n + k];\n"
                + "    __syncthreads();\n"
                + "    for (int k = threadIdx.x; k < n; k += blockDim.x) x[blockIdx.x * n + k] = s[n - 1 - k];\n"
                + "}\n";
        try (SourceModule m = ctx.sourceModule(reverse); GPUArray one = ctx.zeros(DType.FLOAT32, 1)) {
            for (int perThread : new int[] {16, 96}) { // 256 threads: 16 KiB, then 96 KiB of shared memory
                int n = 256 * perThread;
                float[] x = random(2 * n, perThread);
                try (GPUArray g = ctx.toGpu(x)) {
                    m.function("reverse").launch(LaunchConfig.of(new long[] {2}, new long[] {256})
                            .withSharedBytes((long) n * Float.BYTES), g, perThread);
                    float[] back = g.toFloatArray();
                    for (int k = 0; k < 2 * n; k++) {
                        assertEquals(x[(k / n) * n + n - 1 - k % n], back[k], 0, perThread + " per thread, at " + k);
                    }
                }
            }
            assertThrows(IllegalArgumentException.class, () -> m.function("reverse").launch(
                    LaunchConfig.of(new long[] {1}, new long[] {1}).withSharedBytes(1L << 30), one, 1));
        }
    }

    /** jgpuarray pushes and pops its context: nothing of it stays current on the calling thread. */
    @Test
    void leavesNoContextCurrent() {
        try (GPUArray x = ctx.toGpu(new float[] {1, 2, 3})) {
            x.sum().item();
        }
        jcuda.driver.CUcontext current = new jcuda.driver.CUcontext();
        assertEquals(0, jcuda.driver.JCudaDriver.cuCtxGetCurrent(current));
        assertEquals(new jcuda.driver.CUcontext(), current, "the thread's context stack is as it was");
    }

    private static float[] random(int n, long seed) {
        Random r = new Random(seed);
        float[] a = new float[n];
        for (int k = 0; k < n; k++) {
            a[k] = r.nextFloat() * 2 - 1;
        }
        return a;
    }
}
