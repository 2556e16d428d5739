package org.jgpuarray.samples.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The checks accept the plain Java loop's answer and reject a corrupted one, for every workload. */
class WorkloadCheckTest {
    @ParameterizedTest
    @ValueSource(strings = {"elementwise", "reduce", "dot", "gemm"})
    void javaLoopPassesAndACorruptedResultIsWrong(String name) {
        Workload w = Workloads.select(List.of(name), 1L << 20).get(0);
        for (long size : new long[] {1, 1000, 1 << 16}) {
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
    void gemmSizesAboveTheLimitAreSkippedWithTheReason() {
        GemmWorkload gemm = new GemmWorkload(1L << 18);
        assertTrue(gemm.skipReason(1L << 18).isEmpty());
        assertTrue(gemm.skipReason(1L << 20).orElseThrow().contains("--max-gemm-size"));
        assertEquals("512x512x512", gemm.sizeLabel(1L << 18));
        assertEquals(2.0 * 512 * 512 * 512, gemm.work(1L << 18));
    }

    @Test
    void pendingLibrariesSaySo() {
        for (String name : new String[] {"fft", "rng"}) {
            Workload w = Workloads.select(List.of(name), 1).get(0);
            assertTrue(w.skipReason(1024).orElseThrow().contains("not yet available"));
            assertThrows(UnsupportedOperationException.class, () -> w.prepare(1024, 1));
        }
    }

    @Test
    void unknownWorkloadListsTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Workloads.select(List.of("fft2"), 1));
        assertTrue(e.getMessage().contains("elementwise") && e.getMessage().contains("gemm"), e.getMessage());
    }
}
