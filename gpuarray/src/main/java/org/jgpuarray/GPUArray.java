package org.jgpuarray;

import java.lang.ref.Reference;
import java.util.Objects;
import org.jgpuarray.internal.ArrayMemory;
import org.jgpuarray.internal.SharedBuffer;
import org.jgpuarray.spi.DeviceBuffer;
import org.jgpuarray.spi.HostArray;

/**
 * An n-dimensional array in device memory: dtype, shape (C order, contiguous) and a buffer.
 * Arithmetic returns new arrays, computed by generated kernels on the array's device; result types
 * follow NumPy, with Java scalars typed as NEP 50 says (a Java {@code int}/{@code long} takes the
 * array's type, a {@code float}/{@code double} keeps a float array's type).
 *
 * <p>Close arrays you no longer need ({@link #close()}), or let the garbage collector free them.
 * Any use after close throws {@link IllegalStateException}.
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
    private final long[] shape;
    private final long size;
    private final ArrayMemory memory;

    GPUArray(GpuContext context, DType dtype, long[] shape, SharedBuffer shared) {
        this.context = context;
        this.dtype = dtype;
        this.shape = shape;
        this.size = Shapes.size(shape);
        this.memory = new ArrayMemory(shared, context.deferredReleases(), this);
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
        return shape.clone();
    }

    /** Number of dimensions. */
    public int ndim() {
        return shape.length;
    }

    /** Number of elements. */
    public long size() {
        return size;
    }

    /** Bytes of device memory the elements take. */
    public long nbytes() {
        return size * dtype.itemSize();
    }

    // ---- shape and copies ------------------------------------------------------------------------

    /**
     * The same elements with another shape, sharing this array's memory (no copy). One extent may be
     * {@code -1}, computed from the others.
     *
     * @throws IllegalArgumentException when the sizes differ
     */
    public GPUArray reshape(long... newShape) {
        long[] s = resolveShape(newShape);
        return new GPUArray(context, dtype, s, shared().retain());
    }

    /** A copy converted to {@code type} (C casts: floats truncate toward zero; to bool, nonzero is true). */
    public GPUArray astype(DType type) {
        ensureOpen();
        return Builtins.astype(this, Objects.requireNonNull(type, "type"));
    }

    /** Sets every element to {@code value} (converted to the dtype). Modifies this array; returns it. */
    public GPUArray fill(Number value) {
        ensureOpen();
        Builtins.fill(this, value);
        return this;
    }

    /** A copy in new device memory. */
    public GPUArray copy() {
        ensureOpen();
        GPUArray out = context.empty(dtype, shape);
        if (size > 0) {
            context.backend().copyOnDevice(buffer(), 0, out.buffer(), 0, nbytes());
        }
        Reference.reachabilityFence(this);
        return out;
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
        if (n > 0) {
            context.backend().copyFromHost(host, 0, buffer(), 0, n);
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

    /** The elements converted to int (C casts). */
    public int[] toIntArray() {
        return (int[]) download(DType.INT32).array();
    }

    /** The elements converted to long (C casts). */
    public long[] toLongArray() {
        return (long[]) download(DType.INT64).array();
    }

    /** The elements as booleans (nonzero is true). */
    public boolean[] toBooleanArray() {
        byte[] bytes = (byte[]) download(DType.BOOL).array();
        boolean[] values = new boolean[bytes.length];
        for (int k = 0; k < bytes.length; k++) {
            values[k] = bytes[k] != 0;
        }
        return values;
    }

    /**
     * The single element of a 0-d (or one-element) array, as a double.
     *
     * @throws IllegalStateException when the array has more or fewer elements
     * @throws UnsupportedOperationException for complex arrays (use {@link #toFloatArray()} or
     *                                       {@link #toDoubleArray()}, which give both parts)
     */
    public double item() {
        if (size != 1) {
            throw new IllegalStateException("item() needs an array of one element, this one has shape "
                    + Shapes.format(shape));
        }
        if (dtype.isComplex()) {
            throw new UnsupportedOperationException("item() of a " + dtype.numpyName() + " array would drop the"
                    + " imaginary part; use toFloatArray() or toDoubleArray(), which give (real, imaginary)");
        }
        return download(dtype).get(0);
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
        HostArray host = HostArray.allocate(type.scalarType(), (int) size);
        if (size > 0) {
            context.backend().copyToHost(buffer(), 0, host, 0, host.length());
        }
        Reference.reachabilityFence(this); // as in every method that passes buffer() to the device
        return host;
    }

    // ---- arithmetic ------------------------------------------------------------------------------

    /** {@code this + other}, elementwise; shapes must match. */
    public GPUArray add(GPUArray other) {
        return binary(BinaryOp.ADD, other);
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
        return unary(UnaryOp.NEG);
    }

    /** {@code |this|}. */
    public GPUArray abs() {
        return unary(UnaryOp.ABS);
    }

    /** The elementwise larger value; NaN wins, as NumPy's {@code maximum}. */
    public GPUArray maximum(GPUArray other) {
        return binary(BinaryOp.MAXIMUM, other);
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
        return Builtins.reduce(BuiltinSpecs.sum(dtype), this, buffer());
    }

    /** The dot product of two 1-D arrays of equal size, in their promoted type; a 0-d array. */
    public GPUArray dot(GPUArray other) {
        ensureOpen();
        other.ensureOpen();
        Builtins.requireSameShape("dot", this, other);
        DType type = DType.promote(dtype, other.dtype());
        if (type == DType.BOOL) {
            throw new IllegalArgumentException("dot of two bool arrays is not supported; convert with astype first");
        }
        GPUArray result = Builtins.reduce(BuiltinSpecs.dot(dtype, other.dtype(), type), this, buffer(), other.buffer());
        Reference.reachabilityFence(other);
        return result;
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
        try (GPUArray converted = type == dtype ? null : astype(type);
             GPUArray scanned = scan.call(converted == null ? this : converted)) {
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
        return Builtins.reduce(BuiltinSpecs.extremum(dtype, maximum), this, buffer());
    }

    // ---- linear algebra --------------------------------------------------------------------------

    /**
     * The matrix product, NumPy's {@code matmul} for 1-D and 2-D float32/float64 operands, through
     * {@link GpuContext#blas()}.
     *
     * @return a new array
     * @throws IllegalArgumentException for other dtypes or dimensions, or shapes that do not align
     */
    public GPUArray matmul(GPUArray other) {
        ensureOpen();
        return context.blas().matmul(this, other);
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

    @Override
    public String toString() {
        return "GPUArray(" + dtype.numpyName() + ", shape=" + Shapes.format(shape) + ", " + context.backendName()
                + (isClosed() ? ", closed" : "") + ")";
    }

    // ---- for the package -------------------------------------------------------------------------

    /**
     * The buffer, for a call into the device. The caller keeps this array reachable until the call returns
     * ({@link Reference#reachabilityFence}, or a later use), so that the cleaner cannot free the buffer
     * during the call.
     */
    DeviceBuffer buffer() {
        return shared().buffer();
    }

    void ensureOpen() {
        if (memory.isClosed()) {
            throw new IllegalStateException("this GPUArray (" + dtype.numpyName() + ", shape "
                    + Shapes.format(shape) + ") is closed");
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
        return Builtins.binary(op, this, other);
    }

    private GPUArray scalar(BinaryOp op, Number s) {
        ensureOpen();
        return Builtins.binaryScalar(op, this, s, false);
    }

    private GPUArray scalarFirst(BinaryOp op, Number s) {
        ensureOpen();
        return Builtins.binaryScalar(op, this, s, true);
    }

    GPUArray unary(UnaryOp op) {
        ensureOpen();
        return Builtins.unary(op, this);
    }

    private void requireReal(String what) {
        if (dtype.isComplex()) {
            throw new UnsupportedOperationException(what + " of " + dtype.numpyName() + " arrays is not supported");
        }
    }

    private long[] resolveShape(long[] requested) {
        long[] s = requested.clone();
        int unknown = -1;
        long known = 1;
        for (int k = 0; k < s.length; k++) {
            if (s[k] == -1 && unknown < 0) {
                unknown = k;
            } else if (s[k] < 0) {
                throw new IllegalArgumentException("invalid shape " + Shapes.format(requested) + " for reshape");
            } else {
                known = Math.multiplyExact(known, s[k]);
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
