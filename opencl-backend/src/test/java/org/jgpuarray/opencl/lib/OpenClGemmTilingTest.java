package org.jgpuarray.opencl.lib;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Random;
import org.jgpuarray.DType;
import org.jgpuarray.GPUArray;
import org.jgpuarray.GpuContext;
import org.jgpuarray.blas.Transpose;
import org.jgpuarray.device.BackendProbe;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The portable GEMM kernel in tilings the system property {@code jgpuarray.gemm.tiling} can pick
 * (PoCL runs the large one by default and in the conformance suite; GPUs the 64x64 one), all transpose
 * combinations, ragged sizes.
 */
@Tag("opencl")
class OpenClGemmTilingTest {
    @ParameterizedTest
    @ValueSource(strings = {"gpu", "small", "16x32x8:2x4"})
    void tilingComputesTheProduct(String tiling) {
        BackendProbe probe = GpuContext.probeBackends().stream().filter(p -> p.backend().equals("opencl")).findFirst()
                .orElse(BackendProbe.unavailable("opencl", "not on the class path"));
        assumeTrue(probe.available(), () -> "OpenCL unavailable: " + probe.reason());
        System.setProperty("jgpuarray.gemm.tiling", tiling);
        try (GpuContext ctx = GpuContext.create("opencl")) {
            assertTrue(ctx.blas().implementation().contains("tiles"), ctx.blas().implementation());
            int m = 67;
            int n = 45;
            int k = 130;
            Random r = new Random(tiling.hashCode());
            float[] a = new float[m * k];
            float[] b = new float[k * n];
            for (int i = 0; i < a.length; i++) {
                a[i] = r.nextFloat() - 0.5f;
            }
            for (int i = 0; i < b.length; i++) {
                b[i] = r.nextFloat() - 0.5f;
            }
            for (Transpose ta : Transpose.values()) {
                for (Transpose tb : Transpose.values()) {
                    long[] sa = ta.transposed() ? new long[] {k, m} : new long[] {m, k};
                    long[] sb = tb.transposed() ? new long[] {n, k} : new long[] {k, n};
                    try (GPUArray ga = ctx.toGpu(a, sa); GPUArray gb = ctx.toGpu(b, sb);
                         GPUArray gc = ctx.full(DType.FLOAT32, Float.NaN, m, n)) {
                        ctx.blas().gemm(ta, tb, 1.25, ga, gb, 0, gc);
                        float[] c = gc.toFloatArray();
                        for (int i = 0; i < m; i++) {
                            for (int j = 0; j < n; j++) {
                                double acc = 0;
                                double mag = 0;
                                for (int p = 0; p < k; p++) {
                                    double x = ta.transposed() ? a[p * m + i] : a[i * k + p];
                                    double y = tb.transposed() ? b[j * k + p] : b[p * n + j];
                                    acc += x * y;
                                    mag += Math.abs(x * y);
                                }
                                double err = Math.abs(c[i * n + j] - 1.25 * acc);
                                assertTrue(err <= 1.25 * mag * (k + 2) * 0x1p-23, tiling + " " + ta + "/" + tb + " at ("
                                        + i + ", " + j + "): " + c[i * n + j] + " vs " + 1.25 * acc);
                            }
                        }
                    }
                }
            }
        } finally {
            System.clearProperty("jgpuarray.gemm.tiling");
        }
    }
}
