package org.jgpuarray.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jgpuarray.GpuContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The threading model (see {@link GpuContext}): eight threads share one context, eight threads have one
 * each, and a context is closed while threads use it. Every operation's result is checked exactly
 * ({@link ConcurrentWorkload}); any wrong answer, exception or crash fails, and a run that stops making
 * progress fails by the {@link Watchdog}, which prints every thread's stack first. The counts of verified
 * operations are printed ({@code CONCURRENCY ...}).
 */
public abstract class ConcurrencyConformance extends ConformanceBase {
    /** Threads of each test. */
    protected static final int THREADS = 8;
    private static final Duration DEADLINE = Duration.ofMinutes(4);

    /** Rounds each thread runs on the shared context; backends may lower it where a round is slow. */
    protected int sharedRounds() {
        return 40;
    }

    /** Rounds each thread runs on its own context. */
    protected int ownRounds() {
        return 20;
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void eightThreadsShareOneContext() throws Exception {
        ConcurrentWorkload work = new ConcurrentWorkload(ctx, true); // one kernel object, shared as well
        int rounds = sharedRounds();
        List<Callable<Integer>> tasks = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            tasks.add(() -> {
                int operations = 0;
                for (int r = 0; r < rounds; r++) {
                    operations += work.round(thread, r);
                }
                return operations;
            });
        }
        long start = System.nanoTime();
        int verified = sum(Watchdog.runAll(backend() + "-shared", tasks, DEADLINE));
        report("one context shared by " + THREADS + " threads", verified, start);
        assertEquals(THREADS * rounds * ConcurrentWorkload.OPERATIONS_PER_ROUND, verified);
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void eightThreadsWithTheirOwnContexts() throws Exception {
        int rounds = ownRounds();
        List<Callable<Integer>> tasks = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            tasks.add(() -> {
                try (GpuContext own = GpuContext.create(backend())) {
                    ConcurrentWorkload work = new ConcurrentWorkload(own, true);
                    int operations = 0;
                    for (int r = 0; r < rounds; r++) {
                        operations += work.round(thread, r);
                    }
                    return operations;
                }
            });
        }
        long start = System.nanoTime();
        int verified = sum(Watchdog.runAll(backend() + "-own", tasks, DEADLINE));
        report("a context per thread, " + THREADS + " threads", verified, start);
        assertEquals(THREADS * rounds * ConcurrentWorkload.OPERATIONS_PER_ROUND, verified);
    }

    /**
     * Closing a context while four threads use it: each thread's calls either complete with a right answer
     * or throw {@link IllegalStateException}; nothing else, and nothing hangs.
     */
    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void closeWhileOtherThreadsWork() throws Exception {
        GpuContext shared = GpuContext.create(backend());
        int threads = 4;
        CountDownLatch working = new CountDownLatch(2 * threads); // a few rounds done before the close
        List<Callable<Integer>> tasks = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            tasks.add(() -> {
                int rounds = 0;
                try {
                    ConcurrentWorkload work = new ConcurrentWorkload(shared, true);
                    while (rounds < 10_000) {
                        work.round(thread, rounds++);
                        working.countDown();
                    }
                    throw new AssertionError("thread " + thread + " never saw the context closed");
                } catch (IllegalStateException expected) {
                    working.countDown();
                    return rounds;
                }
            });
        }
        Thread closer = new Thread(() -> {
            try {
                working.await(2, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            shared.close();
        }, "closer");
        closer.start();
        List<Integer> rounds = Watchdog.runAll(backend() + "-close", tasks, DEADLINE);
        closer.join(DEADLINE.toMillis());
        assertTrue(shared.isClosed());
        System.out.println("CONCURRENCY " + backend() + ": closed while " + threads + " threads worked; rounds"
                + " completed before each saw IllegalStateException: " + rounds);
    }

    private void report(String what, int verified, long startNanos) {
        System.out.printf("CONCURRENCY %s: %s: %d operations verified in %.1f s%n", backend(), what, verified,
                (System.nanoTime() - startNanos) / 1e9);
    }

    private static int sum(List<Integer> counts) {
        return counts.stream().mapToInt(Integer::intValue).sum();
    }
}
