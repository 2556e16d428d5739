package org.jgpuarray.cuda;

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
 * The streams suite on CUDA (a blocking {@code cuStreamCreate} stream per {@code GpuStream}; skipped, with the
 * reason, where CUDA cannot start: its kernels need a GPU, the fake driver runs none), and no stream or event
 * left behind.
 */
@Tag("cuda")
@Tag("gpu")
class CudaStreamConformanceTest extends StreamConformance {
    @Override
    protected String backend() {
        return "cuda";
    }

    @Test
    void streamsAndEventsAreAllDestroyed() {
        CudaFeatures cuda = ctx.unwrap(CudaFeatures.class).orElseThrow();
        ctx.memoryPool().freeAll();
        int streams = cuda.liveStreams();
        int events = cuda.liveEvents();
        Random r = random("leaks", 1000);
        for (int round = 0; round < 5; round++) {
            try (GpuStream s = ctx.newStream(); GpuStream.Scope on = s.use(); GPUArray x = ctx.toGpu(floats(r, 1000, 0, 1));
                 GPUArray y = x.mul(3).add(x); GpuEvent e = s.record()) {
                assertEquals(1, cuda.liveStreams() - streams, "the stream's cuStreamCreate");
                e.synchronize();
                y.toFloatArray();
            }
        }
        ctx.memoryPool().freeAll();
        assertEquals(streams, cuda.liveStreams(), "CUDA streams left");
        assertEquals(events, cuda.liveEvents(), "CUDA events left");
    }
}
