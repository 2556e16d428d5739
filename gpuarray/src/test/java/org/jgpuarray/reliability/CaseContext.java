package org.jgpuarray.reliability;

import java.util.ArrayDeque;
import java.util.Deque;
import org.jgpuarray.DType;
import org.jgpuarray.GPUArray;
import org.jgpuarray.GpuContext;
import org.jgpuarray.device.DeviceType;
import org.opentest4j.TestAbortedException;

/**
 * What a case works with: the backend's shared context, fresh contexts of its own (for lifecycle abuse),
 * and small arrays. Everything made through it is closed after the case. Not thread-safe.
 */
public final class CaseContext implements AutoCloseable {
    private final String backend;
    private final Deque<AutoCloseable> owned = new ArrayDeque<>();
    private GpuContext shared;
    private final boolean ownsShared;

    /**
     * @param backend the backend's name
     * @param shared  a context to share between cases, or null to open one on first use (and close it)
     */
    CaseContext(String backend, GpuContext shared) {
        this.backend = backend;
        this.shared = shared;
        this.ownsShared = shared == null;
    }

    /** {@code cpu}, {@code opencl} or {@code cuda}. */
    public String backend() {
        return backend;
    }

    /** True on CUDA and OpenCL, which run native code (raw source modules, device memory). */
    public boolean gpu() {
        return !backend.equals("cpu");
    }

    /** The context cases share; a case must not close it (use {@link #fresh()}). */
    public GpuContext ctx() {
        if (shared == null) {
            shared = GpuContext.create(backend);
        }
        return shared;
    }

    /** A new context of the backend, closed after the case (closing it earlier is fine). */
    public GpuContext fresh() {
        return track(GpuContext.create(backend));
    }

    /** Closes {@code resource} after the case. */
    public <T extends AutoCloseable> T track(T resource) {
        owned.push(resource);
        return resource;
    }

    public GPUArray f32(float... values) {
        return track(ctx().toGpu(values));
    }

    public GPUArray f64(double... values) {
        return track(ctx().toGpu(values));
    }

    public GPUArray i32(int... values) {
        return track(ctx().toGpu(values));
    }

    public GPUArray i64(long... values) {
        return track(ctx().toGpu(values));
    }

    public GPUArray zeros(DType dtype, long... shape) {
        return track(ctx().zeros(dtype, shape));
    }

    /** Skips the case on the CPU backend, which runs no native device code. */
    public void requireGpu(String why) {
        if (!gpu()) {
            throw new TestAbortedException("needs a CUDA or OpenCL device: " + why);
        }
    }

    /**
     * Skips the case on an OpenCL device that runs kernels as native code on the host's CPU (PoCL): there a
     * hardware trap in a user's snippet (integer division by zero) ends the process as it ends a C program.
     */
    public void requireNoHostTraps(String why) {
        if (backend.equals("opencl") && ctx().device().type() == DeviceType.CPU) {
            throw new TestAbortedException(ctx().device().name() + " runs kernels as native host code, where " + why
                    + " traps (SIGFPE) and ends the process, as in C; see the README's kernel section");
        }
    }

    /** Skips the case on a device without float64. */
    public void requireFp64() {
        if (!ctx().device().fp64()) {
            throw new TestAbortedException(ctx().device().name() + " has no fp64");
        }
    }

    /** Closes what the case made, newest first; a shared context opened here is closed too. */
    @Override
    public void close() {
        while (!owned.isEmpty()) {
            try {
                owned.pop().close();
            } catch (Exception | Error e) {
                // the case's verdict is already made; a failing close is reported by the cases that test it
            }
        }
        if (ownsShared && shared != null) {
            shared.close();
            shared = null;
        }
    }
}
