package org.jgpuarray;

import java.lang.ref.Reference;
import java.nio.ByteBuffer;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.util.Objects;
import org.jgpuarray.internal.ArrayMemory;
import org.jgpuarray.internal.SharedBuffer;
import org.jgpuarray.spi.DeviceBuffer;
import org.jgpuarray.spi.HostArray;

/**
 * An n-dimensional array in device memory: dtype, shape, strides and a buffer it may share with other
 * arrays. Slices, transposes, broadcasts and reshapes of contiguous arrays are views that share memory
 * (writes through a view reach its base); every operation accepts views. Arithmetic returns new arrays,
 * computed by generated kernels on the array's device; binary operations broadcast by NumPy's rules, and
 * result types follow NumPy, with Java scalars typed as NEP 50 says (a Java {@code int}/{@code long} takes
 * the array's type, a {@code float}/{@code double} keeps a float array's type).
 *
 * <p>Close arrays you no longer need ({@link #close()}), or let the garbage collector free them; a buffer is
 * freed when the last array viewing it is closed. Any use after close throws {@link IllegalStateException}.
 *
 * <p>Threads: an array may be used from any thread, and from several at once, as its context may (see
 * {@link GpuContext}): operations that only read it (arithmetic, reductions, copies to the host) may run
 * concurrently. Like a Java array, it does not order writes: a thread that writes an array ({@link #set},
 * {@link #fill}, a kernel's output) while another reads or writes it races with it. Closing an array
 * while another thread still uses it is such a write: that thread gets an {@link IllegalStateException}
 * or, if its call got the memory first, completes.
 */
public final class GPUArray implements AutoCloseable {
    private final GpuContext context;
    private final DType dtype;
    private final Geometry geometry;
    private final long size;
    private final ArrayMemory memory;

    /** A new contiguous array owning {@code shared}. */
    GPUArray(GpuContext context, DType dtype, long[] shape, SharedBuffer shared) {
        this(context, dtype, Geometry.contiguous(shape), shared);
    }

    /** A new array owning {@code shared}, its elements laid out as {@code geometry} says. */
    GPUArray(GpuContext context, DType dtype, Geometry geometry, SharedBuffer shared) {
        this.context = context;
        this.dtype = dtype;
        this.geometry = geometry;
        this.size = Shapes.size(geometry.shape());
        this.memory = new ArrayMemory(shared, context.deferredReleases(), this);
    }

    /** A view of this array's buffer with another geometry. */
    private GPUArray view(Geometry g) {
        return new GPUArray(context, dtype, g, shared().retain());
    }

    // ---- description -----------------------------------------------------------------------------

    /** The context the array lives in. */
    public GpuContext context() {
        return context;
    }

    /** The element type. */
    public DType dtype() {
        return dtype;
    }

    /** The shape (a copy); empty for a 0-d array. */
    public long[] shape() {
        return geometry.shape();
    }

    /** The strides in elements (a copy): how far apart neighbours along each axis lie in the buffer. */
    public long[] strides() {
        return geometry.strides();
    }

    /** Number of dimensions. */
    public int ndim() {
        return geometry.shape().length;
    }

    /** Number of elements. */
    public long size() {
        return size;
    }

    /** Bytes the elements take. */
    public long nbytes() {
        return size * dtype.itemSize();
    }

    /** True when the elements lie in C order one after the other (a view may still start inside its buffer). */
    public boolean isContiguous() {
        return geometry.isContiguous();
    }

    // ---- views ---------------------------------------------------------------------------------

    /**
     * NumPy's basic indexing, a view: {@code a.get(range(1, 5), all(), step(null, null, -2))} is
     * {@code a[1:5, :, ::-2]}; integers drop their axis (negative ones count from the end). See {@link Index}.
     *
     * @throws IndexOutOfBoundsException for an integer outside its axis
     * @throws IllegalArgumentException  for more indices than axes
     */
    public GPUArray get(Index... index) {
        ensureOpen();
        return view(geometry.index(Objects.requireNonNull(index, "index")));
    }

    /** {@link #get(Index...)} with NumPy's syntax: {@code a.get("1:5, :, ::-2")}. */
    public GPUArray get(String index) {
        return get(Index.parse(index));
    }

    /**
     * Writes {@code value} (broadcast by NumPy's rules, converted to this dtype) into the elements
     * {@code index} selects: NumPy's {@code a[index] = value}. Modifies this array; returns it.
     *
     * @throws IllegalArgumentException when the shapes do not broadcast
     */
    public GPUArray put(String index, GPUArray value) {
        try (GPUArray target = get(index)) {
            target.assign(value);
        }
        return this;
    }

    /** Writes a scalar into the elements {@code index} selects: NumPy's {@code a[index] = value}. Returns this. */
    public GPUArray put(String index, Number value) {
        try (GPUArray target = get(index)) {
            target.fill(value);
        }
        return this;
    }

    /**
     * Copies {@code source} into this array (or view), broadcasting it to this shape and converting it to this
     * dtype. Modifies this array; returns it.
     *
     * @throws IllegalArgumentException when the shapes do not broadcast, or this is a broadcast view
     */
    public GPUArray assign(GPUArray source) {
        ensureOpen();
        Objects.requireNonNull(source, "source").ensureOpen();
        Builtins.assign(this, source);
        return this;
    }

    /** The axes reversed, a view: NumPy's {@code T}. */
    public GPUArray transpose() {
        ensureOpen();
        return view(geometry.transpose());
    }

    /** {@link #transpose()}. */
    public GPUArray T() {
        return transpose();
    }

    /**
     * The axes in a new order, a view: axis {@code k} of the result is axis {@code order[k]} of this.
     *
     * @throws IllegalArgumentException when {@code order} is not a permutation of the axes
     */
    public GPUArray permute(int... order) {
        ensureOpen();
        return view(geometry.permute(Objects.requireNonNull(order, "order")));
    }

    /** Two axes exchanged, a view. */
    public GPUArray swapAxes(int a, int b) {
        int[] order = new int[ndim()];
        for (int k = 0; k < order.length; k++) {
            order[k] = k;
        }
        int x = Geometry.normalizeAxis(a, order.length);
        int y = Geometry.normalizeAxis(b, order.length);
        order[x] = y;
        order[y] = x;
        return permute(order);
    }

    /**
     * This array seen with a larger shape by NumPy's broadcasting rules, a read-only view (writes into it
     * are refused).
     *
     * @throws IllegalArgumentException naming both shapes when they do not broadcast
     */
    public GPUArray broadcastTo(long... shape) {
        ensureOpen();
        return view(geometry.broadcastTo(Shapes.checked(Objects.requireNonNull(shape, "shape"))));
    }

    /** Axes of extent 1 removed, a view: the given ones, or all when none are given. */
    public GPUArray squeeze(int... axes) {
        ensureOpen();
        return view(geometry.squeeze(Objects.requireNonNull(axes, "axes")));
    }

    /** A new axis of extent 1 at {@code axis} (negative counts from the end), a view. */
    public GPUArray expandDims(int axis) {
        ensureOpen();
        return view(geometry.expandDims(axis));
    }

    /** The main diagonal of the matrices spanned by axes 0 and 1, a view; see {@link #diagonal(long, int, int)}. */
    public GPUArray diagonal() {
        return diagonal(0, 0, 1);
    }

    /** The diagonal {@code k} above (below, when negative) the main one, of axes 0 and 1, a view. */
    public GPUArray diagonal(long k) {
        return diagonal(k, 0, 1);
    }

    /**
     * The diagonal {@code k} above (below, when negative) the main one of the matrices that {@code axis1}
     * and {@code axis2} span, as NumPy's {@code diagonal}: a view without those two axes and with the
     * diagonal as its last axis ((3, 4) gives (3,); (2, 3, 4) with axes 1, 2 gives (2, 3)).
     *
     * @throws IllegalArgumentException for fewer than two dimensions, an axis out of range, or one axis twice
     */
    public GPUArray diagonal(long k, int axis1, int axis2) {
        ensureOpen();
        return view(geometry.diagonal(k, axis1, axis2));
    }

    /**
     * The same elements with another shape: a view sharing this array's memory when it is contiguous, a copy
     * otherwise (as NumPy's {@code reshape}). One extent may be {@code -1}, computed from the others.
     *
     * @throws IllegalArgumentException when the sizes differ
     */
    public GPUArray reshape(long... newShape) {
        ensureOpen();
        long[] s = resolveShape(newShape);
        Geometry reshaped = geometry.reshapeView(s);
        if (reshaped != null) {
            return view(reshaped);
        }
        try (GPUArray contiguous = copy()) {
            return contiguous.reshape(s);
        }
    }

    /** The elements as a 1-D array: a view when contiguous, a copy otherwise. */
    public GPUArray ravel() {
        return reshape(size);
    }

    /** The elements as a new 1-D array, always a copy. */
    public GPUArray flatten() {
        try (GPUArray contiguous = copy()) {
            return contiguous.reshape(size);
        }
    }

    /** This array when it is contiguous, else a contiguous copy: either way, the caller closes the result. */
    public GPUArray ascontiguous() {
        ensureOpen();
        return geometry.isContiguous() ? view(geometry) : copy();
    }

    // ---- copies and conversions ------------------------------------------------------------------

    /**
     * A copy converted to {@code type}: floats to integers truncate toward zero, saturate out-of-range values
     * and infinities and turn NaN into 0, on every backend (Java's rule, OpenCL's {@code convert_int_sat});
     * integers narrow as C casts do (int64 to int32 keeps the low 32 bits); to bool, nonzero is true.
     *
     * @throws UnsupportedOperationException between complex and other dtypes
     */
    public GPUArray astype(DType type) {
        ensureOpen();
        return Builtins.astype(this, Objects.requireNonNull(type, "type"));
    }

    /**
     * Sets every element to {@code value} (converted to the dtype). Modifies this array; returns it. A
     * complex array takes a real value (imaginary parts 0).
     *
     * @throws IllegalArgumentException when the value does not fit the dtype (a fraction for an integer
     *                                  array, a number out of range), or for a broadcast view
     */
    public GPUArray fill(Number value) {
        ensureOpen();
        Builtins.fill(this, value);
        return this;
    }

    /** A copy in new device memory, contiguous in C order. */
    public GPUArray copy() {
        ensureOpen();
        return Builtins.copy(this);
    }

    /** Copies host data into this array (modified); {@code data.length} must equal {@link #size()}. */
    public GPUArray set(float[] data) {
        return upload(DType.FLOAT32, data);
    }

    /** Copies host data into this float64 array; see {@link #set(float[])}. */
    public GPUArray set(double[] data) {
        return upload(DType.FLOAT64, data);
    }

    /** Copies host data into this int32 array; see {@link #set(float[])}. */
    public GPUArray set(int[] data) {
        return upload(DType.INT32, data);
    }

    /** Copies host data into this int64 array; see {@link #set(float[])}. */
    public GPUArray set(long[] data) {
        return upload(DType.INT64, data);
    }

    private GPUArray upload(DType type, Object data) {
        ensureOpen();
        if (type != dtype) {
            throw new IllegalArgumentException("cannot set a " + dtype.numpyName() + " array from "
                    + type.numpyName() + " data; convert on the host or use astype");
        }
        HostArray host = HostArray.wrap(type.scalarType(), Objects.requireNonNull(data, "data"));
        int n = host.length();
        if (n != size) {
            throw new IllegalArgumentException("data has " + n + " elements, the array " + size);
        }
        if (n == 0) {
            return this;
        }
        if (geometry.isFlat()) {
            context.backend().copyFromHost(host, 0, buffer(), 0, n);
        } else {
            try (GPUArray staged = context.empty(dtype, shape())) {
                context.backend().copyFromHost(host, 0, staged.buffer(), 0, n);
                assign(staged);
            }
        }
        Reference.reachabilityFence(this);
        return this;
    }

    // ---- to the host -----------------------------------------------------------------------------

    /** The elements converted to float (complex64: interleaved real, imaginary pairs). */
    public float[] toFloatArray() {
        return (float[]) download(dtype == DType.COMPLEX64 ? dtype : DType.FLOAT32).array();
    }

    /** The elements converted to double (complex128: interleaved real, imaginary pairs). */
    public double[] toDoubleArray() {
        return (double[]) download(dtype == DType.COMPLEX128 ? dtype : DType.FLOAT64).array();
    }

    /** The elements converted to int, as {@link #astype} converts them (saturating, NaN to 0). */
    public int[] toIntArray() {
        return (int[]) download(DType.INT32).array();
    }

    /** The elements converted to long, as {@link #astype} converts them (saturating, NaN to 0). */
    public long[] toLongArray() {
        return (long[]) download(DType.INT64).array();
    }

    /** The elements as booleans (nonzero is true). */
    public boolean[] toBooleanArray() {
        return BoolBytes.values((byte[]) download(DType.BOOL).array());
    }

    /**
     * The single element of a 0-d (or one-element) array, as a double.
     *
     * @throws IllegalStateException when the array has more or fewer elements
     * @throws UnsupportedOperationException for complex arrays (use {@link #toFloatArray()} or
     *                                       {@link #toDoubleArray()}, which give both parts)
     */
    public double item() {
        requireOneElement("item");
        return download(dtype).get(0);
    }

    private void requireOneElement(String op) {
        if (size != 1) {
            throw new IllegalStateException(op + "() needs an array of one element, this one has shape "
                    + Shapes.format(shape()));
        }
        if (dtype.isComplex()) {
            throw new UnsupportedOperationException(op + "() of a " + dtype.numpyName() + " array would drop the"
                    + " imaginary part; use toFloatArray() or toDoubleArray(), which give (real, imaginary)");
        }
    }

    /** The single element as a double: {@link #item()}, under the name that says its type. */
    public double doubleItem() {
        return item();
    }

    /**
     * The single element of a 0-d (or one-element) array as a long: exact for int64, C's truncation toward
     * zero for floats, 1 or 0 for bool.
     *
     * @throws IllegalStateException         when the array has more or fewer elements
     * @throws UnsupportedOperationException for complex arrays
     * @throws ArithmeticException           for a float that is NaN or outside the range of long
     */
    public long longItem() {
        if (dtype.isFloatingPoint()) {
            double value = item();
            if (Double.isNaN(value) || value >= 0x1p63 || value < -0x1p63) {
                throw new ArithmeticException("longItem(): " + value + " has no long value");
            }
            return (long) value;
        }
        requireOneElement("longItem");
        return ((long[]) download(DType.INT64).array())[0];
    }

    /** The single element as a boolean (nonzero is true); see {@link #item()}. */
    public boolean booleanItem() {
        return item() != 0;
    }

    /**
     * A 2-D array's rows, converted to float (C casts); complex64 rows hold interleaved (real, imaginary)
     * pairs, as {@link #toFloatArray()}.
     *
     * @throws IllegalStateException unless the array is 2-D
     */
    public float[][] to2dFloatArray() {
        int[] rc = rowsAndColumns("to2dFloatArray", dtype.isComplex() ? 2 : 1);
        float[] flat = toFloatArray();
        float[][] rows = new float[rc[0]][];
        for (int r = 0; r < rows.length; r++) {
            rows[r] = java.util.Arrays.copyOfRange(flat, r * rc[1], (r + 1) * rc[1]);
        }
        return rows;
    }

    /** A 2-D array's rows, converted to double; see {@link #toDoubleArray()}. */
    public double[][] to2dDoubleArray() {
        int[] rc = rowsAndColumns("to2dDoubleArray", dtype.isComplex() ? 2 : 1);
        double[] flat = toDoubleArray();
        double[][] rows = new double[rc[0]][];
        for (int r = 0; r < rows.length; r++) {
            rows[r] = java.util.Arrays.copyOfRange(flat, r * rc[1], (r + 1) * rc[1]);
        }
        return rows;
    }

    /** A 2-D array's rows, converted to int (C casts); see {@link #toIntArray()}. */
    public int[][] to2dIntArray() {
        int[] rc = rowsAndColumns("to2dIntArray", 1);
        int[] flat = toIntArray();
        int[][] rows = new int[rc[0]][];
        for (int r = 0; r < rows.length; r++) {
            rows[r] = java.util.Arrays.copyOfRange(flat, r * rc[1], (r + 1) * rc[1]);
        }
        return rows;
    }

    /** A 2-D array's rows, converted to long (C casts); see {@link #toLongArray()}. */
    public long[][] to2dLongArray() {
        int[] rc = rowsAndColumns("to2dLongArray", 1);
        long[] flat = toLongArray();
        long[][] rows = new long[rc[0]][];
        for (int r = 0; r < rows.length; r++) {
            rows[r] = java.util.Arrays.copyOfRange(flat, r * rc[1], (r + 1) * rc[1]);
        }
        return rows;
    }

    /** A 2-D array's rows as booleans (nonzero is true). */
    public boolean[][] to2dBooleanArray() {
        int[] rc = rowsAndColumns("to2dBooleanArray", 1);
        boolean[] flat = toBooleanArray();
        boolean[][] rows = new boolean[rc[0]][];
        for (int r = 0; r < rows.length; r++) {
            rows[r] = java.util.Arrays.copyOfRange(flat, r * rc[1], (r + 1) * rc[1]);
        }
        return rows;
    }

    // ---- to java.nio buffers ---------------------------------------------------------------------

    /**
     * Writes the elements in C order, converted to float as {@link #toFloatArray()} converts them
     * (complex64: interleaved real, imaginary pairs), into {@code dst} from its position. A direct buffer
     * in native byte order is written straight from the device (no Java array in between); a heap buffer
     * through its backing array; any other buffer through a temporary array.
     *
     * @param dst modified from its position; its position and limit are not moved
     * @throws IllegalArgumentException when {@code dst} is read-only or has fewer values left (position to
     *     limit) than the array has
     */
    public void copyTo(FloatBuffer dst) {
        NioTransfers.copyTo(this, dtype == DType.COMPLEX64 ? dtype : DType.FLOAT32, dst);
    }

    /** Writes the elements converted to double into {@code dst}; see {@link #copyTo(FloatBuffer)}. */
    public void copyTo(DoubleBuffer dst) {
        NioTransfers.copyTo(this, dtype == DType.COMPLEX128 ? dtype : DType.FLOAT64, dst);
    }

    /** Writes the elements converted to int (as {@link #astype}) into {@code dst}; see {@link #copyTo(FloatBuffer)}. */
    public void copyTo(IntBuffer dst) {
        NioTransfers.copyTo(this, DType.INT32, dst);
    }

    /** Writes the elements converted to long (as {@link #astype}) into {@code dst}; see {@link #copyTo(FloatBuffer)}. */
    public void copyTo(LongBuffer dst) {
        NioTransfers.copyTo(this, DType.INT64, dst);
    }

    /**
     * The array's storage in C order as a new direct {@link ByteBuffer} in native byte order (position 0,
     * limit {@link #nbytes()}): bool one byte per element (0 or 1), complex as real, imaginary pairs. The
     * device writes it directly (no Java array in between).
     *
     * @throws IllegalStateException when the array has more than {@code Integer.MAX_VALUE - 8} bytes
     */
    public ByteBuffer toByteBuffer() {
        return NioTransfers.toByteBuffer(this);
    }

    /** Rows and columns of this 2-D array, whose {@code valuesPerElement} values per element fit one Java array. */
    private int[] rowsAndColumns(String op, int valuesPerElement) {
        if (ndim() != 2) {
            throw new IllegalStateException(op + "() needs a 2-D array, this one has shape " + Shapes.format(shape()));
        }
        return new int[] {(int) geometry.shape()[0], (int) geometry.shape()[1] * valuesPerElement};
    }

    private HostArray download(DType type) {
        ensureOpen();
        if (size > Integer.MAX_VALUE - 8 || (type.isComplex() && 2 * size > Integer.MAX_VALUE - 8)) {
            throw new IllegalStateException("array of " + size + " elements does not fit a Java array");
        }
        if (type != dtype) {
            try (GPUArray converted = astype(type)) {
                return converted.download(type);
            }
        }
        if (!geometry.isFlat()) {
            try (GPUArray contiguous = copy()) {
                return contiguous.download(type);
            }
        }
        HostArray host = HostArray.allocate(type.scalarType(), (int) size);
        if (size > 0) {
            context.backend().copyToHost(buffer(), 0, host, 0, host.length());
        }
        Reference.reachabilityFence(this); // as in every method that passes buffer() to the device
        return host;
    }

    // ---- asynchronous copies (pinned host memory) --------------------------------------------------

    /**
     * Enqueues a copy of {@code src} (not modified) into this array (modified) on the calling thread's current
     * stream and returns without waiting where the backend allows it (the CPU backend copies at once). Leave
     * {@code src} unchanged until the stream has passed the copy; kernels and copies enqueued after it in the
     * same stream see its values. A view that is not contiguous is written through a contiguous temporary in
     * the same stream.
     *
     * @throws IllegalArgumentException when the dtypes or the sizes differ, or {@code src} belongs to another
     *     context
     * @throws IllegalStateException    when either is closed
     */
    public GPUArray setAsync(PinnedArray src) {
        return setAsync(src, 0);
    }

    /**
     * Enqueues a copy of elements {@code [srcOffset, srcOffset + size())} of {@code src} (not modified) into this
     * array (modified); see {@link #setAsync(PinnedArray)}. How one pinned array feeds an array in chunks.
     *
     * @throws IllegalArgumentException as {@link #setAsync(PinnedArray)}, or when the range leaves {@code src}
     */
    public GPUArray setAsync(PinnedArray src, long srcOffset) {
        PinnedTransfers.set(this, src, srcOffset);
        return this;
    }

    /**
     * Enqueues a copy of this array (not modified) into {@code dst} (modified) on the calling thread's current
     * stream; the values are in {@code dst} once the stream has passed the copy (its synchronisation, or
     * {@link GpuContext#synchronize()}). A view that is not contiguous is read through a contiguous copy made
     * in the same stream.
     *
     * @throws IllegalArgumentException when the dtypes or the sizes differ, or {@code dst} belongs to another
     *     context
     * @throws IllegalStateException    when either is closed
     */
    public void getAsync(PinnedArray dst) {
        getAsync(dst, 0);
    }

    /**
     * Enqueues a copy of this array (not modified) into elements {@code [dstOffset, dstOffset + size())} of
     * {@code dst} (modified); see {@link #getAsync(PinnedArray)}.
     */
    public void getAsync(PinnedArray dst, long dstOffset) {
        PinnedTransfers.get(this, dst, dstOffset);
    }

    /**
     * Enqueues a copy of the values {@code [position, limit)} of a direct NIO buffer in native byte order (not
     * modified; position and limit not moved) into this array (modified), as {@link #setAsync(PinnedArray)}
     * does: the buffer class of this dtype's storage ({@code FloatBuffer} for float32 and complex64,
     * {@code ByteBuffer} for bool...), as many values as the array has. Leave the buffer unchanged until the
     * stream has passed the copy.
     *
     * @throws IllegalArgumentException for a heap buffer, another byte order, another buffer class or count
     */
    public GPUArray setAsync(java.nio.Buffer src) {
        PinnedTransfers.set(this, src);
        return this;
    }

    /**
     * Enqueues a copy of this array (not modified) into the values {@code [position, limit)} of a direct NIO
     * buffer in native byte order (modified; position and limit not moved); see {@link #setAsync(java.nio.Buffer)}
     * and {@link #getAsync(PinnedArray)}.
     *
     * @throws IllegalArgumentException as {@link #setAsync(java.nio.Buffer)}, or for a read-only buffer
     */
    public void getAsync(java.nio.Buffer dst) {
        PinnedTransfers.get(this, dst);
    }

    // ---- arithmetic ------------------------------------------------------------------------------

    /** {@code this + other}, elementwise; shapes must match. */
    public GPUArray add(GPUArray other) {
        return binary(BinaryOp.ADD, other);
    }

    /**
     * {@link #add(GPUArray)} into {@code out}, which must have the broadcast shape and the result's dtype;
     * modified, and returned.
     */
    public GPUArray add(GPUArray other, GPUArray out) {
        return binary(BinaryOp.ADD, other, out);
    }

    /** {@code this + s}; the scalar does not widen the array's type (NEP 50). */
    public GPUArray add(long s) {
        return scalar(BinaryOp.ADD, s);
    }

    /** {@code this + s}; float arrays keep their type, others give float64. */
    public GPUArray add(double s) {
        return scalar(BinaryOp.ADD, s);
    }

    /** {@code this - other}. */
    public GPUArray sub(GPUArray other) {
        return binary(BinaryOp.SUB, other);
    }

    /**
     * {@link #sub(GPUArray)} into {@code out}, which must have the broadcast shape and the result's dtype;
     * modified, and returned.
     */
    public GPUArray sub(GPUArray other, GPUArray out) {
        return binary(BinaryOp.SUB, other, out);
    }

    /** {@code this - s}. */
    public GPUArray sub(long s) {
        return scalar(BinaryOp.SUB, s);
    }

    /** {@code this - s}. */
    public GPUArray sub(double s) {
        return scalar(BinaryOp.SUB, s);
    }

    /** {@code s - this}. */
    public GPUArray rsub(double s) {
        return scalarFirst(BinaryOp.SUB, s);
    }

    /** {@code this * other}. */
    public GPUArray mul(GPUArray other) {
        return binary(BinaryOp.MUL, other);
    }

    /**
     * {@link #mul(GPUArray)} into {@code out}, which must have the broadcast shape and the result's dtype;
     * modified, and returned.
     */
    public GPUArray mul(GPUArray other, GPUArray out) {
        return binary(BinaryOp.MUL, other, out);
    }

    /** {@code this * s}. */
    public GPUArray mul(long s) {
        return scalar(BinaryOp.MUL, s);
    }

    /** {@code this * s}. */
    public GPUArray mul(double s) {
        return scalar(BinaryOp.MUL, s);
    }

    /** {@code this / other}, true division: integers give float64. */
    public GPUArray div(GPUArray other) {
        return binary(BinaryOp.DIV, other);
    }

    /**
     * {@link #div(GPUArray)} into {@code out}, which must have the broadcast shape and the result's dtype;
     * modified, and returned.
     */
    public GPUArray div(GPUArray other, GPUArray out) {
        return binary(BinaryOp.DIV, other, out);
    }

    /** {@code this / s}, true division. */
    public GPUArray div(long s) {
        return scalar(BinaryOp.DIV, s);
    }

    /** {@code this / s}, true division. */
    public GPUArray div(double s) {
        return scalar(BinaryOp.DIV, s);
    }

    /** {@code s / this}, true division. */
    public GPUArray rdiv(double s) {
        return scalarFirst(BinaryOp.DIV, s);
    }

    /** {@code this ** other}; integer arrays raised to negative exponents give 0 (or ±1 for bases ±1). */
    public GPUArray pow(GPUArray other) {
        return binary(BinaryOp.POW, other);
    }

    /**
     * {@link #pow(GPUArray)} into {@code out}, which must have the broadcast shape and the result's dtype;
     * modified, and returned.
     */
    public GPUArray pow(GPUArray other, GPUArray out) {
        return binary(BinaryOp.POW, other, out);
    }

    /**
     * {@code this ** s}.
     *
     * @throws IllegalArgumentException for a negative exponent on an integer array, as NumPy
     */
    public GPUArray pow(long s) {
        return scalar(BinaryOp.POW, s);
    }

    /** {@code this ** s}. */
    public GPUArray pow(double s) {
        return scalar(BinaryOp.POW, s);
    }

    /** {@code -this}. */
    public GPUArray neg() {
        return unary(UnaryOp.NEG, null);
    }

    /** {@code |this|}. */
    public GPUArray abs() {
        return unary(UnaryOp.ABS, null);
    }

    /** The elementwise larger value; NaN wins, as NumPy's {@code maximum}. */
    public GPUArray maximum(GPUArray other) {
        return binary(BinaryOp.MAXIMUM, other);
    }

    /**
     * {@link #maximum(GPUArray)} into {@code out}, which must have the broadcast shape and the result's dtype;
     * modified, and returned.
     */
    public GPUArray maximum(GPUArray other, GPUArray out) {
        return binary(BinaryOp.MAXIMUM, other, out);
    }

    /** The elementwise larger of this and {@code s}; NaN wins. */
    public GPUArray maximum(double s) {
        return scalar(BinaryOp.MAXIMUM, s);
    }

    /** {@link #maximum(double)} with an integer scalar, which takes the array's type (NEP 50). */
    public GPUArray maximum(long s) {
        return scalar(BinaryOp.MAXIMUM, s);
    }

    /** The elementwise smaller value; NaN wins, as NumPy's {@code minimum}. */
    public GPUArray minimum(GPUArray other) {
        return binary(BinaryOp.MINIMUM, other);
    }

    /**
     * {@link #minimum(GPUArray)} into {@code out}, which must have the broadcast shape and the result's dtype;
     * modified, and returned.
     */
    public GPUArray minimum(GPUArray other, GPUArray out) {
        return binary(BinaryOp.MINIMUM, other, out);
    }

    /** The elementwise smaller of this and {@code s}; NaN wins. */
    public GPUArray minimum(double s) {
        return scalar(BinaryOp.MINIMUM, s);
    }

    /** {@link #minimum(double)} with an integer scalar, which takes the array's type (NEP 50). */
    public GPUArray minimum(long s) {
        return scalar(BinaryOp.MINIMUM, s);
    }

    // ---- comparisons (bool results) --------------------------------------------------------------

    /** {@code this < other}, a bool array. */
    public GPUArray lt(GPUArray other) {
        return binary(BinaryOp.LT, other);
    }

    /** {@code this < s}, a bool array. */
    public GPUArray lt(double s) {
        return scalar(BinaryOp.LT, s);
    }

    /** {@link #lt(double)} with an integer scalar, which takes the array's type (NEP 50). */
    public GPUArray lt(long s) {
        return scalar(BinaryOp.LT, s);
    }

    /** {@code this <= other}. */
    public GPUArray le(GPUArray other) {
        return binary(BinaryOp.LE, other);
    }

    /** {@code this <= s}. */
    public GPUArray le(double s) {
        return scalar(BinaryOp.LE, s);
    }

    /** {@link #le(double)} with an integer scalar, which takes the array's type (NEP 50). */
    public GPUArray le(long s) {
        return scalar(BinaryOp.LE, s);
    }

    /** {@code this > other}. */
    public GPUArray gt(GPUArray other) {
        return binary(BinaryOp.GT, other);
    }

    /** {@code this > s}. */
    public GPUArray gt(double s) {
        return scalar(BinaryOp.GT, s);
    }

    /** {@link #gt(double)} with an integer scalar, which takes the array's type (NEP 50). */
    public GPUArray gt(long s) {
        return scalar(BinaryOp.GT, s);
    }

    /** {@code this >= other}. */
    public GPUArray ge(GPUArray other) {
        return binary(BinaryOp.GE, other);
    }

    /** {@code this >= s}. */
    public GPUArray ge(double s) {
        return scalar(BinaryOp.GE, s);
    }

    /** {@link #ge(double)} with an integer scalar, which takes the array's type (NEP 50). */
    public GPUArray ge(long s) {
        return scalar(BinaryOp.GE, s);
    }

    /** {@code this == other}. */
    public GPUArray eq(GPUArray other) {
        return binary(BinaryOp.EQ, other);
    }

    /** {@code this == s}. */
    public GPUArray eq(double s) {
        return scalar(BinaryOp.EQ, s);
    }

    /** {@link #eq(double)} with an integer scalar, which takes the array's type (NEP 50). */
    public GPUArray eq(long s) {
        return scalar(BinaryOp.EQ, s);
    }

    /** {@code this != other}. */
    public GPUArray ne(GPUArray other) {
        return binary(BinaryOp.NE, other);
    }

    /** {@code this != s}. */
    public GPUArray ne(double s) {
        return scalar(BinaryOp.NE, s);
    }

    /** {@link #ne(double)} with an integer scalar, which takes the array's type (NEP 50). */
    public GPUArray ne(long s) {
        return scalar(BinaryOp.NE, s);
    }

    // ---- reductions (0-d results) ----------------------------------------------------------------

    /** The sum, a 0-d array: int64 for bool and integer arrays, the array's type for floats; 0 when empty. */
    public GPUArray sum() {
        ensureOpen();
        requireReal("sum");
        return Builtins.reduceUnordered(BuiltinSpecs.sum(dtype), this);
    }

    /**
     * NumPy's {@code dot}: for two 1-D (or two 0-d) arrays of equal size, the sum of products in their promoted
     * type, a 0-d array; a 0-d operand with any other array, the elementwise product; when either operand is
     * 2-D, the matrix product {@link #matmul}; when either has more dimensions, the sum of products over this
     * array's last axis and the other's second-to-last (its only axis when 1-D), of shape
     * {@code this.shape[:-1] + other.shape[:-2] + other.shape[-1:]}.
     *
     * @param other not modified
     * @return a new array
     * @throws IllegalArgumentException for shapes that do not align, or two 1-D bool operands
     */
    public GPUArray dot(GPUArray other) {
        ensureOpen();
        Objects.requireNonNull(other, "other").ensureOpen();
        if ((ndim() == 0) != (other.ndim() == 0)) {
            return mul(other);
        }
        if (ndim() > 2 || other.ndim() > 2) {
            return NdDot.dot(this, other);
        }
        if ((ndim() == 2 && other.ndim() > 0) || (other.ndim() == 2 && ndim() > 0)) {
            return matmul(other);
        }
        Builtins.requireSameShape("dot", this, other);
        DType type = DType.promote(dtype, other.dtype());
        if (type == DType.BOOL) {
            throw new IllegalArgumentException("dot of two bool arrays is not supported; convert with astype first");
        }
        return Builtins.reducePair(BuiltinSpecs.dot(dtype, other.dtype(), type), this, other);
    }

    /** The largest element, a 0-d array; NaN if any element is NaN. */
    public GPUArray max() {
        return extremum(true);
    }

    /** The smallest element, a 0-d array; NaN if any element is NaN. */
    public GPUArray min() {
        return extremum(false);
    }

    /** The mean, a 0-d array: float64 for integer arrays, the array's type for floats; NaN when empty. */
    public GPUArray mean() {
        try (GPUArray total = sum()) {
            return size == 0 ? total.astype(dtype.toFloating()).fill(Double.NaN) : total.div((double) size);
        }
    }

    /** The inclusive prefix sum, in the sum's dtype; 1-D. */
    public GPUArray cumsum() {
        ensureOpen();
        requireReal("cumsum");
        DType type = BuiltinSpecs.sumType(dtype);
        ScanKernel scan = context.inclusiveScanKernel(type, "a + b", "0");
        try (GPUArray converted = type == dtype ? flatOrCopy() : astype(type);
             GPUArray ordered = converted.flatOrCopy(); GPUArray scanned = scan.call(ordered)) {
            return scanned.reshape(size);
        }
    }

    private GPUArray extremum(boolean maximum) {
        ensureOpen();
        requireReal(maximum ? "max" : "min");
        if (size == 0) {
            throw new IllegalArgumentException("zero-size array to reduction operation " + (maximum ? "max" : "min")
                    + ", which has no identity");
        }
        return Builtins.reduceUnordered(BuiltinSpecs.extremum(dtype, maximum), this);
    }

    // ---- reductions along axes (AxisReductions) --------------------------------------------------
    // NumPy's axis and keepdims: axes negative from the end, none given means every axis; each works on any
    // view and returns a new array laid out in the input's memory order. Int32 and other integers sum and
    // multiply in int64 (NumPy on 64-bit Linux); mean, var and std of integers are float64.

    /**
     * The sum along {@code axes} (every axis when none): int64 for bool and integer arrays, the array's type for
     * floats; 0 over empty axes.
     *
     * @throws IllegalArgumentException for an axis out of range or repeated, naming it and the shape
     */
    public GPUArray sum(int... axes) {
        return sum(false, axes);
    }

    /** {@link #sum(int...)}, the reduced axes kept with extent 1 when {@code keepdims}. */
    public GPUArray sum(boolean keepdims, int... axes) {
        ensureOpen();
        return AxisReductions.reduce("sum", BuiltinSpecs.sum(dtype), this, keepdims, axes, true);
    }

    /** The product along {@code axes} (every axis when none), in the dtype of {@link #sum(int...)}; 1 over empty axes. */
    public GPUArray prod(int... axes) {
        return prod(false, axes);
    }

    /** {@link #prod(int...)}, the reduced axes kept with extent 1 when {@code keepdims}. */
    public GPUArray prod(boolean keepdims, int... axes) {
        ensureOpen();
        return AxisReductions.reduce("prod", AxisSpecs.prod(dtype), this, keepdims, axes, true);
    }

    /**
     * The largest elements along {@code axes} (every axis when none); NaN where any reduced element is NaN.
     *
     * @throws IllegalArgumentException when a reduced axis is empty (no identity), or for a bad axis
     */
    public GPUArray max(int... axes) {
        return max(false, axes);
    }

    /** {@link #max(int...)}, the reduced axes kept with extent 1 when {@code keepdims}. */
    public GPUArray max(boolean keepdims, int... axes) {
        ensureOpen();
        return AxisReductions.reduce("max", BuiltinSpecs.extremum(dtype, true), this, keepdims, axes, false);
    }

    /** The smallest elements along {@code axes}; see {@link #max(int...)}. */
    public GPUArray min(int... axes) {
        return min(false, axes);
    }

    /** {@link #min(int...)}, the reduced axes kept with extent 1 when {@code keepdims}. */
    public GPUArray min(boolean keepdims, int... axes) {
        ensureOpen();
        return AxisReductions.reduce("min", BuiltinSpecs.extremum(dtype, false), this, keepdims, axes, false);
    }

    /** The mean along {@code axes} (every axis when none): float64 for bool and integers; NaN over empty axes. */
    public GPUArray mean(int... axes) {
        return mean(false, axes);
    }

    /** {@link #mean(int...)}, the reduced axes kept with extent 1 when {@code keepdims}. */
    public GPUArray mean(boolean keepdims, int... axes) {
        ensureOpen();
        return AxisReductions.mean(this, keepdims, axes);
    }

    /** The variance along {@code axes} (every axis when none), with {@code ddof} 0; the dtype of {@link #mean(int...)}. */
    public GPUArray var(int... axes) {
        return var(0, false, axes);
    }

    /** {@link #var(int...)}, the reduced axes kept with extent 1 when {@code keepdims}. */
    public GPUArray var(boolean keepdims, int... axes) {
        return var(0, keepdims, axes);
    }

    /**
     * The variance, NumPy's {@code var(axis, ddof, keepdims)}: the squared deviations from the mean summed and
     * divided by {@code max(count - ddof, 0)} (so NaN or infinity when that is 0), computed in two passes.
     */
    public GPUArray var(int ddof, boolean keepdims, int... axes) {
        ensureOpen();
        return AxisReductions.variance(this, ddof, keepdims, axes, false);
    }

    /** The standard deviation along {@code axes}, with {@code ddof} 0: the square root of {@link #var(int...)}. */
    public GPUArray std(int... axes) {
        return std(0, false, axes);
    }

    /** {@link #std(int...)}, the reduced axes kept with extent 1 when {@code keepdims}. */
    public GPUArray std(boolean keepdims, int... axes) {
        return std(0, keepdims, axes);
    }

    /** The square root of {@link #var(int, boolean, int...)}. */
    public GPUArray std(int ddof, boolean keepdims, int... axes) {
        ensureOpen();
        return AxisReductions.variance(this, ddof, keepdims, axes, true);
    }

    /**
     * The index of the first maximum along one axis (int64), or into the elements in C order when no axis is
     * given; a NaN counts as the maximum, so the first NaN's index where there is one.
     *
     * @param axis none or one axis
     * @throws IllegalArgumentException for more than one axis, a bad axis, or an empty reduced axis
     */
    public GPUArray argmax(int... axis) {
        return argmax(false, axis);
    }

    /** {@link #argmax(int...)}, the reduced axis kept with extent 1 when {@code keepdims}. */
    public GPUArray argmax(boolean keepdims, int... axis) {
        ensureOpen();
        return AxisReductions.argExtremum(this, true, keepdims, axis);
    }

    /** The index of the first minimum; see {@link #argmax(int...)}. */
    public GPUArray argmin(int... axis) {
        return argmin(false, axis);
    }

    /** {@link #argmin(int...)}, the reduced axis kept with extent 1 when {@code keepdims}. */
    public GPUArray argmin(boolean keepdims, int... axis) {
        ensureOpen();
        return AxisReductions.argExtremum(this, false, keepdims, axis);
    }

    /** Whether any element along {@code axes} (every axis when none) is nonzero (NaN is), a bool array; false over nothing. */
    public GPUArray any(int... axes) {
        return any(false, axes);
    }

    /** {@link #any(int...)}, the reduced axes kept with extent 1 when {@code keepdims}. */
    public GPUArray any(boolean keepdims, int... axes) {
        ensureOpen();
        return AxisReductions.anyAll(this, true, keepdims, axes);
    }

    /** Whether every element along {@code axes} (every axis when none) is nonzero, a bool array; true over nothing. */
    public GPUArray all(int... axes) {
        return all(false, axes);
    }

    /** {@link #all(int...)}, the reduced axes kept with extent 1 when {@code keepdims}. */
    public GPUArray all(boolean keepdims, int... axes) {
        ensureOpen();
        return AxisReductions.anyAll(this, false, keepdims, axes);
    }

    /**
     * The inclusive prefix sums along {@code axis} (negative counts from the end), NumPy's
     * {@code cumsum(axis=...)}: the shape of this array, in the dtype of {@link #sum(int...)}.
     *
     * @throws IllegalArgumentException for an axis out of range, naming it and the shape
     */
    public GPUArray cumsum(int axis) {
        ensureOpen();
        return AxisScans.cumulative(this, axis, false);
    }

    /** The inclusive prefix products of the elements in C order, 1-D, in the dtype of {@link #sum(int...)}. */
    public GPUArray cumprod() {
        ensureOpen();
        try (GPUArray flat = ravel()) {
            return AxisScans.cumulative(flat, 0, true);
        }
    }

    /** The inclusive prefix products along {@code axis}; see {@link #cumsum(int)}. */
    public GPUArray cumprod(int axis) {
        ensureOpen();
        return AxisScans.cumulative(this, axis, true);
    }

    // ---- linear algebra --------------------------------------------------------------------------

    /**
     * The matrix product {@code this @ other}, NumPy's {@code matmul} for arrays of any dimensions (batch
     * axes broadcast, 1-D operands promoted) and every real dtype (integer products wrap as NumPy's do),
     * through {@link GpuContext#blas()}; see {@link org.jgpuarray.blas.Blas#matmul}.
     *
     * @param other the right operand; not modified (nor is this array)
     * @return a new array of NumPy's result dtype
     * @throws IllegalArgumentException for complex or 0-d operands, or shapes that do not align or broadcast
     */
    public GPUArray matmul(GPUArray other) {
        ensureOpen();
        return context.blas().matmul(this, Objects.requireNonNull(other, "other"));
    }

    // ---- indexing and assembly (implemented in Gather, MaskIndexing, Selection, Rearrangement) -----

    /**
     * NumPy's advanced indexing by an array: with a bool {@code index}, the elements the mask selects; with an
     * int32 or int64 {@code index}, {@link #take(GPUArray, int) take(index, 0)}. A bool mask must have this array's shape or its leading dimensions; the result is a new array of shape
     * {@code (count,) + shape[mask.ndim:]}, the selected elements in C order (a 1-D copy when the shapes are
     * equal), built by a scan of the mask as PyOpenCL's {@code copy_if}. Neither array is modified.
     *
     * @throws IllegalArgumentException  for another index dtype or a mask whose shape does not match (both quoted)
     * @throws IndexOutOfBoundsException for an integer index outside axis 0
     */
    public GPUArray get(GPUArray index) {
        ensureOpen();
        Objects.requireNonNull(index, "index").ensureOpen();
        return index.dtype() == DType.BOOL ? MaskIndexing.select(this, index) : Gather.take(this, index, 0, null);
    }

    /**
     * NumPy's {@code a[index] = values}: with a bool mask, the selected elements take {@code values} in C order
     * (values broadcast to {@code (count,) + shape[mask.ndim:]}); with int32/int64 indices,
     * {@code put(index, values, 0)}. Values are converted to this dtype. Modifies this array (index and values
     * are not modified); returns it.
     *
     * @throws IllegalArgumentException  for shapes that do not match or broadcast, or another index dtype
     * @throws IndexOutOfBoundsException for an integer index outside axis 0 (nothing is written then)
     */
    public GPUArray put(GPUArray index, GPUArray values) {
        ensureOpen();
        Objects.requireNonNull(index, "index").ensureOpen();
        if (index.dtype() == DType.BOOL) {
            MaskIndexing.assign(this, index, values);
        } else {
            Gather.put(this, index, values, 0);
        }
        return this;
    }

    /**
     * NumPy's {@code a[index] = value} with a scalar: with a bool mask, every selected element; with int32/int64
     * indices, every sub-array {@code put(index, value, 0)} addresses. Modifies this array; returns it.
     *
     * @throws IllegalArgumentException  for a mask whose shape does not match, or a value the dtype cannot hold
     * @throws IndexOutOfBoundsException for an integer index outside axis 0 (nothing is written then)
     */
    public GPUArray put(GPUArray index, Number value) {
        ensureOpen();
        Objects.requireNonNull(index, "index").ensureOpen();
        if (index.dtype() == DType.BOOL) {
            MaskIndexing.fill(this, index, value);
            return this;
        }
        return put(index, value, 0);
    }

    /**
     * NumPy's {@code take}: the sub-arrays at {@code indices} along {@code axis}, a new array of shape
     * {@code shape[:axis] + indices.shape + shape[axis+1:]}. Indices are int32 or int64 of any shape; negative
     * ones count from the end. Neither array is modified.
     *
     * @throws IndexOutOfBoundsException naming the first index (in C order) outside the axis and the axis size;
     *                                   checked on the device on every backend before anything is read
     * @throws IllegalArgumentException  for another index dtype or an axis out of range
     */
    public GPUArray take(GPUArray indices, int axis) {
        ensureOpen();
        return Gather.take(this, indices, axis, null);
    }

    /**
     * {@link #take(GPUArray, int)} into {@code out}, which must have the result's shape and this dtype (modified;
     * returned).
     */
    public GPUArray take(GPUArray indices, int axis, GPUArray out) {
        ensureOpen();
        return Gather.take(this, indices, axis, Objects.requireNonNull(out, "out"));
    }

    /** {@link #take(GPUArray, int)} of the flattened array, as NumPy's {@code take} without an axis. */
    public GPUArray take(GPUArray indices) {
        try (GPUArray flat = ravel()) {
            return flat.take(indices, 0);
        }
    }

    /**
     * NumPy's {@code a[(:,) * axis + (indices,)] = values}: {@code values} broadcast to the shape
     * {@link #take(GPUArray, int)} would return, converted to this dtype, written at the indexed positions.
     * With a repeated index, which of its values lands is unspecified (as in CuPy). Modifies this array
     * (indices and values are not modified); returns it.
     *
     * @throws IndexOutOfBoundsException for an index outside the axis (checked first: nothing is written then)
     * @throws IllegalArgumentException  when values do not broadcast (both shapes quoted), for another index
     *                                   dtype, or for a broadcast view of this array
     */
    public GPUArray put(GPUArray indices, GPUArray values, int axis) {
        ensureOpen();
        Gather.put(this, indices, values, axis);
        return this;
    }

    /** {@link #put(GPUArray, GPUArray, int)} with one scalar for every indexed element. Modifies this array; returns it. */
    public GPUArray put(GPUArray indices, Number value, int axis) {
        ensureOpen();
        try (GPUArray v = context.full(dtype, Objects.requireNonNull(value, "value"))) {
            Gather.put(this, indices, v, axis);
        }
        return this;
    }

    /**
     * NumPy's {@code nonzero}: the coordinates of the nonzero elements (NaN counts as nonzero) in C order, one
     * 1-D int64 array per dimension. Not modified.
     *
     * @throws IllegalArgumentException for a 0-d array (as NumPy 2)
     */
    public GPUArray[] nonzero() {
        ensureOpen();
        return MaskIndexing.nonzero(this);
    }

    /** NumPy's {@code count_nonzero}: how many elements are nonzero (NaN counts as nonzero). */
    public long countNonzero() {
        ensureOpen();
        return MaskIndexing.countNonzero(this);
    }

    /**
     * NumPy's {@code clip}: {@code minimum(maximum(this, lo), hi)} elementwise, a new array; a NaN element or
     * bound gives NaN. Bounds are Java numbers typed as NEP 50 says, or null for none (not both).
     *
     * @throws IllegalArgumentException when both bounds are null, or for bool values
     */
    public GPUArray clip(Number lo, Number hi) {
        ensureOpen();
        return Selection.clip(this, lo, hi, null);
    }

    /**
     * {@link #clip(Number, Number)} with array bounds, broadcast with this array (either may be null). None of
     * the arrays is modified.
     */
    public GPUArray clip(GPUArray lo, GPUArray hi) {
        ensureOpen();
        return Selection.clip(this, lo, hi, null);
    }

    /** {@link #clip(Number, Number)} into {@code out} (the result's shape and dtype; modified), which is returned. */
    public GPUArray clip(Number lo, Number hi, GPUArray out) {
        ensureOpen();
        return Selection.clip(this, lo, hi, Objects.requireNonNull(out, "out"));
    }

    /** {@link #clip(GPUArray, GPUArray)} into {@code out} (the result's shape and dtype; modified), which is returned. */
    public GPUArray clip(GPUArray lo, GPUArray hi, GPUArray out) {
        ensureOpen();
        return Selection.clip(this, lo, hi, Objects.requireNonNull(out, "out"));
    }

    /** NumPy's {@code repeat}: each element repeated {@code repeats} times along {@code axis}, a new array. */
    public GPUArray repeat(long repeats, int axis) {
        ensureOpen();
        return Rearrangement.repeat(this, repeats, axis);
    }

    /** {@link #repeat(long, int)} of the flattened array: a new 1-D array. */
    public GPUArray repeat(long repeats) {
        try (GPUArray flat = ravel()) {
            return flat.repeat(repeats, 0);
        }
    }

    /**
     * NumPy's {@code repeat} with a count per element: element {@code k} along {@code axis} repeated
     * {@code repeats[k]} times (not modified), a new array.
     *
     * @throws IllegalArgumentException when the number of counts differs from the axis extent, or a count is negative
     */
    public GPUArray repeat(long[] repeats, int axis) {
        ensureOpen();
        return Rearrangement.repeat(this, Objects.requireNonNull(repeats, "repeats"), axis);
    }

    /**
     * NumPy's {@code tile}: this array repeated {@code reps[d]} times along each axis, a new array; shorter
     * {@code reps} apply to the last axes, longer ones add leading axes.
     */
    public GPUArray tile(long... reps) {
        ensureOpen();
        return Rearrangement.tile(this, Objects.requireNonNull(reps, "reps"));
    }

    /**
     * NumPy's {@code flip}: the elements in reverse order along {@code axes} (every axis when none are given),
     * a view with negative steps that shares this array's memory.
     *
     * @throws IllegalArgumentException for an axis out of range or repeated
     */
    public GPUArray flip(int... axes) {
        ensureOpen();
        return Rearrangement.flip(this, Objects.requireNonNull(axes, "axes"));
    }

    /** NumPy's {@code roll}: elements shifted by {@code shift} along {@code axis}, wrapping around; a new array. */
    public GPUArray roll(long shift, int axis) {
        ensureOpen();
        return Rearrangement.roll(this, shift, axis);
    }

    /** {@link #roll(long, int)} of the flattened array, in this shape: a new array. */
    public GPUArray roll(long shift) {
        ensureOpen();
        return Rearrangement.roll(this, shift);
    }

    /**
     * {@link #matmul(GPUArray)} written into {@code out} (NumPy's {@code out=}), which must have the result's
     * shape and dtype.
     *
     * @param other the right operand; not modified (nor is this array)
     * @param out   modified
     * @return {@code out}
     * @throws IllegalArgumentException as {@link #matmul(GPUArray)}, and for an {@code out} of another shape or
     *                                  dtype
     */
    public GPUArray matmul(GPUArray other, GPUArray out) {
        ensureOpen();
        return context.blas().matmul(this, other, Objects.requireNonNull(out, "out"));
    }

    // ---- several devices ---------------------------------------------------------------------------

    /**
     * A copy of this array in another context (another device, possibly of another backend), contiguous,
     * with the same dtype and shape; in this context, a plain {@link #copy()}. Devices that reach each other
     * copy peer to peer (CUDA devices with peer access, two CPU contexts); others copy through host memory
     * in chunks of {@value CrossContextCopy#CHUNK_ELEMENTS} elements.
     *
     * @param target the context to copy to
     * @return a new array in {@code target}; this array is not modified
     * @throws IllegalStateException when this array or either context is closed
     */
    public GPUArray to(GpuContext target) {
        ensureOpen();
        Objects.requireNonNull(target, "target").ensureOpen();
        return CrossContextCopy.copy(this, target);
    }

    // ---- sorting and searching -------------------------------------------------------------------

    /**
     * A sorted copy along the last axis, NumPy's {@code np.sort(a, kind='stable')}: each row sorted on its
     * own, ascending, NaN last, -0.0 equal to 0.0, equal elements in input order (so the result is this
     * array permuted by {@link #argsort()}, bit for bit). A radix sort on GPUs, the JDK's parallel sort on
     * the CPU. Any dtype but complex. This array is not modified.
     *
     * @return a new contiguous array of this shape and dtype
     * @throws IllegalArgumentException for a 0-d array or a complex dtype
     */
    public GPUArray sort() {
        return sort(-1);
    }

    /**
     * A sorted copy along {@code axis} (negative counts from the end); see {@link #sort()}. Not modified.
     *
     * @throws IllegalArgumentException for an axis out of range, naming it and the shape
     */
    public GPUArray sort(int axis) {
        ensureOpen();
        return Sorting.sort(this, axis);
    }

    /**
     * The indices that sort each row along the last axis, NumPy's {@code np.argsort(a, kind='stable')}: int64
     * positions within the row, equal elements in input order; the order is {@link #sort()}'s. Not modified.
     *
     * @return a new int64 array of this shape
     */
    public GPUArray argsort() {
        return argsort(-1);
    }

    /** {@link #argsort()} along {@code axis} (negative counts from the end). Not modified. */
    public GPUArray argsort(int axis) {
        ensureOpen();
        return Sorting.argsort(this, axis);
    }

    /**
     * The sorted distinct values of the flattened array, NumPy's {@code np.unique(a)}: NaNs count as one value
     * (last), -0.0 and 0.0 as one (the first of them in input order). Not modified.
     *
     * @return a new 1-D array of this dtype
     */
    public GPUArray unique() {
        ensureOpen();
        return Uniques.unique(this);
    }

    /**
     * {@link #unique()} with how often each value occurs, NumPy's {@code np.unique(a, return_counts=True)}.
     * Not modified.
     */
    public UniqueCounts uniqueCounts() {
        ensureOpen();
        return Uniques.uniqueCounts(this);
    }

    /** {@link #searchsorted(GPUArray, SearchSide)} with {@link SearchSide#LEFT}. */
    public GPUArray searchsorted(GPUArray values) {
        return searchsorted(values, SearchSide.LEFT);
    }

    /**
     * Where {@code values} would be inserted into this sorted 1-D array to keep it sorted, NumPy's
     * {@code np.searchsorted(a, v, side)}, in the sort's order (NaN last); both are compared in their common
     * dtype. Neither is modified; this array is assumed sorted (not checked).
     *
     * @param values any shape, any layout
     * @param side   before ({@code LEFT}) or after ({@code RIGHT}) the elements equal to a value
     * @return a new int64 array of {@code values}' shape
     * @throws IllegalArgumentException when this array is not 1-D, for complex dtypes
     */
    public GPUArray searchsorted(GPUArray values, SearchSide side) {
        ensureOpen();
        return SearchSorted.searchsorted(this, values, side);
    }

    // ---- lifecycle -------------------------------------------------------------------------------

    /** Frees the device memory (once no reshape of it is open either). Idempotent. */
    @Override
    public void close() {
        memory.close();
    }

    /** True once closed. */
    public boolean isClosed() {
        return memory.isClosed();
    }

    /**
     * The values as NumPy prints them, e.g. {@code array([[1. , 2.5], [3. , 4. ]], dtype=float32)}; arrays of
     * more than 1000 elements are summarised to their first and last three items per axis with {@code ...},
     * and only those leave the device. A closed array, or one whose device fails, prints its dtype and shape.
     */
    @Override
    public String toString() {
        if (!isClosed() && !context.isClosed()) {
            try {
                return ArrayFormatter.format(this);
            } catch (RuntimeException e) {
                return header(e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
        return header("closed");
    }

    private String header(String state) {
        return "GPUArray(" + dtype.numpyName() + ", shape=" + Shapes.format(shape()) + ", " + context.backendName()
                + ", " + state + ")";
    }

    // ---- for the package -------------------------------------------------------------------------

    /**
     * The buffer this array views; its elements lie where {@link #geometry()} says. For a call into the
     * device: the caller keeps this array reachable until the call returns ({@link Reference#reachabilityFence},
     * or a later use), so that the cleaner cannot free the buffer during the call.
     */
    DeviceBuffer buffer() {
        return shared().buffer();
    }

    Geometry geometry() {
        return geometry;
    }

    /** Contiguous from the buffer's first element: kernels and copies can treat it as the flat buffer. */
    boolean isFlat() {
        return geometry.isFlat();
    }

    /** A C-order copy when it is not, so the caller can close the result either way. */
    GPUArray flatOrCopy() {
        return geometry.isFlat() ? view(geometry) : copy();
    }

    void ensureOpen() {
        if (memory.isClosed()) {
            throw new IllegalStateException("this GPUArray (" + dtype.numpyName() + ", shape "
                    + Shapes.format(shape()) + ") is closed");
        }
        context.ensureOpen();
    }

    private SharedBuffer shared() {
        ensureOpen();
        return memory.shared();
    }

    private GPUArray binary(BinaryOp op, GPUArray other) {
        ensureOpen();
        Objects.requireNonNull(other, "other").ensureOpen();
        return Builtins.binary(op, this, other, null);
    }

    private GPUArray binary(BinaryOp op, GPUArray other, GPUArray out) {
        ensureOpen();
        Objects.requireNonNull(other, "other").ensureOpen();
        Objects.requireNonNull(out, "out").ensureOpen();
        return Builtins.binary(op, this, other, out);
    }

    private GPUArray scalar(BinaryOp op, Number s) {
        ensureOpen();
        return Builtins.binaryScalar(op, this, s, false);
    }

    private GPUArray scalarFirst(BinaryOp op, Number s) {
        ensureOpen();
        return Builtins.binaryScalar(op, this, s, true);
    }

    GPUArray unary(UnaryOp op, GPUArray out) {
        ensureOpen();
        if (out != null) {
            out.ensureOpen();
        }
        return Builtins.unary(op, this, out);
    }

    private void requireReal(String what) {
        if (dtype.isComplex()) {
            throw new UnsupportedOperationException(what + " of " + dtype.numpyName() + " arrays is not supported");
        }
    }

    private long[] resolveShape(long[] requested) {
        long[] s = Objects.requireNonNull(requested, "shape").clone();
        int unknown = -1;
        long known = 1;
        for (int k = 0; k < s.length; k++) {
            if (s[k] == -1 && unknown < 0) {
                unknown = k;
            } else if (s[k] < 0) {
                throw new IllegalArgumentException("invalid shape " + Shapes.format(requested) + " for reshape");
            } else if (s[k] != 0 && known > Long.MAX_VALUE / s[k]) {
                throw new IllegalArgumentException("cannot reshape array of size " + size + " into shape "
                        + Shapes.format(requested) + ": its size overflows a long");
            } else {
                known *= s[k];
            }
        }
        if (unknown >= 0) {
            if (known == 0 || size % known != 0) {
                throw new IllegalArgumentException("cannot reshape array of size " + size + " into shape "
                        + Shapes.format(requested));
            }
            s[unknown] = size / known;
        }
        if (Shapes.size(s) != size) {
            throw new IllegalArgumentException("cannot reshape array of size " + size + " into shape "
                    + Shapes.format(requested));
        }
        return s;
    }
}
