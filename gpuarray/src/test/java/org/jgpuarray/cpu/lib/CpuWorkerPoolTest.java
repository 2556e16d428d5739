package org.jgpuarray.cpu.lib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link WorkerPool}: every chunk runs exactly once, failures reach the caller, jobs nest and run concurrently. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class CpuWorkerPoolTest {
    private static final WorkerPool POOL = new WorkerPool(3, "worker-pool-test");

    @Test
    void everyChunkRunsExactlyOnce() {
        for (WorkerPool pool : List.of(new WorkerPool(0, "none"), POOL)) {
            for (int chunks : new int[] {0, 1, 2, 3, 7, 64, 1000}) {
                for (int repeat = 0; repeat < 50; repeat++) {
                    AtomicIntegerArray runs = new AtomicIntegerArray(Math.max(chunks, 1));
                    pool.run(chunks, runs::incrementAndGet);
                    for (int c = 0; c < chunks; c++) {
                        assertEquals(1, runs.get(c), chunks + " chunks: chunk " + c);
                    }
                }
            }
        }
    }

    @Test
    void theCallerSeesWhatTheChunksWrote() {
        for (int repeat = 0; repeat < 200; repeat++) {
            long[] values = new long[37];
            POOL.run(values.length, c -> values[c] = c * 1_000_003L + 1);
            for (int c = 0; c < values.length; c++) {
                assertEquals(c * 1_000_003L + 1, values[c], "chunk " + c);
            }
        }
    }

    @Test
    void aFailingChunkReachesTheCallerUnwrapped() {
        IllegalArgumentException boom = new IllegalArgumentException("chunk 5 failed");
        for (int repeat = 0; repeat < 20; repeat++) {
            IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, () -> POOL.run(16, c -> {
                if (c == 5) {
                    throw boom;
                }
            }));
            assertSame(boom, thrown);
        }
        assertThrows(StackOverflowError.class, () -> POOL.run(4, c -> {
            throw new StackOverflowError("deep");
        }));
        AtomicInteger after = new AtomicInteger();
        POOL.run(8, c -> after.incrementAndGet());
        assertEquals(8, after.get(), "the pool still works after failures");
    }

    @Test
    void jobsNestAndRunFromManyThreadsAtOnce() throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(6);
        try {
            List<Future<Long>> results = new ArrayList<>();
            for (int t = 0; t < 24; t++) {
                results.add(callers.submit(() -> {
                    long[] partial = new long[9];
                    POOL.run(partial.length, outer -> {
                        long[] inner = new long[5];
                        POOL.run(inner.length, k -> inner[k] = outer * 10L + k);
                        for (long v : inner) {
                            partial[outer] += v;
                        }
                    });
                    long total = 0;
                    for (long v : partial) {
                        total += v;
                    }
                    return total;
                }));
            }
            long expected = 0;
            for (int outer = 0; outer < 9; outer++) {
                for (int k = 0; k < 5; k++) {
                    expected += outer * 10L + k;
                }
            }
            for (Future<Long> f : results) {
                assertEquals(expected, f.get(1, TimeUnit.MINUTES));
            }
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void aPoolNeedsAtLeastZeroHelpers() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new WorkerPool(-1, "bad"));
        assertTrue(e.getMessage().contains("-1"), e.getMessage());
        assertEquals(4, POOL.threads());
    }
}
