package org.jgpuarray.conformance;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs tasks on threads of their own and waits for all of them until a deadline. A task that has not
 * finished by then is taken for a deadlock: every thread's stack (with the locks it holds and waits for)
 * is printed, the tasks are interrupted, and the run fails. The JUnit timeout of the calling test is the
 * backstop, set later than the deadline so that the dump comes first.
 */
public final class Watchdog {
    private Watchdog() {
    }

    /**
     * Runs the tasks at once and returns their results in order.
     *
     * @throws AssertionError when a task has not finished by the deadline (after printing a thread dump)
     * @throws Exception      the first exception a task threw
     */
    public static <T> List<T> runAll(String name, List<Callable<T>> tasks, Duration deadline) throws Exception {
        AtomicInteger count = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size(), r -> {
            Thread t = new Thread(r, name + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(task));
            }
            long end = System.nanoTime() + deadline.toNanos();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                try {
                    results.add(f.get(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS));
                } catch (TimeoutException e) {
                    System.out.println("WATCHDOG: " + name + " did not finish within " + deadline.toSeconds()
                            + " s; all threads:\n" + threadDump());
                    throw new AssertionError(name + ": no progress within " + deadline.toSeconds()
                            + " s (deadlock or hang); the thread dump is in the test's output");
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof Exception x) {
                        throw x;
                    }
                    throw (Error) e.getCause();
                }
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Every live thread's stack, with the locks each holds and waits for. */
    public static String threadDump() {
        StringBuilder dump = new StringBuilder();
        for (ThreadInfo info : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
            dump.append(info.toString().replace("\n\t...\n", "\n"));
            StackTraceElement[] stack = info.getStackTrace();
            if (stack.length > 8) { // ThreadInfo.toString stops at 8 frames
                for (int k = 8; k < stack.length; k++) {
                    dump.append("\tat ").append(stack[k]).append('\n');
                }
            }
        }
        return dump.toString();
    }
}
