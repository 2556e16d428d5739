package org.jgpuarray.cuda.internal;

import static jcuda.driver.JCudaDriver.cuEventElapsedTime;
import static jcuda.driver.JCudaDriver.cuEventQuery;
import static jcuda.driver.JCudaDriver.cuEventSynchronize;

import jcuda.driver.CUevent;
import org.jgpuarray.spi.gpu.GpuMarker;

/**
 * A CUDA event recorded in one of a driver's streams ({@link CudaQueue#record()}), created with timing so
 * that two of them give the device time between them. Destroyed by {@link #release()} or when the device
 * closes. Called under the device's lock.
 */
final class CudaMarker implements GpuMarker {
    private final CudaStreams streams;
    private final CUevent event;
    private boolean released;

    CudaMarker(CudaStreams streams, CUevent event) {
        this.streams = streams;
        this.event = event;
    }

    CUevent event() {
        if (released) {
            throw new IllegalStateException("this CUDA event was released");
        }
        return event;
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

    /** {@code cuEventSynchronize}. */
    @Override
    public void synchronize() {
        CUevent e = event();
        CudaContext context = streams.context();
        context.enter();
        try {
            context.check("cuEventSynchronize", cuEventSynchronize(e));
        } finally {
            context.exit();
        }
    }

    /** {@code cuEventQuery}: CUDA_ERROR_NOT_READY is false, success true, anything else an exception. */
    @Override
    public boolean isDone() {
        CUevent e = event();
        CudaContext context = streams.context();
        context.enter();
        try {
            return context.ready("cuEventQuery", cuEventQuery(e));
        } finally {
            context.exit();
        }
    }

    /**
     * {@code cuEventSynchronize} of both, then {@code cuEventElapsedTime(start, this)}.
     *
     * @throws IllegalArgumentException for a start marker of another device
     */
    @Override
    public double elapsedMillisSince(GpuMarker start) {
        CUevent first = streams.marker(start, "start").event();
        CUevent last = event();
        CudaContext context = streams.context();
        context.enter();
        try {
            context.check("cuEventSynchronize", cuEventSynchronize(first));
            context.check("cuEventSynchronize", cuEventSynchronize(last));
            float[] milliseconds = {0};
            context.check("cuEventElapsedTime", cuEventElapsedTime(milliseconds, first, last));
            return milliseconds[0];
        } finally {
            context.exit();
        }
    }

    /** {@code cuEventDestroy}; idempotent, never throws. */
    @Override
    public void release() {
        streams.destroy(this);
    }
}
