package org.jgpuarray.samples.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RepeaterTest {
    @Test
    void warmsUpAtLeastTheCountThenTimesEachQuantity() {
        AtomicInteger calls = new AtomicInteger();
        long[][] t = new Repeater(3, 0, 4).run(() -> new long[] {calls.incrementAndGet(), -calls.get()});
        assertEquals(7, calls.get());
        assertArrayEquals(new long[] {4, 5, 6, 7}, t[0]);
        assertArrayEquals(new long[] {-4, -5, -6, -7}, t[1]);
    }

    @Test
    void keepsWarmingUpUntilTheTimeHasPassed() {
        AtomicInteger calls = new AtomicInteger();
        long start = System.nanoTime();
        new Repeater(1, 50, 1).run(() -> {
            calls.incrementAndGet();
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new long[] {1};
        });
        assertTrue(System.nanoTime() - start >= 50_000_000L);
        assertTrue(calls.get() > 2, "only " + calls.get() + " runs");
    }
}
