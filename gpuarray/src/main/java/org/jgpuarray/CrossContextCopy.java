package org.jgpuarray;

import java.lang.ref.Reference;
import org.jgpuarray.spi.BackendDevice;
import org.jgpuarray.spi.HostArray;

/**
 * Copies between contexts (devices, possibly of different backends): peer to peer where the source's
 * backend reaches the target directly ({@link BackendDevice#copyToPeer}), else through host memory in
 * chunks, so that a copy of any size needs only a bounded host buffer.
 */
final class CrossContextCopy {
    /** Elements per staging chunk: 4 Mi elements, at most 64 MiB of host memory (complex128). */
    static final int CHUNK_ELEMENTS = 1 << 22;

    private CrossContextCopy() {
    }

    /**
     * A new contiguous array in {@code target} with the dtype, shape and values of {@code source}.
     *
     * @param source not modified
     */
    static GPUArray copy(GPUArray source, GpuContext target) {
        if (source.context() == target) {
            return source.copy();
        }
        GPUArray out = target.empty(source.dtype(), source.shape());
        try {
            copyInto(source, out, 0);
        } catch (RuntimeException | Error e) {
            out.close();
            throw e;
        }
        return out;
    }

    /**
     * Copies every element of {@code source} into {@code destination}, starting at its element
     * {@code firstElement}, in C order. The destination must be contiguous and large enough.
     *
     * @param source      any array, of any context; not modified
     * @param destination a contiguous array of the same dtype; modified
     */
    static void copyInto(GPUArray source, GPUArray destination, long firstElement) {
        if (source.dtype() != destination.dtype()) {
            throw new IllegalArgumentException("cannot copy " + source.dtype().numpyName() + " into "
                    + destination.dtype().numpyName());
        }
        if (!destination.geometry().isContiguous() || firstElement + source.size() > destination.size()) {
            throw new IllegalStateException("copy destination must be contiguous and hold elements [" + firstElement
                    + ", " + (firstElement + source.size()) + "), it has " + destination.size());
        }
        if (source.size() == 0) {
            return;
        }
        if (!source.geometry().isContiguous()) {
            try (GPUArray contiguous = source.copy()) {
                copyInto(contiguous, destination, firstElement);
            }
            return;
        }
        long item = source.dtype().itemSize();
        long from = source.geometry().offset() * item;
        long to = (destination.geometry().offset() + firstElement) * item;
        BackendDevice src = source.context().backend();
        BackendDevice dst = destination.context().backend();
        try {
            if (source.context() == destination.context()) {
                src.copyOnDevice(source.buffer(), from, destination.buffer(), to, source.size() * item);
            } else if (!src.copyToPeer(source.buffer(), from, dst, destination.buffer(), to, source.size() * item)) {
                throughHost(source, from, destination, to);
            }
        } finally {
            Reference.reachabilityFence(source); // the arrays own the buffers: keep them from the cleaner until here
            Reference.reachabilityFence(destination);
        }
    }

    /** Stages the bytes in a host array of at most {@link #CHUNK_ELEMENTS} elements, chunk by chunk. */
    private static void throughHost(GPUArray source, long from, GPUArray destination, long to) {
        DType dtype = source.dtype();
        int valuesPerElement = dtype.isComplex() ? 2 : 1;
        long item = dtype.itemSize();
        long total = source.size();
        HostArray staging = HostArray.allocate(dtype.scalarType(), (int) Math.min(total, CHUNK_ELEMENTS));
        BackendDevice src = source.context().backend();
        BackendDevice dst = destination.context().backend();
        for (long done = 0; done < total; done += CHUNK_ELEMENTS) {
            int n = (int) Math.min(CHUNK_ELEMENTS, total - done);
            src.copyToHost(source.buffer(), from + done * item, staging, 0, n * valuesPerElement);
            dst.copyFromHost(staging, 0, destination.buffer(), to + done * item, n * valuesPerElement);
        }
    }
}
