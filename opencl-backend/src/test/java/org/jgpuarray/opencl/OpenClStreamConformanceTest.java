package org.jgpuarray.opencl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.jgpuarray.DType;
import org.jgpuarray.GPUArray;
import org.jgpuarray.GpuEvent;
import org.jgpuarray.GpuStream;
import org.jgpuarray.conformance.StreamConformance;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The streams suite on OpenCL (a command queue per stream; skipped, with the reason, where OpenCL cannot
 * start), and no queue or event left behind.
 */
@Tag("opencl")
class OpenClStreamConformanceTest extends StreamConformance {
    @Override
    protected String backend() {
        return "opencl";
    }

    @Test
    void streamsEventsAndThePoolsEventsAreAllReleased() {
        OpenClFeatures cl = ctx.unwrap(OpenClFeatures.class).orElseThrow();
        ctx.memoryPool().freeAll();
        int queues = cl.liveQueues();
        int events = cl.liveEvents();
        Random r = random("leaks", 1000);
        for (int round = 0; round < 5; round++) {
            try (GpuStream s = ctx.newStream(); GpuStream.Scope on = s.use(); GPUArray x = ctx.toGpu(floats(r, 1000, 0, 1));
                 GPUArray y = x.mul(3).add(x); GpuEvent e = s.record()) {
                assertEquals(1, cl.liveQueues() - queues, "the stream's queue");
                e.synchronize();
                y.toFloatArray();
            }
        }
        try (GPUArray z = ctx.empty(DType.FLOAT32, 1000)) {
            z.fill(0); // takes a block a closed stream freed
        }
        ctx.memoryPool().freeAll();
        assertEquals(queues, cl.liveQueues(), "command queues left");
        assertEquals(events, cl.liveEvents(), "marker events left");
    }
}
