package org.jgpuarray.cuda.fake;

import static org.jgpuarray.cuda.fake.FakeChecks.check;
import static org.jgpuarray.cuda.fake.FakeChecks.expect;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;
import jcuda.driver.CUcontext;
import jcuda.driver.CUdevice;
import jcuda.driver.JCudaDriver;
import org.jgpuarray.DType;
import org.jgpuarray.GPUArray;
import org.jgpuarray.GpuContext;
import org.jgpuarray.SourceModule;
import org.jgpuarray.device.DeviceException;
import org.jgpuarray.device.DeviceTimer;

/**
 * The primary context's life against the fake driver, which keeps a per-thread context stack, frees only
 * with the primary context current, and logs retains, releases, resets and events: jgpuarray pushes and
 * pops its context around each call (leaving what the thread had current alone), never leaks a retain,
 * names error codes newer than JCuda through the driver, never throws from closing an array, frees a
 * broken context's memory through that context from any thread, and destroys the events of timers that
 * were never stopped.
 */
final class FakeContextScenarios {
    /** A kernel that breaks the context (the fake makes the next call fail with 700). */
    static final String FAULT = "extern \"C\" __global__ void jga_fake_fault(float *x) { x[1 << 30] = 1; }";

    private final FakeLog log;

    FakeContextScenarios(FakeLog log) {
        this.log = log;
    }

    /** Code of its own on the thread keeps its current context; on a bare thread nothing stays current. */
    void pushAndPop() throws InterruptedException {
        CUdevice device = new CUdevice();
        check(JCudaDriver.cuDeviceGet(device, 0) == 0, "cuDeviceGet");
        CUcontext foreign = new CUcontext();
        check(JCudaDriver.cuCtxCreate(foreign, 0, device) == 0, "cuCtxCreate");
        try {
            compute();
            CUcontext current = new CUcontext();
            JCudaDriver.cuCtxGetCurrent(current);
            check(current.equals(foreign), "the thread's own context is current again: " + current + ", not " + foreign);
        } finally {
            JCudaDriver.cuCtxDestroy(foreign);
        }
        CUcontext left = new CUcontext();
        JCudaDriver.cuCtxGetCurrent(left);
        check(left.equals(new CUcontext()), "no context pushed by jgpuarray is left on the thread: " + left);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread bare = new Thread(() -> {
            try {
                compute();
                CUcontext after = new CUcontext();
                JCudaDriver.cuCtxGetCurrent(after);
                check(after.equals(new CUcontext()), "nothing current on a bare thread afterwards: " + after);
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        bare.start();
        bare.join();
        if (failure.get() != null) {
            throw new AssertionError("on a bare thread", failure.get());
        }
    }

    private static void compute() {
        try (GpuContext ctx = GpuContext.create("cuda"); GPUArray x = ctx.toGpu(new float[] {1, 2, 3})) {
            x.sum().item();
            check(Arrays.equals(new float[] {1, 2, 3}, x.toFloatArray()), "round trip");
            ctx.startTimer().stopNanos();
        }
    }

    /** A context the driver refuses to make current costs no retain: every retain is released. */
    void failedEnterLeaksNoRetain() {
        log.mark();
        log.inject("cuCtxSetCurrent", 201);
        log.inject("cuCtxPushCurrent_v2", 201);
        try {
            DeviceException e = expect(DeviceException.class, () -> {
                try (GpuContext ctx = GpuContext.create("cuda"); GPUArray x = ctx.zeros(DType.FLOAT32, 4)) {
                    x.toFloatArray();
                }
            });
            check(e.code() == 201, e.getMessage());
        } finally {
            log.clearFailure();
        }
        check(log.since("retain").size() == log.since("release").size(), "retains released: " + log.sinceMark());
    }

    /** Codes newer than JCuda 12.6 are named by cuGetErrorName; codes nobody knows stay numbers. */
    void errorNames() {
        try (GpuContext ctx = GpuContext.create("cuda")) {
            log.inject("cuMemAlloc_v2", 916);
            try {
                DeviceException named = expect(DeviceException.class, () -> ctx.zeros(DType.FLOAT32, 4));
                check(named.codeName().equals("CUDA_ERROR_KEY_ROTATION"), named.codeName());
                log.clearFailure();
                log.inject("cuMemAlloc_v2", 12345);
                DeviceException unknown = expect(DeviceException.class, () -> ctx.zeros(DType.FLOAT32, 4));
                check(unknown.codeName().equals("CUresult 12345"), unknown.codeName());
            } finally {
                log.clearFailure();
            }
            try (GPUArray x = ctx.toGpu(new float[] {5})) {
                check(x.toFloatArray()[0] == 5, "the context still works");
            }
        }
    }

    /**
     * CUDA_ERROR_CONTAINED (226) is sticky, and the message says the process may need a restart; the
     * device is reset when its last context closes, and a new context works.
     */
    void containedIsSticky() {
        GpuContext ctx = GpuContext.create("cuda");
        log.inject("cuMemAlloc_v2", 226);
        DeviceException contained;
        try {
            contained = expect(DeviceException.class, () -> ctx.zeros(DType.FLOAT32, 4));
        } finally {
            log.clearFailure();
        }
        check(contained.codeName().equals("CUDA_ERROR_CONTAINED"), contained.codeName());
        check(contained.getMessage().contains("restart"), contained.getMessage());
        DeviceException later = expect(DeviceException.class, () -> ctx.zeros(DType.FLOAT32, 2));
        check(later.getMessage().contains("unusable after CUDA_ERROR_CONTAINED (226)"), later.getMessage());
        log.mark();
        ctx.close();
        check(log.since("reset").size() == 1, "the last context of a broken device resets it: " + log.sinceMark());
        try (GpuContext fresh = GpuContext.create("cuda"); GPUArray y = fresh.toGpu(new float[] {3})) {
            check(y.toFloatArray()[0] == 3, "a new context works");
        }
    }

    /**
     * The free right after a fault is where the error surfaces: closing the array must not throw, and the
     * context is broken from then on. Closing the context on another thread, where no context is current,
     * frees the remaining memory through the broken context itself.
     */
    void brokenContextClosesCleanly() throws InterruptedException {
        GpuContext ctx = GpuContext.create("cuda");
        GPUArray x = ctx.zeros(DType.FLOAT32, 8);
        GPUArray kept = ctx.zeros(DType.FLOAT32, 8);
        SourceModule m = ctx.sourceModule(FAULT);
        m.function("jga_fake_fault").launch(new long[] {1}, new long[] {1}, x);
        log.mark();
        x.close();
        // x's block comes from the memory pool without a driver call, so the fill's launch meets the error
        DeviceException later = expect(DeviceException.class, () -> ctx.zeros(DType.FLOAT32, 2));
        check(later.getMessage().contains("CUDA_ERROR_ILLEGAL_ADDRESS (700)") && later.getMessage().contains("unusable"),
                later.getMessage());
        m.close();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread closer = new Thread(() -> {
            try {
                kept.close();
                ctx.close();
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        closer.start();
        closer.join();
        check(failure.get() == null, "closing on another thread threw " + failure.get());
        check(log.since("free refused").isEmpty(), "freed through the broken context: " + log.sinceMark());
        check(log.since("free id=").size() == 2, "both buffers freed: " + log.sinceMark());
        try (GpuContext fresh = GpuContext.create("cuda"); GPUArray y = fresh.toGpu(new float[] {1, 2})) {
            check(Arrays.equals(new float[] {1, 2}, y.toFloatArray()), "a new context works");
        }
    }

    /** A timer that is closed, or never stopped at all, gives its events back. */
    void timersReleaseTheirEvents() {
        log.mark();
        try (GpuContext ctx = GpuContext.create("cuda")) {
            try (DeviceTimer closed = ctx.startTimer()) {
                check(closed != null, "timer");
            }
            check(log.since("event create").size() == log.since("event destroy").size(), "a closed timer: "
                    + log.sinceMark());
            ctx.startTimer();
        }
        check(log.since("event create").size() == 4 && log.since("event destroy").size() == 4,
                "a timer never stopped is released with its context: " + log.sinceMark());
    }
}
