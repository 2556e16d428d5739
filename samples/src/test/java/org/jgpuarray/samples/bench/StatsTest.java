package org.jgpuarray.samples.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class StatsTest {
    @Test
    void medianSpreadAndExtremes() {
        Stats s = Stats.of(new long[] {5_000_000, 1_000_000, 2_000_000, 3_000_000, 100_000_000});
        assertEquals(3.0, s.medianMs(), 1e-12);
        assertEquals(1.0, s.minMs(), 1e-12);
        assertEquals(100.0, s.maxMs(), 1e-12);
        assertEquals(100.0 * 2 / 3, s.madPct(), 1e-9); // deviations 2,1,0,2,97 -> median 2
        assertEquals(5, s.runs());
        assertEquals(1.5, Stats.of(new long[] {1_000_000, 2_000_000}).medianMs(), 1e-12);
    }

    @Test
    void noTimingsIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> Stats.of(new long[0]));
    }
}
