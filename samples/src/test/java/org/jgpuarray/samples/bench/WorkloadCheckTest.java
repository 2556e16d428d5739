package org.jgpuarray.samples.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The checks accept the plain Java loop's answer and reject a corrupted one, for every workload. */
class WorkloadCheckTest {
    @ParameterizedTest
    @ValueSource(strings = {"elementwise", "reduce", "dot", "gemm", "fft", "rng", "bmm", "bmm-loop", "imatmul"})
    void javaLoopPassesAndACorruptedResultIsWrong(String name) {
        Workload w = Workloads.select(List.of(name)).get(0);
        for (long size : new long[] {1, 1000, 1 << 16}) {
            if (w.skipReason(size).isPresent() || w.javaSkipReason(size).isPresent()) {
                continue;
            }
            Problem p = w.prepare(size, 7);
            float[] good = p.runJava().clone();
            Check ok = p.check(good);
            assertTrue(ok.ok(), () -> name + " " + size + ": " + ok);
            float[] bad = good.clone();
            bad[bad.length / 2] += 1f;
            assertFalse(p.check(bad).ok(), () -> name + " " + size + " accepted a corrupted result");
            bad[bad.length / 2] = Float.NaN;
            assertFalse(p.check(bad).ok(), () -> name + " " + size + " accepted NaN");
        }
    }

    @Test
    void gemmSizesReadAsMatrixSides() {
        GemmWorkload gemm = new GemmWorkload();
        assertEquals("512x512x512", gemm.sizeLabel(1L << 18));
        assertEquals("31x31x31", gemm.sizeLabel(1000));
        assertEquals(2.0 * 512 * 512 * 512, gemm.work(1L << 18));
    }

    @Test
    void batchedMatmulSizesCountWholeMatrices() {
        BatchedMatmulWorkload bmm = new BatchedMatmulWorkload(false);
        assertEquals("64x(128x128x128)", bmm.sizeLabel(1L << 20));
        assertEquals(2.0 * 64 * 128 * 128 * 128, bmm.work(1L << 20));
        assertTrue(bmm.skipReason(16000).isPresent(), "less than one matrix");
        assertEquals("bmm-loop", new BatchedMatmulWorkload(true).name());
        assertEquals("1024x1024x1024", new IntMatmulWorkload().sizeLabel(1L << 20));
    }

    @Test
    void fftIsRatedAtFiveNLogNAndHasNoNd4jPeer() {
        FftWorkload fft = new FftWorkload();
        assertEquals(5.0 * 1024 * 10, fft.work(1024), 1e-6);
        assertTrue(fft.javaSkipReason(1024).isEmpty());
        assertTrue(fft.javaSkipReason(1000).orElseThrow().contains("power of two"));
        assertTrue(fft.nd4jSkipReason().orElseThrow().contains("ND4J"));
        assertThrows(UnsupportedOperationException.class, () -> fft.prepare(16, 1).onNd4j());
    }

    @Test
    void fftOfAnyLengthIsCheckedAgainstTheFloat64Transform() {
        int n = 1000;
        Problem p = new FftWorkload().prepare(n, 3);
        float[] re = HostData.uniform(n, 3);
        float[] im = HostData.uniform(n, 4);
        double[] x = new double[2 * n];
        for (int k = 0; k < n; k++) {
            x[2 * k] = re[k];
            x[2 * k + 1] = im[k];
        }
        double[] exact = ReferenceFft.forward(x);
        float[] rounded = new float[2 * n];
        for (int k = 0; k < rounded.length; k++) {
            rounded[k] = (float) exact[k];
        }
        assertTrue(p.check(rounded).ok(), () -> p.check(rounded).toString());
        rounded[5] += 0.5f;
        assertFalse(p.check(rounded).ok());
        assertFalse(p.check(new float[2 * n - 2]).ok());
    }

    @Test
    void uniformsPassAndBiasedOrOutOfRangeNumbersFail() {
        int n = 1 << 16;
        SplittableRandom random = new SplittableRandom(5);
        float[] u = new float[n];
        for (int k = 0; k < n; k++) {
            u[k] = random.nextFloat();
        }
        assertTrue(RngWorkload.checkUniform(u).ok(), () -> RngWorkload.checkUniform(u).toString());
        float[] biased = u.clone();
        for (int k = 0; k < n; k++) {
            biased[k] *= 0.98f;
        }
        assertFalse(RngWorkload.checkUniform(biased).ok(), "a mean of 0.49 passed");
        float[] narrow = u.clone();
        for (int k = 0; k < n; k++) {
            narrow[k] = 0.25f + 0.5f * narrow[k];
        }
        Check c = RngWorkload.checkUniform(narrow);
        assertFalse(c.ok(), "a variance of 1/48 passed");
        assertTrue(c.detail().contains("variance"), c::toString);
        float[] one = u.clone();
        one[17] = 1f;
        assertTrue(RngWorkload.checkUniform(one).detail().contains("u[17] = 1.000000 is outside [0, 1)"));
    }

    @Test
    void unknownWorkloadListsTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Workloads.select(List.of("fft2")));
        assertTrue(e.getMessage().contains("elementwise") && e.getMessage().contains("rng"), e.getMessage());
    }

    @Test
    void everyWorkloadRunsByDefault() {
        assertEquals(List.copyOf(Workloads.all().keySet()), Workloads.DEFAULT);
    }
}
