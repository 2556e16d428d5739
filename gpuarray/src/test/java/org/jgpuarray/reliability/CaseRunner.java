package org.jgpuarray.reliability;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.opentest4j.TestAbortedException;

/**
 * Runs cases in this JVM, each on a worker thread with a timeout: a case that does not end in time is a
 * hang (its thread is abandoned, a new worker takes the next case). Not thread-safe.
 */
final class CaseRunner implements AutoCloseable {
    private final Duration timeout;
    private ExecutorService worker = newWorker();

    CaseRunner(Duration timeout) {
        this.timeout = timeout;
    }

    /** Runs one case against {@code context} and judges it; closes what the case made. */
    Verdict run(Case c, CaseContext context) {
        Future<Object> future = worker.submit(() -> c.body().run(context));
        Object result = null;
        Throwable thrown = null;
        try {
            result = future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            worker.shutdownNow();
            worker = newWorker();
            return Verdict.fail("hang: no result within " + timeout.toSeconds() + " s");
        } catch (ExecutionException e) {
            thrown = e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Verdict.fail("interrupted");
        } finally {
            if (future.isDone()) {
                context.close();
            }
        }
        if (thrown instanceof TestAbortedException skipped) {
            return Verdict.skip(skipped.getMessage());
        }
        String failure = c.expected().judge(result, thrown);
        if (result instanceof AutoCloseable resource) {
            context.track(resource);
            context.close();
        }
        return failure == null ? Verdict.pass() : Verdict.fail(failure);
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "bad-input-case");
            t.setDaemon(true);
            return t;
        });
    }
}
