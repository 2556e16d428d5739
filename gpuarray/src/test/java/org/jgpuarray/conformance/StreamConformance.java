package org.jgpuarray.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jgpuarray.DType;
import org.jgpuarray.ElementwiseKernel;
import org.jgpuarray.GPUArray;
import org.jgpuarray.GpuContext;
import org.jgpuarray.GpuEvent;
import org.jgpuarray.GpuStream;
import org.jgpuarray.MemoryPool;
import org.jgpuarray.ReductionKernel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Streams and events on every backend: results read after a stream's {@code synchronize()} or after an event
 * are complete, {@code use()} scopes nest and refuse to close out of order, events time work in order, a
 * stream that waits for another's event sees its results, the memory pool never hands a block that a stream
 * still reads to another stream, misuse of closed streams and events throws, and threads with a stream each
 * share a context. The work is large (a slow kernel over a million elements) so that on devices with queues
 * it is still running when the host moves on. References are computed here in float64.
 */
public abstract class StreamConformance extends ConformanceBase {
    /** Large enough that the slow kernel runs for a good fraction of a second on PoCL. */
    protected static final int N = 1 << 20;
    /** Iterations of the slow kernel's loop per element. */
    protected static final int ITERS = 64;

    private ElementwiseKernel slow;
    private ElementwiseKernel scaleShift;
    private ElementwiseKernel poison;

    @BeforeAll
    void kernels() {
        // y = x * (1 + 1/2 + ... + 1/2^(iters-1)), one iteration at a time
        slow = ctx.elementwiseKernel("float *x, float *y, int iters",
                "float acc = 0.0f; for (int k = 0; k < iters; k++) { acc = acc * 0.5f + x[i]; } y[i] = acc;",
                "stream_slow");
        scaleShift = ctx.elementwiseKernel("float *p, float *q", "q[i] = 2.0f * p[i] + 1.0f", "stream_scale_shift");
        poison = ctx.elementwiseKernel("float *z, float v", "z[i] = v", "stream_poison");
    }

    /** The slow kernel's result in float64. */
    protected static double[] slowReference(float[] x) {
        double[] y = new double[x.length];
        for (int k = 0; k < x.length; k++) {
            double acc = 0;
            for (int j = 0; j < ITERS; j++) {
                acc = acc * 0.5 + x[k];
            }
            y[k] = acc;
        }
        return y;
    }

    private GPUArray slow(GPUArray x) {
        GPUArray y = ctx.empty(DType.FLOAT32, x.size());
        poison.call(y, Float.NaN);
        slow.call(x, y, ITERS);
        return y;
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void resultsAreCompleteAfterSynchronizeOrAnEvent() {
        Random r = random("ordering", N);
        float[] xs = floats(r, N, -1, 1);
        double[] expected = slowReference(xs);
        try (GpuStream s = ctx.newStream(); GPUArray x = ctx.toGpu(xs)) {
            GPUArray y1;
            GPUArray y2;
            GPUArray y3;
            GpuEvent done;
            try (GpuStream.Scope on = s.use()) {
                assertSame(s, ctx.currentStream());
                y1 = slow(x);
                assertClose(expected, widen(y1.toFloatArray()), 1e-5, 1e-6, "read in the stream's own scope");
                y2 = slow(x);
                y3 = slow(x);
                done = s.record();
            }
            s.synchronize();
            assertTrue(s.isDone(), "a synchronized stream is done");
            assertClose(expected, widen(y2.toFloatArray()), 1e-5, 1e-6, "read on the default stream after synchronize");
            ctx.defaultStream().waitEvent(done); // no host wait: the default stream's read waits for the event
            assertClose(expected, widen(y3.toFloatArray()), 1e-5, 1e-6, "read after the default stream waited");
            done.synchronize();
            assertTrue(done.isDone());
            done.close();
            y1.close();
            y2.close();
            y3.close();
        }
    }

    @Test
    void scopesNestAndMustCloseInnermostFirst() {
        try (GpuStream a = ctx.newStream(); GpuStream b = ctx.newStream()) {
            assertSame(ctx.defaultStream(), ctx.currentStream());
            try (GpuStream.Scope onA = a.use()) {
                assertSame(a, ctx.currentStream());
                try (GpuStream.Scope onB = b.use()) {
                    assertSame(b, ctx.currentStream());
                    try (GpuStream.Scope again = a.use()) {
                        assertSame(a, ctx.currentStream());
                    }
                    assertSame(b, ctx.currentStream());
                }
                assertSame(a, ctx.currentStream());
            }
            assertSame(ctx.defaultStream(), ctx.currentStream());

            GpuStream.Scope outer = a.use();
            GpuStream.Scope inner = b.use();
            IllegalStateException e = assertThrows(IllegalStateException.class, outer::close);
            assertTrue(e.getMessage().contains("innermost first"), e.getMessage());
            assertSame(b, ctx.currentStream(), "a refused close changes nothing");
            inner.close();
            inner.close(); // idempotent
            outer.close();
            assertSame(ctx.defaultStream(), ctx.currentStream());
        }
    }

    @Test
    void aScopeClosesOnlyOnItsThread() throws Exception {
        try (GpuStream a = ctx.newStream()) {
            GpuStream.Scope on = a.use();
            ExecutorService other = Executors.newSingleThreadExecutor();
            try {
                Future<Throwable> refused = other.submit(() -> {
                    assertSame(ctx.defaultStream(), ctx.currentStream(), "scopes are per thread");
                    try {
                        on.close();
                        return null;
                    } catch (IllegalStateException expected) {
                        return expected;
                    }
                });
                Throwable t = refused.get(1, TimeUnit.MINUTES);
                assertTrue(t != null && t.getMessage().contains("thread"), String.valueOf(t));
            } finally {
                other.shutdown();
                on.close();
            }
        }
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void eventsTimeWorkInOrder() {
        Random r = random("events", N);
        try (GpuStream s = ctx.newStream(); GPUArray x = ctx.toGpu(floats(r, N, -1, 1));
             GpuStream.Scope on = s.use()) {
            GpuEvent start = s.record();
            slow(x).close();
            GpuEvent mid = s.record();
            slow(x).close();
            slow(x).close();
            GpuEvent end = s.record();
            double first = GpuEvent.elapsedMillis(start, mid);
            double second = GpuEvent.elapsedMillis(mid, end);
            double all = GpuEvent.elapsedMillis(start, end);
            assertTrue(first > 0 && second > 0, "start < mid < end: " + first + " ms, then " + second + " ms");
            assertTrue(Math.abs(all - (first + second)) <= 1e-3 * all + 1e-3,
                    "start-to-end " + all + " ms is the sum of " + first + " and " + second);
            start.close();
            mid.close();
            end.close();
        }
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void aStreamThatWaitsForAnEventSeesTheOtherStreamsResult() {
        try (GpuStream a = ctx.newStream(); GpuStream b = ctx.newStream()) {
            for (int round = 0; round < 4; round++) {
                Random r = random("waitEvent", round);
                float[] xs = floats(r, N, -1, 1);
                double[] expected = slowReference(xs);
                for (int k = 0; k < N; k++) {
                    expected[k] = 2 * expected[k] + 1;
                }
                GPUArray p;
                GpuEvent produced;
                try (GpuStream.Scope onA = a.use(); GPUArray x = ctx.toGpu(xs)) {
                    p = slow(x);
                    produced = a.record();
                }
                GPUArray q;
                try (GpuStream.Scope onB = b.use()) {
                    b.waitEvent(produced);
                    q = ctx.empty(DType.FLOAT32, N);
                    scaleShift.call(p, q);
                }
                b.synchronize();
                assertClose(expected, widen(q.toFloatArray()), 1e-5, 1e-5, "round " + round + " (seed from 'waitEvent', "
                        + round + ")");
                produced.close();
                p.close();
                q.close();
            }
        }
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void aBlockFreedWhileAStreamReadsItIsNotHandedOverEarly() {
        MemoryPool pool = ctx.memoryPool();
        try (GpuStream a = ctx.newStream(); GpuStream b = ctx.newStream()) {
            for (int round = 0; round < 3; round++) {
                Random r = random("reuse", round);
                float[] xs = floats(r, N, -1, 1);
                double[] expected = slowReference(xs);
                GPUArray y;
                try (GpuStream.Scope onA = a.use()) {
                    GPUArray x = ctx.toGpu(xs);
                    y = ctx.empty(DType.FLOAT32, N);
                    slow.call(x, y, ITERS); // still reading x when x is closed
                    x.close();
                }
                long allocations = pool.deviceAllocations();
                GPUArray z;
                try (GpuStream.Scope onB = b.use()) {
                    z = ctx.empty(DType.FLOAT32, N); // x's block, when the pool is on
                    poison.call(z, 1e30f);
                }
                if (pool.isEnabled()) {
                    assertEquals(allocations, pool.deviceAllocations(), "stream b reused the block stream a freed");
                }
                a.synchronize();
                assertClose(expected, widen(y.toFloatArray()), 1e-5, 1e-6, "round " + round
                        + ": stream a's result after stream b overwrote the block a freed (seed from 'reuse', "
                        + round + ")");
                b.synchronize();
                assertEquals(1e30f, z.toFloatArray()[N - 1]);
                y.close();
                z.close();
            }
        }
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void aBlockFreedForGoodWhileAStreamReadsItLeavesTheResultIntact() {
        MemoryPool pool = ctx.memoryPool();
        long limit = pool.limit();
        pool.freeAll();
        try (GpuStream a = ctx.newStream(); GpuStream b = ctx.newStream()) {
            Random r = random("free", N);
            float[] xs = floats(r, N, -1, 1);
            double[] expected = slowReference(xs);
            GPUArray y;
            try (GpuStream.Scope onA = a.use()) {
                GPUArray x = ctx.toGpu(xs);
                y = ctx.empty(DType.FLOAT32, N);
                slow.call(x, y, ITERS);
                pool.setLimit(pool.usedBytes() - 1); // no room to keep x's block: closing x frees it on the device
                x.close();
            }
            assertEquals(0, pool.heldBytes(), "x's block was freed, not kept");
            pool.setLimit(limit);
            GPUArray z;
            try (GpuStream.Scope onB = b.use()) {
                z = ctx.empty(DType.FLOAT32, N);
                poison.call(z, 1e30f);
            }
            a.synchronize();
            assertClose(expected, widen(y.toFloatArray()), 1e-5, 1e-6, "stream a's result after its input was freed");
            y.close();
            z.close();
        } finally {
            pool.setLimit(limit);
        }
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void reductionsOnTwoStreamsKeepTheirPartialsApart() {
        int n = 1_000_003;
        Random r = random("partials", n);
        float[] xs = floats(r, n, 0, 1);
        float[] ys = floats(r, n, 100, 101);
        double sx = 0;
        double sy = 0;
        for (int k = 0; k < n; k++) {
            sx += xs[k];
            sy += ys[k];
        }
        ReductionKernel dotSelf = ctx.reductionKernel(DType.FLOAT64, "0", "a+b", "(double)x[i]", "float *x");
        try (GpuStream a = ctx.newStream(); GpuStream b = ctx.newStream();
             GPUArray x = ctx.toGpu(xs); GPUArray y = ctx.toGpu(ys)) {
            ctx.synchronize();
            List<GPUArray> onA = new ArrayList<>();
            List<GPUArray> onB = new ArrayList<>();
            for (int k = 0; k < 8; k++) {
                onA.add(dotSelf.callOn(a, x));
                onB.add(dotSelf.callOn(b, y));
            }
            a.synchronize();
            b.synchronize();
            for (int k = 0; k < 8; k++) {
                assertEquals(sx, onA.get(k).item(), 1e-9 * sx, "sum " + k + " on stream a");
                assertEquals(sy, onB.get(k).item(), 1e-9 * sy, "sum " + k + " on stream b");
                onA.get(k).close();
                onB.get(k).close();
            }
        }
    }

    @Test
    void closedStreamsAndEventsRefuseWithAClearMessage() {
        GpuStream s = ctx.newStream();
        GpuEvent e = s.record();
        GpuStream.Scope on = s.use();
        IllegalStateException inUse = assertThrows(IllegalStateException.class, s::close);
        assertTrue(inUse.getMessage().contains("scope"), inUse.getMessage());
        on.close();
        s.close();
        s.close(); // idempotent
        assertTrue(s.isClosed());
        for (Runnable misuse : List.<Runnable>of(s::use, s::synchronize, s::isDone, s::record, () -> s.waitEvent(e),
                () -> slow.callOn(s, ctx.zeros(DType.FLOAT32, 3), ctx.zeros(DType.FLOAT32, 3), 1))) {
            IllegalStateException t = assertThrows(IllegalStateException.class, misuse::run);
            assertTrue(t.getMessage().contains("closed"), t.getMessage());
        }
        assertSame(ctx.defaultStream(), ctx.currentStream(), "a refused use() leaves the thread's stream alone");
        e.close();
        e.close();
        GpuEvent other = ctx.defaultStream().record();
        for (Runnable misuse : List.<Runnable>of(e::synchronize, e::isDone, () -> GpuEvent.elapsedMillis(e, other),
                () -> ctx.defaultStream().waitEvent(e))) {
            IllegalStateException t = assertThrows(IllegalStateException.class, misuse::run);
            assertTrue(t.getMessage().contains("closed"), t.getMessage());
        }
        other.close();
        ctx.defaultStream().close(); // waits only: the default stream belongs to the context
        assertTrue(!ctx.defaultStream().isClosed());
        ctx.defaultStream().synchronize();
    }

    @Test
    void eventsAndStreamsOfAnotherContextAreRefused() {
        try (GpuContext second = GpuContext.create(backend()); GpuStream mine = ctx.newStream();
             GpuEvent theirs = second.defaultStream().record()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> mine.waitEvent(theirs));
            assertTrue(e.getMessage().contains("another context"), e.getMessage());
            try (GpuEvent own = mine.record()) {
                assertThrows(IllegalArgumentException.class, () -> GpuEvent.elapsedMillis(own, theirs));
            }
            assertThrows(IllegalArgumentException.class,
                    () -> slow.callOn(second.defaultStream(), ctx.zeros(DType.FLOAT32, 3), ctx.zeros(DType.FLOAT32, 3), 1));
        }
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void threadsWithAStreamEachShareAContext() throws Exception {
        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int id = t;
                done.add(pool.submit(() -> {
                    int verified = 0;
                    try (GpuStream s = ctx.newStream(); GpuStream.Scope on = s.use()) {
                        for (int round = 0; round < 3; round++) {
                            int n = 100_003 + 1000 * id;
                            Random r = random("threads-" + id, round);
                            float[] xs = floats(r, n, -1, 1);
                            double[] expected = slowReference(xs);
                            double total = 0;
                            for (double v : expected) {
                                total += 2 * v + 1;
                            }
                            try (GPUArray x = ctx.toGpu(xs); GPUArray y = slow(x); GPUArray q = y.mul(2).add(1);
                                 GPUArray sum = q.astype(DType.FLOAT64).sum()) {
                                double[] got = widen(q.toFloatArray());
                                for (int k = 0; k < n; k++) {
                                    expected[k] = 2 * expected[k] + 1;
                                }
                                assertClose(expected, got, 1e-5, 1e-5, "thread " + id + ", round " + round);
                                assertEquals(total, sum.item(), 1e-4 * n, "thread " + id + ", round " + round + ": sum");
                                verified++;
                            }
                        }
                    }
                    return verified;
                }));
            }
            int verified = 0;
            for (Future<Integer> f : done) {
                verified += f.get(4, TimeUnit.MINUTES);
            }
            assertEquals(threads * 3, verified);
        } finally {
            pool.shutdownNow();
        }
    }
}
