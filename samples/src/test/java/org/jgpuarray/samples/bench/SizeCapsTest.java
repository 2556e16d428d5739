package org.jgpuarray.samples.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SizeCapsTest {
    private static final List<String> KNOWN = Workloads.DEFAULT;

    @Test
    void defaultsCapGemmFftAndTheMatmuls() {
        SizeCaps caps = Workloads.DEFAULT_MAX_SIZE;
        assertEquals("gemm=2^20,fft=2^22,bmm=2^20,bmm-loop=2^20,imatmul=2^20", caps.text());
        assertTrue(caps.exceeded("imatmul", 1L << 22).isPresent());
        assertEquals(Optional.of("over --max-size gemm=2^20"), caps.exceeded("gemm", 1L << 22));
        assertTrue(caps.exceeded("gemm", 1L << 20).isEmpty());
        assertTrue(caps.exceeded("elementwise", 1L << 40).isEmpty());
    }

    @Test
    void anOptionOverridesOneWorkloadAndKeepsTheOthers() {
        SizeCaps caps = SizeCaps.parse(Workloads.DEFAULT_MAX_SIZE, "fft=2^24, elementwise=1000", KNOWN);
        assertEquals("gemm=2^20,fft=2^24,bmm=2^20,bmm-loop=2^20,imatmul=2^20,elementwise=1000", caps.text());
        assertEquals("--max-size", caps.option());
        assertTrue(caps.exceeded("elementwise", 1001).isPresent());
    }

    @Test
    void noneLiftsALimit() {
        SizeCaps caps = SizeCaps.parse(Workloads.DEFAULT_MAX_JAVA_SIZE, "gemm=none,fft=NONE", KNOWN);
        assertEquals("none", caps.text());
        assertTrue(caps.exceeded("gemm", 1L << 30).isEmpty());
    }

    @Test
    void badItemsAreNamed() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> SizeCaps.parse(Workloads.DEFAULT_MAX_SIZE, "gemmm=2^20", KNOWN));
        assertTrue(unknown.getMessage().contains("unknown workload 'gemmm'"), unknown.getMessage());
        IllegalArgumentException malformed = assertThrows(IllegalArgumentException.class,
                () -> SizeCaps.parse(Workloads.DEFAULT_MAX_SIZE, "2^20", KNOWN));
        assertTrue(malformed.getMessage().contains("'2^20' is not WORKLOAD=SIZE"), malformed.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SizeCaps.parse(Workloads.DEFAULT_MAX_SIZE, "fft=2^x", KNOWN));
    }
}
