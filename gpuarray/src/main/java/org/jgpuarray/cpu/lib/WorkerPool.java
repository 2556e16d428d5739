package org.jgpuarray.cpu.lib;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * Threads that help a caller through the chunks of its work. The caller posts a job, wakes parked helpers
 * and claims chunks itself, one at a time, from the front, while the helpers claim them from the back:
 * whoever is free takes the next chunk. So a call never waits for a helper to wake up before work starts,
 * and where helpers wake late (a loaded machine) the caller simply does more of the chunks; it waits only
 * for chunks a helper has already begun. Claiming from both ends keeps each thread on the same part of the
 * arrays from one call to the next, where their caches still hold it. Chunk
 * boundaries are the caller's, fixed before the job is posted; only which thread runs a chunk depends on
 * timing. A helper that finishes looks for more work for {@link #SPIN_NANOS} before it parks, so that calls
 * in quick succession find it awake. Where helpers keep failing to pay for their hand-off (cores busy with
 * other programs), jobs run on their callers alone for a while ({@link HelpJudge}). Jobs may nest (a chunk may run a job of its own): a thread only waits
 * for chunks that other threads are running. Public for {@code org.jgpuarray.cpu}, not API.
 *
 * <p>Thread-safe: any number of threads may run jobs at once.
 */
public final class WorkerPool {
    /** How long a helper keeps looking for work after its last chunk before it parks. */
    static final long SPIN_NANOS = 50_000;
    /** How long a caller spins for chunks still running on helpers before it parks. */
    static final long AWAIT_SPIN_NANOS = 50_000;

    private final Helper[] helpers;
    private final ConcurrentLinkedQueue<Job> jobs = new ConcurrentLinkedQueue<>();
    private final HelpJudge judge = new HelpJudge();

    /**
     * Starts the helper threads (daemons).
     *
     * @param helpers threads besides each caller, at least 0 (0 runs every job on its caller)
     * @param name    the threads' name prefix
     * @throws IllegalArgumentException for a negative count
     */
    public WorkerPool(int helpers, String name) {
        if (helpers < 0) {
            throw new IllegalArgumentException("a worker pool needs at least 0 helper threads, got " + helpers);
        }
        this.helpers = new Helper[helpers];
        for (int k = 0; k < helpers; k++) {
            this.helpers[k] = new Helper(name + "-" + k);
            this.helpers[k].thread.start();
        }
    }

    /**
     * Threads a job can run on at once.
     *
     * @return the helpers and the caller
     */
    public int threads() {
        return helpers.length + 1;
    }

    /**
     * Runs {@code task} for chunks {@code 0 .. chunks - 1} on the calling thread and the helpers, and waits for
     * all of them. One chunk, a pool without helpers, or a job while the helpers do not pay
     * ({@link HelpJudge}), runs on the calling thread alone, in chunk order, allocating nothing.
     *
     * @param chunks how many times to call {@code task}
     * @param task   called once with each chunk index; must be safe to call from several threads at once
     * @throws RuntimeException the first exception a chunk threw (later chunks are skipped), unwrapped;
     *                          an {@link Error} likewise
     */
    public void run(int chunks, IntConsumer task) {
        if (chunks <= 1 || helpers.length == 0) {
            runHere(chunks, task);
            return;
        }
        long start = System.nanoTime(); // read only where the judge and the record need it
        if (!judge.helpersWanted(start)) {
            runHere(chunks, task);
            return;
        }
        Job job = new Job(task, chunks, Thread.currentThread());
        jobs.add(job);
        wake(chunks - 1);
        int own = job.work(true);
        long worked = System.nanoTime();
        jobs.remove(job);
        job.await();
        long end = System.nanoTime();
        judge.record(chunks, own, worked - start, end - worked, end);
        job.rethrow();
    }

    /** Runs every chunk on the calling thread, in order. */
    private static void runHere(int chunks, IntConsumer task) {
        for (int c = 0; c < chunks; c++) {
            task.accept(c);
        }
    }

    /** Unparks up to {@code wanted} parked helpers; the others are awake and find the job themselves. */
    private void wake(int wanted) {
        for (Helper h : helpers) {
            if (wanted == 0) {
                return;
            }
            if (h.parked) {
                LockSupport.unpark(h.thread);
                wanted--;
            }
        }
    }

    /** A job with unclaimed chunks, or null; drops exhausted jobs it meets. */
    private Job open() {
        Job job;
        while ((job = jobs.peek()) != null && job.exhausted()) {
            jobs.remove(job);
        }
        return job;
    }

    /** One helper thread: takes chunks while there are any, spins a while, then parks until woken. */
    private final class Helper implements Runnable {
        final Thread thread;
        volatile boolean parked;

        Helper(String name) {
            thread = new Thread(this, name);
            thread.setDaemon(true);
        }

        @Override
        public void run() {
            long idleSince = System.nanoTime();
            while (true) {
                Job job = open();
                if (job != null) {
                    job.work(false);
                    idleSince = System.nanoTime();
                } else if (System.nanoTime() - idleSince < SPIN_NANOS) {
                    Thread.onSpinWait();
                } else {
                    parked = true;
                    if (jobs.isEmpty()) { // a caller that posted before this saw parked unparks; one after sees it
                        LockSupport.park(this);
                    }
                    parked = false;
                    Thread.interrupted(); // nobody interrupts helpers on purpose; a stray interrupt must not make park spin
                    idleSince = System.nanoTime();
                }
            }
        }
    }

    /**
     * One call's chunks: how many are claimed from the front (low 32 bits of {@code claimed}) and from the
     * back (high 32 bits), how many are unfinished, the first failure.
     */
    private static final class Job {
        private static final long BACK = 1L << 32;
        private final IntConsumer task;
        private final int chunks;
        private final Thread owner;
        private final AtomicLong claimed = new AtomicLong();
        private final AtomicInteger unfinished;
        private volatile Throwable failure;

        Job(IntConsumer task, int chunks, Thread owner) {
            this.task = task;
            this.chunks = chunks;
            this.owner = owner;
            this.unfinished = new AtomicInteger(chunks);
        }

        boolean exhausted() {
            long c = claimed.get();
            return (int) c + (int) (c >>> 32) >= chunks;
        }

        /** The next chunk from the front or the back, or -1 when every chunk is claimed. */
        private int claim(boolean front) {
            while (true) {
                long c = claimed.get();
                int fromFront = (int) c;
                int fromBack = (int) (c >>> 32);
                if (fromFront + fromBack >= chunks) {
                    return -1;
                }
                if (claimed.compareAndSet(c, c + (front ? 1 : BACK))) {
                    return front ? fromFront : chunks - 1 - fromBack;
                }
            }
        }

        /** Claims (from the front or the back) and runs chunks until none is left unclaimed; returns how many. */
        int work(boolean front) {
            int ran = 0;
            int c;
            while ((c = claim(front)) >= 0) {
                ran++;
                try {
                    if (failure == null) {
                        task.accept(c);
                    }
                } catch (Throwable t) {
                    fail(t);
                } finally {
                    if (unfinished.decrementAndGet() == 0 && Thread.currentThread() != owner) {
                        LockSupport.unpark(owner);
                    }
                }
            }
            return ran;
        }

        private synchronized void fail(Throwable t) {
            if (failure == null) {
                failure = t;
            }
        }

        /** Waits, spinning a while and then parked, until every chunk has finished. */
        void await() {
            long start = System.nanoTime();
            boolean interrupted = false;
            while (unfinished.get() != 0) {
                if (System.nanoTime() - start < AWAIT_SPIN_NANOS) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.park(this);
                    interrupted |= Thread.interrupted(); // keep waiting: the chunks are running and use our arrays
                }
            }
            if (interrupted) {
                owner.interrupt();
            }
        }

        void rethrow() {
            Throwable t = failure;
            if (t instanceof RuntimeException r) {
                throw r;
            }
            if (t instanceof Error e) {
                throw e;
            }
            if (t != null) {
                throw new IllegalStateException(t);
            }
        }
    }
}
