package org.jgpuarray;

import java.lang.ref.Cleaner;
import java.lang.ref.Reference;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import org.jgpuarray.spi.HostArray;
import org.jgpuarray.spi.PinnedMemory;

/**
 * A one-dimensional array in host memory that its context's device copies to and from asynchronously:
 * page-locked memory on CUDA, a mapped {@code CL_MEM_ALLOC_HOST_PTR} buffer on OpenCL, a direct buffer on the
 * CPU backend (which copies synchronously). Made by {@link GpuContext#pinnedHost(DType, long)}; the source of
 * {@link GPUArray#setAsync(PinnedArray)} and the target of {@link GPUArray#getAsync(PinnedArray)}, which
 * enqueue the copy on the calling thread's current stream and return without waiting for it.
 *
 * <p>Its elements are stored as a {@link GPUArray}'s are (bool one byte, 0 or 1; complex as interleaved
 * real, imaginary values), in the platform's byte order. Fill and read them by copying ({@link #set(float[])}...,
 * {@link #toFloatArray()}..., {@link #write(ByteBuffer)}, {@link #read(ByteBuffer)}). The host
 * and the device share this memory: do not write it while a copy from it is in flight, and read what a copy
 * into it brought only after the stream has passed the copy ({@link GpuContext#synchronize()}, or the stream's
 * synchronisation).
 *
 * <p>Close it when done ({@code try}-with-resources); an array left unclosed is freed after the garbage
 * collector finds it unreachable, at a later {@link GpuContext#pinnedHost} call (never on a collector thread),
 * or when its context closes. Closing never frees memory a copy still uses: if an asynchronous copy from or
 * into this array has been enqueued, {@link #close()} first waits for the device's queued work (every stream).
 * Every method throws {@link IllegalStateException} after close. There are no views of the memory (no
 * {@code as...Buffer()}): a view outliving the array would reach freed native memory and crash the JVM, which
 * nothing in Java 17 can prevent; the copies in and out run at memory speed. For zero-copy transfers from
 * memory you own, pass a direct NIO buffer to {@link GPUArray#setAsync(java.nio.Buffer)}.
 *
 * <p>Threads: any thread may copy from or into the array, and close it; what the host writes and reads
 * through the views is not ordered with the device's copies except by synchronisation.
 */
public final class PinnedArray implements AutoCloseable {
    private static final Cleaner CLEANER = Cleaner.create();
    /** Memory of arrays the collector found unreachable, released at the next allocation. */
    private static final Queue<Memory> ORPHANS = new ConcurrentLinkedQueue<>();
    private static final long MAX_BYTES = Integer.MAX_VALUE - 8;

    private final GpuContext context;
    private final DType dtype;
    private final long size;
    private final Memory memory;
    private final Cleaner.Cleanable cleanable;

    private PinnedArray(GpuContext context, DType dtype, long size, Memory memory) {
        this.context = context;
        this.dtype = dtype;
        this.size = size;
        this.memory = memory;
        this.cleanable = CLEANER.register(this, memory);
    }

    /** {@link GpuContext#pinnedHost(DType, long)}. */
    static PinnedArray allocate(GpuContext context, DType dtype, long n) {
        Objects.requireNonNull(dtype, "dtype");
        releaseOrphans();
        if (n < 0 || n > MAX_BYTES / dtype.itemSize()) {
            throw new IllegalArgumentException("cannot allocate " + n + " " + dtype.numpyName()
                    + " elements of pinned host memory (at most " + MAX_BYTES + " bytes)");
        }
        PinnedMemory pinned = context.backend().allocatePinned(n * dtype.itemSize());
        try {
            ByteBuffer bytes = pinned.buffer().duplicate().order(ByteOrder.nativeOrder());
            HostArray host = HostArray.direct(dtype.scalarType(), NioTransfers.typed(bytes, dtype));
            return new PinnedArray(context, dtype, n, new Memory(context, pinned, host));
        } catch (RuntimeException | Error e) {
            pinned.release();
            throw e;
        }
    }

    /** Releases the memory of unclosed arrays the collector has found unreachable, on the calling thread. */
    private static void releaseOrphans() {
        Memory m;
        while ((m = ORPHANS.poll()) != null) {
            m.release();
        }
    }

    // ---- description ---------------------------------------------------------------------------

    /** The element type. */
    public DType dtype() {
        return dtype;
    }

    /** Number of elements. */
    public long size() {
        return size;
    }

    /** Bytes the elements take. */
    public long nbytes() {
        return size * dtype.itemSize();
    }

    /** The context whose device copies to and from this array. */
    public GpuContext context() {
        return context;
    }

    /** True once {@link #close()} has run (or the context closed). */
    public boolean isClosed() {
        return memory.isReleased() || context.isClosed();
    }

    // ---- bytes in and out ------------------------------------------------------------------------

    /**
     * Copies the remaining bytes of {@code src} in (its position advances to its limit): exactly
     * {@link #nbytes()} of them, the elements' storage in the platform's byte order. Any dtype; the way to fill
     * this array from a file or a socket ({@code channel.read} into a buffer, then this).
     *
     * @throws IllegalArgumentException when {@code src} holds another number of bytes
     */
    public PinnedArray write(ByteBuffer src) {
        ensureOpen();
        Objects.requireNonNull(src, "src");
        requireBytes("write", src.remaining());
        memory.pinned.buffer().duplicate().put(src);
        return this;
    }

    /**
     * Copies the {@link #nbytes()} bytes of the elements' storage (platform byte order) into {@code dst} at its
     * position, which advances by as many.
     *
     * @throws IllegalArgumentException when {@code dst} has less room
     */
    public ByteBuffer read(ByteBuffer dst) {
        ensureOpen();
        Objects.requireNonNull(dst, "dst");
        if (dst.remaining() < nbytes()) {
            throw new IllegalArgumentException("read() needs room for " + nbytes() + " bytes, the buffer has "
                    + dst.remaining());
        }
        return dst.put(memory.pinned.buffer().duplicate());
    }

    // ---- copies in and out -----------------------------------------------------------------------

    /**
     * Copies {@code values} in (not modified): one per element, or interleaved pairs for complex64.
     *
     * @throws IllegalArgumentException when this array is not float32 or complex64, or the lengths differ
     */
    public PinnedArray set(float[] values) {
        return fill("float[]", values, ((float[]) Objects.requireNonNull(values, "values")).length, DType.FLOAT32,
                DType.COMPLEX64);
    }

    /** Copies float64 (or interleaved complex128) values in (not modified); see {@link #set(float[])}. */
    public PinnedArray set(double[] values) {
        return fill("double[]", values, ((double[]) Objects.requireNonNull(values, "values")).length,
                DType.FLOAT64, DType.COMPLEX128);
    }

    /** Copies int32 values in (not modified); see {@link #set(float[])}. */
    public PinnedArray set(int[] values) {
        return fill("int[]", values, ((int[]) Objects.requireNonNull(values, "values")).length, DType.INT32,
                DType.INT32);
    }

    /** Copies int64 values in (not modified); see {@link #set(float[])}. */
    public PinnedArray set(long[] values) {
        return fill("long[]", values, ((long[]) Objects.requireNonNull(values, "values")).length, DType.INT64,
                DType.INT64);
    }

    /** Copies bool values in (not modified), as bytes 0 and 1; see {@link #set(float[])}. */
    public PinnedArray set(boolean[] values) {
        byte[] bytes = BoolBytes.of(Objects.requireNonNull(values, "values"));
        return fill("boolean[]", bytes, bytes.length, DType.BOOL, DType.BOOL);
    }

    /**
     * A copy of the float32 (or interleaved complex64) values.
     *
     * @throws IllegalStateException for another dtype
     */
    public float[] toFloatArray() {
        return (float[]) read("toFloatArray", DType.FLOAT32, DType.COMPLEX64);
    }

    /** A copy of the float64 (or interleaved complex128) values; see {@link #toFloatArray()}. */
    public double[] toDoubleArray() {
        return (double[]) read("toDoubleArray", DType.FLOAT64, DType.COMPLEX128);
    }

    /** A copy of the int32 values; see {@link #toFloatArray()}. */
    public int[] toIntArray() {
        return (int[]) read("toIntArray", DType.INT32, DType.INT32);
    }

    /** A copy of the int64 values; see {@link #toFloatArray()}. */
    public long[] toLongArray() {
        return (long[]) read("toLongArray", DType.INT64, DType.INT64);
    }

    /** A copy of the bool values (a nonzero byte reads as true); see {@link #toFloatArray()}. */
    public boolean[] toBooleanArray() {
        return BoolBytes.values((byte[]) read("toBooleanArray", DType.BOOL, DType.BOOL));
    }

    /**
     * Frees the memory; waits for the device's queued work first if an asynchronous copy from or into this
     * array was enqueued. Idempotent.
     */
    @Override
    public void close() {
        memory.release();
        cleanable.clean(); // the cleaning action finds the memory released and does nothing
    }

    @Override
    public String toString() {
        return "PinnedArray(" + dtype.numpyName() + ", size=" + size + ", " + context.backendName()
                + (isClosed() ? ", closed)" : ")");
    }

    // ---- for the package -------------------------------------------------------------------------

    /** Values (slots) per element: two for complex. */
    int valuesPerElement() {
        return dtype.isComplex() ? 2 : 1;
    }

    /**
     * Enqueues a copy from or into this array's memory: {@code copy} gets the memory as a host array and
     * enqueues it; until this array closes, that copy counts as possibly in flight.
     *
     * @throws IllegalStateException when this array is closed
     */
    void enqueue(Consumer<HostArray> copy) {
        try {
            memory.enqueue(copy);
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    void ensureOpen() {
        if (memory.isReleased()) {
            throw new IllegalStateException("this PinnedArray (" + dtype.numpyName() + ", size " + size
                    + ") is closed");
        }
        context.ensureOpen();
    }

    private void requireBytes(String method, long bytes) {
        if (bytes != nbytes()) {
            throw new IllegalArgumentException(method + "() takes exactly " + nbytes() + " bytes for this "
                    + dtype.numpyName() + " pinned array of " + size + " elements, got " + bytes);
        }
    }

    private void requireDtype(String method, DType a, DType b) {
        if (dtype != a && dtype != b) {
            throw new IllegalStateException(method + "() needs a " + a.numpyName()
                    + (a == b ? "" : " or " + b.numpyName()) + " pinned array, this one is " + dtype.numpyName());
        }
    }

    private PinnedArray fill(String kind, Object values, int length, DType a, DType b) {
        ensureOpen();
        if (dtype != a && dtype != b) {
            throw new IllegalArgumentException("cannot set a " + dtype.numpyName() + " pinned array from " + kind
                    + " values (" + a.numpyName() + (a == b ? "" : " or " + b.numpyName()) + ")");
        }
        long expected = size * valuesPerElement();
        if (length != expected) {
            throw new IllegalArgumentException("the " + kind + " has " + length + " values, the " + dtype.numpyName()
                    + " pinned array " + expected + (dtype.isComplex() ? " (two per element)" : ""));
        }
        memory.host.copyFrom(values, 0, 0, length);
        return this;
    }

    private Object read(String method, DType a, DType b) {
        ensureOpen();
        requireDtype(method, a, b);
        HostArray out = HostArray.allocate(dtype.scalarType(), (int) size);
        memory.host.copyTo(0, out.array(), 0, out.length());
        return out.array();
    }

    /**
     * The memory and what its release needs; also the cleaning action, which must not refer to the array. Its
     * lock orders copies being enqueued with the release.
     */
    private static final class Memory implements Runnable {
        private final GpuContext context;
        private final PinnedMemory pinned;
        private final HostArray host;
        private boolean copied;
        private boolean released;

        Memory(GpuContext context, PinnedMemory pinned, HostArray host) {
            this.context = context;
            this.pinned = pinned;
            this.host = host;
        }

        synchronized boolean isReleased() {
            return released;
        }

        synchronized void enqueue(Consumer<HostArray> copy) {
            if (released) {
                throw new IllegalStateException("the pinned array is closed");
            }
            copied = true;
            copy.accept(host);
        }

        /** Waits for copies that may use the memory, then frees it. Once. */
        synchronized void release() {
            if (released) {
                return;
            }
            released = true;
            try {
                if (copied && !context.isClosed()) {
                    context.synchronize();
                }
            } catch (IllegalStateException closedMeanwhile) {
                // the context closed: its device waited for its work and freed this memory
            } finally {
                pinned.release();
            }
        }

        /** The cleaning action, on the cleaner's thread: hands the memory to the next allocating thread. */
        @Override
        public void run() {
            if (!isReleased()) {
                ORPHANS.add(this);
            }
        }
    }
}
