package org.jgpuarray.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import org.jgpuarray.DType;
import org.jgpuarray.device.DeviceException;
import org.jgpuarray.GPUArray;
import org.jgpuarray.GpuContext;
import org.jgpuarray.SourceModule;
import org.jgpuarray.blas.Transpose;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A kernel that writes to an illegal address breaks its context for good: the next call reports
 * CUDA_ERROR_ILLEGAL_ADDRESS, later calls say the context is unusable, and a new context works once
 * the broken one is closed, also after cuBLAS ran (whose CUDA runtime retains the primary context: the
 * device is reset when its last context closes), cuBLAS included. Runs in a child JVM, so that the broken
 * primary context cannot disturb other tests; skipped without a GPU.
 */
@Tag("cuda")
@Tag("gpu")
class CudaStickyErrorTest {
    @Test
    void illegalAddressBreaksTheContextClearly() throws Exception {
        CudaDeviceTest.requireCuda(getClass().getSimpleName());
        ChildProcess.Result result = ChildJvm.run(Main.class, Map.of(), 300);
        System.out.println(result.output());
        assertEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains("OK sticky"), result.output());
    }

    /** The child: provokes the fault and checks every step. */
    public static final class Main {
        /** Exits 0 when every check passed. */
        public static void main(String[] args) {
            GpuContext ctx = GpuContext.create("cuda");
            String blas = ctx.blas().implementation();
            gemm(ctx); // cuBLAS's runtime now retains the primary context: closing alone would not recover it
            GPUArray x = ctx.zeros(DType.FLOAT32, 8);
            SourceModule m = ctx.sourceModule("extern \"C\" __global__ void fault(float *x)\n"
                    + "{ *((volatile float *) 8) = x[0]; }\n");
            m.function("fault").launch(new long[] {1}, new long[] {1}, x);
            DeviceException first = expect(x::toFloatArray);
            check(first.code() == 700 || first.code() == 719, "illegal address expected: " + first.getMessage());
            check(first.getMessage().contains("unusable"), first.getMessage());
            DeviceException later = expect(() -> ctx.zeros(DType.FLOAT32, 2));
            check(later.getMessage().contains("unusable after"), later.getMessage());
            x.close();
            m.close();
            ctx.close();
            try (GpuContext fresh = GpuContext.create("cuda"); GPUArray y = fresh.toGpu(new float[] {1, 2})) {
                float[] doubled = y.mul(2.0).toFloatArray();
                check(Arrays.equals(new float[] {2, 4}, doubled), "a new context computes: " + Arrays.toString(doubled));
                gemm(fresh);
            }
            System.out.println("OK sticky (after " + blas + "): " + first.getMessage().lines().findFirst().orElse("")
                    + " / " + later.getMessage().lines().findFirst().orElse(""));
            System.exit(0);
        }

        /** A 2x2 gemm through the context's BLAS (cuBLAS where it loads), checked. */
        private static void gemm(GpuContext ctx) {
            try (GPUArray a = ctx.toGpu(new float[] {1, 2, 3, 4}, 2, 2); GPUArray c = ctx.zeros(DType.FLOAT32, 2, 2)) {
                ctx.blas().gemm(Transpose.NONE, Transpose.NONE, 1, a, a, 0, c);
                float[] got = c.toFloatArray();
                check(Arrays.equals(new float[] {7, 10, 15, 22}, got), ctx.blas().implementation() + " computes: "
                        + Arrays.toString(got));
            }
        }

        private static DeviceException expect(Runnable call) {
            try {
                call.run();
            } catch (DeviceException e) {
                return e;
            }
            throw new AssertionError("expected a DeviceException");
        }

        private static void check(boolean condition, String message) {
            if (!condition) {
                System.out.println("FAILED: " + message);
                System.exit(1);
            }
        }
    }
}
