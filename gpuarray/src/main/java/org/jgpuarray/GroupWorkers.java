package org.jgpuarray;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jgpuarray.device.DeviceGroupException;
import org.jgpuarray.device.GpuException;

/**
 * One thread per member of a {@link DeviceGroup}: each member's context is used from its own thread only,
 * so the members' devices work at the same time. Runs a task on every member, waits for all of them, and
 * turns failures into one {@link DeviceGroupException} naming the first failed member's device.
 */
final class GroupWorkers implements AutoCloseable {
    private final List<GpuContext> contexts;
    private final List<ExecutorService> threads = new ArrayList<>();
    private final List<Thread> started = new ArrayList<>();

    GroupWorkers(List<GpuContext> contexts) {
        this.contexts = contexts;
        for (int member = 0; member < contexts.size(); member++) {
            String name = "jgpuarray-group-" + member + " " + contexts.get(member).device().backend() + ":"
                    + contexts.get(member).device().index();
            threads.add(Executors.newSingleThreadExecutor(runnable -> {
                Thread thread = new Thread(runnable, name);
                thread.setDaemon(true);
                synchronized (started) {
                    started.add(thread);
                }
                return thread;
            }));
        }
    }

    /**
     * Runs {@code task} on every member's thread and returns the results in member order.
     *
     * @throws DeviceGroupException  naming the first failed member, the others' failures suppressed into it;
     *                               the results of the members that succeeded are closed when they are
     *                               {@link AutoCloseable}
     * @throws IllegalStateException when called from one of this group's threads (it would wait for itself)
     * @throws GpuException          when the calling thread is interrupted while it waits (its flag is set again)
     */
    <T> List<T> run(DeviceGroup.Task<T> task) {
        if (isWorker(Thread.currentThread())) {
            throw new IllegalStateException("a device group task cannot run work on its own group: the member's"
                    + " thread would wait for itself");
        }
        List<Future<T>> futures = new ArrayList<>();
        for (int member = 0; member < contexts.size(); member++) {
            int m = member;
            futures.add(threads.get(m).submit(() -> task.run(contexts.get(m), m)));
        }
        List<T> results = new ArrayList<>();
        DeviceGroupException failure = null;
        for (int member = 0; member < futures.size(); member++) {
            try {
                results.add(await(futures, member));
            } catch (ExecutionException e) {
                DeviceGroupException named = new DeviceGroupException(member, contexts.get(member).device(), e.getCause());
                if (failure == null) {
                    failure = named;
                } else {
                    failure.addSuppressed(named);
                }
                results.add(null);
            }
        }
        if (failure != null) {
            closeAll(results, failure);
            throw failure;
        }
        return results;
    }

    /** The members that succeeded made arrays (or other resources) that nobody will see: closes them. */
    private static void closeAll(List<?> results, RuntimeException failure) {
        for (Object result : results) {
            if (result instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    failure.addSuppressed(e);
                }
            }
        }
    }

    private static <T> T await(List<Future<T>> futures, int member) throws ExecutionException {
        try {
            return futures.get(member).get();
        } catch (InterruptedException e) {
            futures.forEach(f -> f.cancel(true));
            Thread.currentThread().interrupt();
            throw new GpuException("interrupted while waiting for device group member " + member, e);
        }
    }

    private boolean isWorker(Thread thread) {
        synchronized (started) {
            return started.contains(thread);
        }
    }

    /** Stops the threads once their current work is done. */
    @Override
    public void close() {
        threads.forEach(ExecutorService::shutdown);
    }
}
