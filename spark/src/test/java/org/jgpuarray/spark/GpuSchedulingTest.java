package org.jgpuarray.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.Serializable;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.spark.BarrierTaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.jgpuarray.DType;
import org.jgpuarray.GPUArray;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import scala.Function1;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Spark's GPU-aware scheduling with jgpuarray's discovery script and executor contexts, in local-cluster
 * mode: two tasks that run at the same time (a barrier stage, which only passes when both run) got
 * different GPU addresses, in different executor JVMs, and contexts on the devices those addresses name;
 * a later job reuses each executor's context.
 */
@Tag("spark")
@ExtendWith(SparkClusterExtension.class)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class GpuSchedulingTest {
    /** What a task saw: its executor's process, its address, its context's device, the context's identity. */
    record TaskView(String process, String address, String backend, int deviceIndex, int contextIdentity,
                    double checksum) implements Serializable {
    }

    @Test
    void concurrentTasksGetDifferentGpusAndContextsOnThem(SparkTestCluster cluster) {
        JavaRDD<Integer> two = cluster.context()
                .parallelize(List.of(0, 1), SparkTestCluster.EXECUTORS);
        List<TaskView> first = views(two);
        assertEquals(2, first.size());
        assertNotEquals(first.get(0).address(), first.get(1).address(), "the two tasks got different GPUs: " + first);
        assertNotEquals(first.get(0).process(), first.get(1).process(), "in different executors: " + first);
        for (TaskView view : first) {
            GpuAddress address = GpuAddress.parse(view.address());
            assertEquals(address.backend(), view.backend(), view.toString());
            assertEquals(address.index(), view.deviceIndex(), "the context is on the device the address names");
            assertEquals(5050.0, view.checksum(), "the device computes");
        }
        List<TaskView> again = views(two);
        for (TaskView later : again) {
            TaskView earlier = first.stream().filter(v -> v.process().equals(later.process())).findFirst().orElseThrow();
            assertEquals(earlier.address(), later.address(), "an executor keeps its GPU");
            assertEquals(earlier.contextIdentity(), later.contextIdentity(), "a later task reuses the executor's context");
        }
    }

    /** Runs a barrier stage: both tasks pass {@code barrier()} only when they run at the same time. */
    private static List<TaskView> views(JavaRDD<Integer> rdd) {
        Function1<scala.collection.Iterator<Integer>, scala.collection.Iterator<TaskView>> task =
                (Function1<scala.collection.Iterator<Integer>, scala.collection.Iterator<TaskView>> & Serializable)
                        partition -> {
                            BarrierTaskContext.get().barrier();
                            String address = ExecutorGpu.taskAddresses().get(0);
                            TaskView view = ExecutorGpu.run(ctx -> {
                                try (GPUArray x = ctx.arange(DType.FLOAT64, 101); GPUArray s = x.sum()) {
                                    return new TaskView(ManagementFactory.getRuntimeMXBean().getName(), address,
                                            ctx.backendName(), ctx.device().index(), System.identityHashCode(ctx),
                                            s.item());
                                }
                            });
                            return CollectionConverters.asScala(List.of(view).iterator());
                        };
        Object collected = rdd.rdd().barrier().mapPartitions(task, false,
                scala.reflect.ClassTag$.MODULE$.apply(TaskView.class)).collect();
        List<TaskView> views = new ArrayList<>(List.of((TaskView[]) collected));
        views.sort((a, b) -> a.address().compareTo(b.address()));
        return views;
    }
}
