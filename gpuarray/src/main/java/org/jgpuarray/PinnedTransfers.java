package org.jgpuarray;

import java.lang.ref.Reference;
import java.nio.Buffer;
import java.nio.ByteOrder;
import java.util.Objects;
import org.jgpuarray.spi.BackendDevice;
import org.jgpuarray.spi.HostArray;

/**
 * Asynchronous copies between arrays and host memory that stays put: {@link PinnedArray}s, and direct NIO
 * buffers in native byte order. Each copy is enqueued on the calling thread's current stream and returns
 * without waiting where the backend allows it. A contiguous array (or view) is copied at its offset; any
 * other view goes through a contiguous temporary in the same stream (the copy, then a kernel between the
 * temporary and the view).
 */
final class PinnedTransfers {
    private PinnedTransfers() {
    }

    /** Enqueues the copy of elements {@code [offset, offset + a.size())} of {@code src} into {@code a}. */
    static void set(GPUArray a, PinnedArray src, long offset) {
        check(a, src, offset, "from");
        long values = a.size() * src.valuesPerElement();
        if (values == 0) {
            return;
        }
        src.enqueue(host -> toDevice(a, host, (int) (offset * src.valuesPerElement()), (int) values));
    }

    /** Enqueues the copy of {@code a} into elements {@code [offset, offset + a.size())} of {@code dst}. */
    static void get(GPUArray a, PinnedArray dst, long offset) {
        check(a, dst, offset, "into");
        long values = a.size() * dst.valuesPerElement();
        if (values == 0) {
            return;
        }
        dst.enqueue(host -> toHost(a, host, (int) (offset * dst.valuesPerElement()), (int) values));
    }

    /**
     * Enqueues the copy of the values {@code [position, limit)} of a direct buffer into {@code a}; the caller
     * leaves the buffer unchanged until the stream has passed the copy.
     */
    static void set(GPUArray a, Buffer src) {
        HostArray host = direct(a, src, "source");
        toDevice(a, host, 0, host.length());
    }

    /** Enqueues the copy of {@code a} into the values {@code [position, limit)} of a direct buffer. */
    static void get(GPUArray a, Buffer dst) {
        if (Objects.requireNonNull(dst, "dst").isReadOnly()) {
            throw new IllegalArgumentException("the destination buffer is read-only");
        }
        HostArray host = direct(a, dst, "destination");
        toHost(a, host, 0, host.length());
    }

    private static void check(GPUArray a, PinnedArray pinned, long offset, String direction) {
        a.ensureOpen();
        Objects.requireNonNull(pinned, "pinned").ensureOpen();
        if (pinned.context() != a.context()) {
            throw new IllegalArgumentException("the pinned array belongs to another context (" + pinned.context()
                    + ") than the array (" + a.context() + ")");
        }
        if (pinned.dtype() != a.dtype()) {
            throw new IllegalArgumentException("cannot copy " + direction + " a " + pinned.dtype().numpyName()
                    + " pinned array " + (direction.equals("from") ? "into" : "from") + " a "
                    + a.dtype().numpyName() + " array: the dtypes must match");
        }
        if (offset < 0 || offset > pinned.size() || a.size() > pinned.size() - offset) {
            throw new IllegalArgumentException("the array " + Shapes.format(a.shape()) + " has " + a.size()
                    + " elements, the pinned array " + pinned.size() + (offset == 0 ? "" : " from offset " + offset)
                    + ": the sizes must match");
        }
    }

    /** The buffer's window as the array's storage in native memory. */
    private static HostArray direct(GPUArray a, Buffer buffer, String role) {
        a.ensureOpen();
        Objects.requireNonNull(buffer, role);
        DType dtype = a.dtype();
        if (!HostArray.nativeStorage(dtype.scalarType(), buffer)) {
            throw new IllegalArgumentException("an asynchronous copy of a " + dtype.numpyName() + " array needs a"
                    + " direct " + HostArray.bufferClass(dtype.scalarType()).getSimpleName() + " in native byte order ("
                    + ByteOrder.nativeOrder() + ") as its " + role + ", got a " + (buffer.isDirect() ? "direct " : "heap ")
                    + buffer.getClass().getSimpleName() + "; copy heap buffers with toGpu or copyTo");
        }
        long values = a.size() * (dtype.isComplex() ? 2 : 1);
        if (buffer.remaining() != values) {
            throw new IllegalArgumentException("the " + role + " buffer has " + buffer.remaining() + " values"
                    + " (position to limit), the array " + Shapes.format(a.shape()) + " " + values);
        }
        return HostArray.direct(dtype.scalarType(),
                buffer.duplicate().position(buffer.position()).limit(buffer.limit()));
    }

    private static void toDevice(GPUArray a, HostArray host, int hostOffset, int values) {
        if (values == 0) {
            return;
        }
        BackendDevice device = a.context().backend();
        try {
            if (a.isContiguous()) {
                device.copyFromHostAsync(host, hostOffset, a.buffer(), byteOffset(a), values);
            } else {
                try (GPUArray staged = a.context().empty(a.dtype(), a.shape())) {
                    device.copyFromHostAsync(host, hostOffset, staged.buffer(), 0, values);
                    Builtins.assign(a, staged);
                }
            }
        } finally {
            Reference.reachabilityFence(a); // else the release queue may free its buffer mid-call
        }
    }

    private static void toHost(GPUArray a, HostArray host, int hostOffset, int values) {
        if (values == 0) {
            return;
        }
        BackendDevice device = a.context().backend();
        try {
            if (a.isContiguous()) {
                device.copyToHostAsync(a.buffer(), byteOffset(a), host, hostOffset, values);
            } else {
                try (GPUArray contiguous = a.copy()) {
                    device.copyToHostAsync(contiguous.buffer(), 0, host, hostOffset, values);
                }
            }
        } finally {
            Reference.reachabilityFence(a);
        }
    }

    /** Where a contiguous array's first element lies in its buffer. */
    private static long byteOffset(GPUArray a) {
        return a.geometry().offset() * a.dtype().itemSize();
    }
}
