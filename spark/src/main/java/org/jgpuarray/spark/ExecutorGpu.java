package org.jgpuarray.spark;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.apache.spark.TaskContext;
import org.apache.spark.resource.ResourceInformation;
import org.jgpuarray.GpuContext;
import org.jgpuarray.device.DeviceInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The GPU of the running Spark task, as a cached {@link GpuContext}: one context per executor JVM and
 * device, created by the first task that gets the device and reused by every later one, closed when the
 * JVM exits. The device is the one Spark's resource scheduling assigned the task
 * ({@code TaskContext.resources().get("gpu")}, read as a {@link GpuAddress}); a task with several GPUs gets
 * its first. A task with no GPU assigned (no {@code spark.task.resource.gpu.amount}, {@code local[N]}
 * mode, driver code) gets the best device that {@link GpuContext#create()} finds, and the executor's log
 * says so, once, at WARN level.
 *
 * <p>Tasks that share a device (a fractional {@code spark.task.resource.gpu.amount}) share its context:
 * {@link #run} holds the context for one task at a time, so their GPU work is serialised while the rest
 * of the tasks runs in parallel. Thread-safe.
 */
public final class ExecutorGpu {
    /** The resource name Spark schedules GPUs under. */
    public static final String RESOURCE = "gpu";

    private static final Logger LOG = LoggerFactory.getLogger(ExecutorGpu.class);
    private static final String BEST = "best available";
    private static final Map<String, Cached> CONTEXTS = new ConcurrentHashMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ExecutorGpu::closeAll, "jgpuarray-executor-gpu-close"));
    }

    private ExecutorGpu() {
    }

    /** A cached context and the lock that gives it to one task at a time. */
    private record Cached(GpuContext context, ReentrantLock lock) {
    }

    /**
     * The GPU addresses Spark assigned the running task; empty outside a task or when it has none.
     */
    public static List<String> taskAddresses() {
        TaskContext task = TaskContext.get();
        if (task == null) {
            return List.of();
        }
        ResourceInformation gpus = task.resourcesJMap().get(RESOURCE);
        return gpus == null ? List.of() : List.of(gpus.addresses());
    }

    /**
     * Runs {@code work} with the running task's context, holding that context for this task alone until
     * {@code work} returns. Arrays made in {@code work} belong to the cached context: close them (or return
     * host data), since the context outlives the task.
     *
     * @param work uses the context; runs on the calling thread
     * @return what {@code work} returns
     * @throws org.jgpuarray.device.BackendUnavailableException when the assigned device cannot be opened
     * @throws IllegalArgumentException                         for an address that names no jgpuarray device
     */
    public static <R> R run(Function<GpuContext, R> work) {
        Cached cached = forTask();
        cached.lock().lock();
        try {
            return work.apply(cached.context());
        } finally {
            cached.lock().unlock();
        }
    }

    /**
     * The devices this executor has opened contexts on, by address ({@code "best available"} for tasks with
     * no GPU): for diagnostics and tests.
     */
    public static Map<String, DeviceInfo> openContexts() {
        Map<String, DeviceInfo> open = new LinkedHashMap<>();
        CONTEXTS.forEach((address, cached) -> open.put(address, cached.context().device()));
        return open;
    }

    private static Cached forTask() {
        List<String> addresses = taskAddresses();
        if (addresses.isEmpty()) {
            return CONTEXTS.computeIfAbsent(BEST, key -> {
                GpuContext best = GpuContext.create();
                LOG.warn("jgpuarray: this task has no GPU assigned by Spark (set spark.executor.resource.gpu.amount"
                        + " and spark.task.resource.gpu.amount to schedule GPUs); using {} chosen by"
                        + " GpuContext.create() for every such task of this executor", best.device());
                return new Cached(best, new ReentrantLock());
            });
        }
        String address = addresses.get(0);
        return CONTEXTS.computeIfAbsent(address, key -> {
            GpuAddress parsed = GpuAddress.parse(key);
            GpuContext context = GpuContext.create(parsed.backend(), parsed.index());
            LOG.info("jgpuarray: GPU address {} assigned by Spark opened as {}", key, context.device());
            return new Cached(context, new ReentrantLock());
        });
    }

    private static void closeAll() {
        CONTEXTS.values().forEach(cached -> cached.context().close());
        CONTEXTS.clear();
    }
}
