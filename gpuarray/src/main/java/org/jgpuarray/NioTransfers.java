package org.jgpuarray;

import java.lang.ref.Reference;
import java.nio.Buffer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.util.Objects;
import org.jgpuarray.spi.HostArray;

/**
 * Java NIO buffers in and out of arrays. A direct buffer in native byte order is copied from or into
 * with no Java array in between (GPU backends hand its address to the driver's copy); a heap buffer
 * through its backing array; anything else (another byte order, read-only heap buffers) through a
 * temporary Java array. Buffers' positions and limits are never moved.
 */
final class NioTransfers {
    private NioTransfers() {
    }

    /** A new array of {@code dtype} holding the values {@code [position, limit)} of a typed buffer. */
    static GPUArray toGpu(GpuContext ctx, DType dtype, Buffer data, long[] shape) {
        Objects.requireNonNull(data, "data");
        int values = data.remaining();
        long[] s = shapeFor(dtype, values, shape);
        GPUArray array = ctx.empty(dtype, s);
        try {
            if (values > 0) {
                Source source = source(dtype, data, values, true);
                ctx.backend().copyFromHost(source.host(), source.offset(), array.buffer(), 0, values);
            }
            return array;
        } catch (RuntimeException | Error e) {
            array.close();
            throw e;
        }
    }

    /**
     * A new array of {@code dtype} whose storage is the bytes {@code [position, limit)} of {@code bytes},
     * read in the buffer's byte order; bool bytes other than 0 read as true.
     */
    static GPUArray toGpu(GpuContext ctx, ByteBuffer bytes, DType dtype, long[] shape) {
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(dtype, "dtype");
        int valueBytes = dtype.isComplex() ? dtype.itemSize() / 2 : dtype.itemSize();
        if (bytes.remaining() % valueBytes != 0) {
            throw new IllegalArgumentException(bytes.remaining() + " bytes are not a whole number of "
                    + dtype.numpyName() + " values of " + valueBytes + " bytes");
        }
        ByteBuffer view = bytes.slice().order(bytes.order());
        if (dtype == DType.BOOL) {
            byte[] flags = new byte[view.remaining()];
            view.get(flags);
            for (int k = 0; k < flags.length; k++) {
                flags[k] = (byte) (flags[k] != 0 ? 1 : 0);
            }
            return toGpu(ctx, dtype, ByteBuffer.wrap(flags), shape);
        }
        return toGpu(ctx, dtype, typed(view, dtype), shape);
    }

    /**
     * Writes {@code a}'s elements, converted to {@code as} (a value per element; complex: interleaved
     * pairs) in C order, into {@code dst} from its position.
     */
    static void copyTo(GPUArray a, DType as, Buffer dst) {
        Objects.requireNonNull(dst, "dst");
        a.ensureOpen();
        if (dst.isReadOnly()) {
            throw new IllegalArgumentException("the destination buffer is read-only");
        }
        long values = as.isComplex() ? 2 * a.size() : a.size();
        if (dst.remaining() < values) {
            throw new IllegalArgumentException("the destination buffer has " + dst.remaining()
                    + " values left (position to limit), the array " + values);
        }
        if (values == 0) {
            return;
        }
        if (as != a.dtype()) {
            try (GPUArray converted = a.astype(as)) {
                copyTo(converted, as, dst);
            }
            return;
        }
        if (!a.isFlat()) {
            try (GPUArray contiguous = a.copy()) {
                copyTo(contiguous, as, dst);
            }
            return;
        }
        Source target = source(as, dst, (int) values, false);
        try {
            a.context().backend().copyToHost(a.buffer(), 0, target.host(), target.offset(), (int) values);
        } finally {
            Reference.reachabilityFence(a); // else the release queue may free its buffer mid-copy
        }
        if (target.staged()) {
            Object staging = target.host().array();
            switch (as) {
                case INT32 -> ((IntBuffer) dst).put(dst.position(), (int[]) staging);
                case INT64 -> ((LongBuffer) dst).put(dst.position(), (long[]) staging);
                case FLOAT32, COMPLEX64 -> ((FloatBuffer) dst).put(dst.position(), (float[]) staging);
                case FLOAT64, COMPLEX128 -> ((DoubleBuffer) dst).put(dst.position(), (double[]) staging);
                case BOOL -> ((ByteBuffer) dst).put(dst.position(), (byte[]) staging);
            }
        }
    }

    /** A new direct buffer in native byte order holding {@code a}'s storage in C order. */
    static ByteBuffer toByteBuffer(GPUArray a) {
        a.ensureOpen();
        long bytes = a.nbytes();
        if (bytes > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("array of " + bytes + " bytes does not fit a ByteBuffer");
        }
        ByteBuffer out = ByteBuffer.allocateDirect((int) bytes).order(ByteOrder.nativeOrder());
        copyTo(a, a.dtype(), typed(out, a.dtype()));
        return out;
    }

    /** {@code bytes} seen as {@code dtype}'s storage buffer, in the byte buffer's order. */
    static Buffer typed(ByteBuffer bytes, DType dtype) {
        return switch (dtype) {
            case BOOL -> bytes;
            case INT32 -> bytes.asIntBuffer();
            case INT64 -> bytes.asLongBuffer();
            case FLOAT32, COMPLEX64 -> bytes.asFloatBuffer();
            case FLOAT64, COMPLEX128 -> bytes.asDoubleBuffer();
        };
    }

    /**
     * Where a copy reads or writes {@code values} values of {@code buffer} from its position: the buffer
     * itself when direct in native order, its backing array when it has an accessible one, else a staging
     * array of exactly those values ({@code staged}; for reads it already holds them).
     */
    private record Source(HostArray host, int offset, boolean staged) {
    }

    private static Source source(DType dtype, Buffer buffer, int values, boolean read) {
        Class<? extends Buffer> storage = HostArray.bufferClass(dtype.scalarType());
        if (!storage.isInstance(buffer)) {
            throw new IllegalArgumentException(dtype.numpyName() + " values travel in a " + storage.getSimpleName()
                    + ", got a " + buffer.getClass().getSimpleName());
        }
        int position = buffer.position();
        if (HostArray.nativeStorage(dtype.scalarType(), buffer)) {
            Buffer window = buffer.duplicate().position(position).limit(buffer.limit());
            return new Source(HostArray.direct(dtype.scalarType(), window), 0, false);
        }
        if (buffer.hasArray()) {
            return new Source(HostArray.wrap(dtype.scalarType(), buffer.array()), buffer.arrayOffset() + position,
                    false);
        }
        // exactly the values copied: a staged write puts back no more than the array holds
        HostArray staging = HostArray.allocate(dtype.scalarType(), dtype.isComplex() ? values / 2 : values);
        if (read) {
            readInto(buffer, staging.array());
        }
        return new Source(staging, 0, true);
    }

    /** The values {@code [position, limit)} of {@code buffer} into {@code values}, position unmoved. */
    private static void readInto(Buffer buffer, Object values) {
        int p = buffer.position();
        if (buffer instanceof ByteBuffer b) {
            b.get(p, (byte[]) values);
        } else if (buffer instanceof IntBuffer b) {
            b.get(p, (int[]) values);
        } else if (buffer instanceof LongBuffer b) {
            b.get(p, (long[]) values);
        } else if (buffer instanceof FloatBuffer b) {
            b.get(p, (float[]) values);
        } else {
            ((DoubleBuffer) buffer).get(p, (double[]) values);
        }
    }

    private static long[] shapeFor(DType dtype, int values, long[] shape) {
        Objects.requireNonNull(dtype, "dtype");
        Objects.requireNonNull(shape, "shape");
        if (dtype.isComplex() && values % 2 != 0) {
            throw new IllegalArgumentException("interleaved complex data needs an even number of values"
                    + " (real, imaginary pairs), got " + values);
        }
        long count = dtype.isComplex() ? values / 2 : values;
        long[] s = shape.length == 0 ? new long[] {count} : Shapes.checked(shape);
        if (Shapes.size(s) != count) {
            throw new IllegalArgumentException("the buffer has " + count + " elements (position to limit), but shape "
                    + Shapes.format(s) + " needs " + Shapes.size(s));
        }
        return s;
    }
}
