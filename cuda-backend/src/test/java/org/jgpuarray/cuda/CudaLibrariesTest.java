package org.jgpuarray.cuda;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Arrays;
import org.jgpuarray.DType;
import org.jgpuarray.GPUArray;
import org.jgpuarray.GpuContext;
import org.jgpuarray.blas.Transpose;
import org.jgpuarray.random.GpuRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * cuBLAS, cuFFT and cuRAND on a real GPU, beyond the conformance suites: which implementation runs, edge
 * cases routed specially (gemv with an empty x, dot of empty vectors, cuFFT's output scaled by the
 * backend's kernel in the same stream, inverse real transforms of non-Hermitian half spectra giving
 * NumPy's answers), and that the stateless cuRAND provider's offsets make
 * successive calls continue one stream (which checks the unit of {@code curandSetGeneratorOffset}).
 * Skipped without a GPU; each part skipped, with the reason, where its library did not load.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("cuda")
@Tag("gpu")
class CudaLibrariesTest {
    private GpuContext ctx;

    @BeforeAll
    void open() {
        CudaDeviceTest.requireCuda(getClass().getSimpleName());
        ctx = GpuContext.create("cuda");
        System.out.println("CudaLibrariesTest: cublas=" + ctx.device().properties().get("cublas") + "; cufft="
                + ctx.device().properties().get("cufft") + "; curand=" + ctx.device().properties().get("curand"));
    }

    @AfterAll
    void close() {
        if (ctx != null) {
            ctx.close();
        }
    }

    @Test
    void cublasEdgeCases() {
        requireLoaded("cublas");
        assertTrue(ctx.blas().implementation().startsWith("cuBLAS"), ctx.blas().implementation());
        try (GPUArray a = ctx.zeros(DType.FLOAT32, 3, 0); GPUArray x = ctx.zeros(DType.FLOAT32, 0);
             GPUArray y = ctx.toGpu(new float[] {1, Float.NaN, 3})) {
            ctx.blas().gemv(Transpose.NONE, 1, a, x, 0, y);
            assertArrayEquals(new float[] {0, 0, 0}, y.toFloatArray(), "beta = 0 overwrites y, NaN included");
            y.set(new float[] {1, 2, 3});
            ctx.blas().gemv(Transpose.NONE, 1, a, x, 2, y);
            assertArrayEquals(new float[] {2, 4, 6}, y.toFloatArray(), "y = beta y");
            try (GPUArray d = ctx.blas().dot(x, x); GPUArray n = ctx.blas().nrm2(x)) {
                assertEquals(0, d.item());
                assertEquals(0, n.item());
            }
        }
        try (GPUArray ones = ctx.full(DType.FLOAT64, 1.0, 64, 64); GPUArray c = ctx.zeros(DType.FLOAT64, 64, 64)) {
            ctx.blas().gemm(Transpose.NONE, Transpose.TRANSPOSE, 0.5, ones, ones, 0, c);
            double[] v = c.toDoubleArray();
            assertTrue(Arrays.stream(v).allMatch(e -> e == 32), "gemm after a fill kernel, without a sync: " + v[0]);
        }
    }

    @Test
    void cufftScalesInTheSameStream() {
        requireLoaded("cufft");
        assertTrue(ctx.fft().implementation().startsWith("cuFFT"), ctx.fft().implementation());
        float[] x = new float[2 * 1000];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) Math.sin(i * 0.37);
        }
        try (GPUArray g = ctx.toGpuComplex(DType.COMPLEX64, x, 4, 250); GPUArray f = ctx.fft().fft(g);
             GPUArray back = ctx.fft().ifft(f)) {
            float[] y = back.toFloatArray();
            for (int i = 0; i < x.length; i++) {
                assertEquals(x[i], y[i], 1e-5, "round trip element " + i);
            }
        }
    }

    @Test
    void cufftInverseRealTransformsOfAnyHalfSpectrumAreNumpys() {
        requireLoaded("cufft");
        java.util.Random r = new java.util.Random(9);
        int[][] shapes = {{1, 8}, {1, 7}, {4, 6}, {5, 9}};
        for (int[] s : shapes) {
            int n0 = s[0];
            int n1 = s[1];
            int half1 = n1 / 2 + 1;
            double[] half = new double[2 * 2 * n0 * half1];
            float[] single = new float[half.length];
            for (int i = 0; i < half.length; i++) {
                single[i] = (float) (r.nextDouble() * 2 - 1);
                half[i] = single[i];
            }
            double[] expected = org.jgpuarray.cuda.fake.Dft.numpyInverseReal(half, 2, n0, n1);
            long[] shape = n0 == 1 ? new long[] {2, half1} : new long[] {2, n0, half1};
            try (GPUArray g = ctx.toGpuComplex(DType.COMPLEX64, single, shape);
                 GPUArray x = n0 == 1 ? ctx.fft().irfft(g, n1) : ctx.fft().irfft2(g, n1)) {
                float[] got = x.toFloatArray();
                for (int i = 0; i < expected.length; i++) {
                    assertEquals(expected[i] / (n0 * n1), got[i], 1e-5, n0 + "x" + n1 + " element " + i);
                }
            }
        }
    }

    @Test
    void curandCallsContinueOneStream() {
        requireLoaded("curand");
        GpuRandom probe = ctx.random(5).deviceLibrary().orElseThrow();
        assertTrue(probe.implementation().startsWith("cuRAND"), probe.implementation());
        assertArrayEquals(floats(DType.FLOAT32, "uniform", 8), concat(DType.FLOAT32, "uniform", 4, 4), "uniform float32");
        assertArrayEquals(floats(DType.FLOAT64, "uniform", 4), concat(DType.FLOAT64, "uniform", 2, 2), "uniform float64");
        assertArrayEquals(floats(DType.FLOAT32, "normal", 8), concat(DType.FLOAT32, "normal", 4, 4), "normal float32");
        assertArrayEquals(floats(DType.FLOAT64, "normal", 8), concat(DType.FLOAT64, "normal", 4, 4), "normal float64");
        GpuRandom a = ctx.random(5).deviceLibrary().orElseThrow();
        GpuRandom b = ctx.random(5).deviceLibrary().orElseThrow();
        try (GPUArray four = a.bits(4); GPUArray more = a.bits(4); GPUArray eight = b.bits(8)) {
            int[] joined = Arrays.copyOf(four.toIntArray(), 8);
            System.arraycopy(more.toIntArray(), 0, joined, 4, 4);
            assertArrayEquals(eight.toIntArray(), joined, "bits");
        }
        double[] odd = floats(DType.FLOAT32, "normal", 7);
        double[] even = floats(DType.FLOAT32, "normal", 8);
        assertArrayEquals(Arrays.copyOf(even, 6), Arrays.copyOf(odd, 6), "the even part of an odd count");
        assertTrue(Double.isFinite(odd[6]), "the tail of an odd count");
        System.out.println("CudaLibrariesTest: the tail of 7 normals " + (odd[6] == even[6] ? "continues" : "does not"
                + " continue") + " cuRAND's own stream (" + odd[6] + " vs " + even[6] + ")");
    }

    /** Skips unless {@code library} serves this device; the first use loads it (the probe only says where it is). */
    private void requireLoaded(String library) {
        String what = switch (library) {
            case "cublas" -> ctx.blas().implementation();
            case "cufft" -> ctx.fft().implementation();
            default -> ctx.random(1).deviceLibrary().map(GpuRandom::implementation)
                    .orElse(String.valueOf(ctx.device().properties().get(library)));
        };
        if (!what.startsWith("cu")) {
            System.out.println("SKIPPED CudaLibrariesTest " + library + ": " + what);
        }
        assumeTrue(what.startsWith("cu"), what);
    }

    /** {@code n} values of a fresh seed-5 cuRAND stream, as doubles. */
    private double[] floats(DType type, String kind, int n) {
        GpuRandom g = ctx.random(5).deviceLibrary().orElseThrow();
        try (GPUArray v = kind.equals("uniform") ? g.uniform(type, n) : g.normal(type, 0, 1, n)) {
            return type == DType.FLOAT64 ? v.toDoubleArray() : widen(v.toFloatArray());
        }
    }

    /** Two successive calls of one fresh seed-5 stream, joined. */
    private double[] concat(DType type, String kind, int first, int second) {
        GpuRandom g = ctx.random(5).deviceLibrary().orElseThrow();
        double[] joined = new double[first + second];
        int at = 0;
        for (int n : new int[] {first, second}) {
            try (GPUArray v = kind.equals("uniform") ? g.uniform(type, n) : g.normal(type, 0, 1, n)) {
                double[] part = type == DType.FLOAT64 ? v.toDoubleArray() : widen(v.toFloatArray());
                System.arraycopy(part, 0, joined, at, n);
                at += n;
            }
        }
        return joined;
    }

    private static double[] widen(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }
}
