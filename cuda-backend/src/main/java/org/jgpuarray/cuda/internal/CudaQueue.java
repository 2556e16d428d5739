package org.jgpuarray.cuda.internal;

import static jcuda.driver.JCudaDriver.cuStreamQuery;
import static jcuda.driver.JCudaDriver.cuStreamSynchronize;
import static jcuda.driver.JCudaDriver.cuStreamWaitEvent;

import jcuda.driver.CUstream;
import org.jgpuarray.spi.gpu.GpuMarker;
import org.jgpuarray.spi.gpu.GpuQueue;

/**
 * One stream of a {@link CudaDriver}: the legacy default stream (the device's own queue, handle null) or one
 * {@code cuStreamCreate} made ({@link CudaStreams#create()}). Its methods push the driver's context and pop it
 * again; they are called under the device's lock.
 */
final class CudaQueue implements GpuQueue {
    private final CudaStreams streams;
    private final CudaStreamHandle handle;
    private boolean released;

    /**
     * @param handle the created stream, or null for the legacy default stream
     */
    CudaQueue(CudaStreams streams, CudaStreamHandle handle) {
        this.streams = streams;
        this.handle = handle;
    }

    /** The stream for driver calls (null: the legacy default stream). */
    CUstream handle() {
        return handle;
    }

    /** The {@code CUstream} as a number; 0 for the legacy default stream. */
    long address() {
        return handle == null ? 0 : handle.address();
    }

    /** True for the device's own queue, the legacy default stream. */
    boolean isOwn() {
        return handle == null;
    }

    CudaStreams streams() {
        return streams;
    }

    boolean isReleased() {
        return released;
    }

    void markReleased() {
        released = true;
    }

    /** {@code cuStreamSynchronize}. */
    @Override
    public void synchronize() {
        CudaContext context = streams.context();
        live();
        context.enter();
        try {
            context.check("cuStreamSynchronize", cuStreamSynchronize(handle));
        } finally {
            context.exit();
        }
    }

    /** {@code cuStreamQuery}: CUDA_ERROR_NOT_READY is false, success true, anything else an exception. */
    @Override
    public boolean isDone() {
        CudaContext context = streams.context();
        live();
        context.enter();
        try {
            return context.ready("cuStreamQuery", cuStreamQuery(handle));
        } finally {
            context.exit();
        }
    }

    /** {@code cuEventCreate} (with timing) and {@code cuEventRecord} in this stream. */
    @Override
    public GpuMarker record() {
        live();
        return streams.record(this);
    }

    /**
     * {@code cuStreamWaitEvent}.
     *
     * @throws IllegalArgumentException for a marker of another device
     */
    @Override
    public void waitFor(GpuMarker marker) {
        live();
        CudaMarker event = streams.marker(marker, "waited for");
        CudaContext context = streams.context();
        context.enter();
        try {
            context.check("cuStreamWaitEvent", cuStreamWaitEvent(handle, event.event(), 0));
        } finally {
            context.exit();
        }
    }

    /**
     * {@code cuStreamSynchronize}, then {@code cuStreamDestroy}; idempotent.
     *
     * @throws IllegalStateException for the device's own queue, which goes with the device
     */
    @Override
    public void release() {
        if (isOwn()) {
            throw new IllegalStateException("the legacy default stream is the device's own queue; it is not released");
        }
        streams.release(this);
    }

    private void live() {
        if (released) {
            throw new IllegalStateException("this CUDA stream was released");
        }
    }

    @Override
    public String toString() {
        return isOwn() ? "the legacy default stream" : "CUDA stream 0x" + Long.toHexString(address())
                + (released ? " (released)" : "");
    }
}
