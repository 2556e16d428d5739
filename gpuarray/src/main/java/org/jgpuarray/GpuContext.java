package org.jgpuarray;

import java.nio.ByteBuffer;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.jgpuarray.blas.Blas;
import org.jgpuarray.device.BackendProbe;
import org.jgpuarray.device.DeviceInfo;
import org.jgpuarray.device.DeviceTimer;
import org.jgpuarray.device.OutOfDeviceMemoryException;
import org.jgpuarray.fft.Fft;
import org.jgpuarray.internal.BackendRegistry;
import org.jgpuarray.internal.MemoryPressure;
import org.jgpuarray.internal.ReleaseQueue;
import org.jgpuarray.internal.SharedBuffer;
import org.jgpuarray.kernels.Dialect;
import org.jgpuarray.kernels.ElementwiseSpec;
import org.jgpuarray.kernels.ReductionSpec;
import org.jgpuarray.kernels.ScanSpec;
import org.jgpuarray.random.GpuRandom;
import org.jgpuarray.spi.BackendDevice;
import org.jgpuarray.spi.CompiledElementwise;
import org.jgpuarray.spi.CompiledReduction;
import org.jgpuarray.spi.CompiledScan;
import org.jgpuarray.spi.DeviceBuffer;
import org.jgpuarray.spi.HostArray;
import org.jgpuarray.device.BackendUnavailableException;
import org.jgpuarray.device.KernelCompilationException;
import org.jgpuarray.device.UnsupportedCapabilityException;

/**
 * One device opened for computing: where arrays live and kernels run. Create it with
 * {@link #create()} (the best backend: CUDA, then OpenCL, then the CPU) or {@link #create(String)},
 * and close it when done; closing frees every array of the context.
 *
 * <h2>Threads</h2>
 * A context is safe to share between threads, and its arrays, kernels and libraries may be used from any
 * thread, as a CUDA context made current per call: every backend serialises what its device API needs.
 * On CUDA and OpenCL each call into the driver runs under the device's lock (a reduction or scan, several
 * launches, holds it throughout), and each library call (BLAS, FFT, random numbers) runs under this
 * context's library lock and then the device's, since library handles are not thread-safe. Host-side work
 * (argument checks, kernel generation and compilation caches, allocation bookkeeping) runs in parallel.
 * On the CPU backend kernels of different threads run at once, each on all cores. Threads that share a
 * context take turns on its device; for parallel work, give each thread its own context (a context per
 * thread costs a command queue or a context reference, and its own compiled kernels).
 *
 * <p>What is not synchronised is the data: two threads that write the same array, or one writing what
 * another reads, race as they would on a Java array; order such uses yourself. Work of one context runs
 * in the order its calls entered the device, so a result read on one thread after another thread's call
 * returned sees that call's effect, when both threads work in the same stream (by default they do).
 *
 * <h2>Streams</h2>
 * Every operation is enqueued in the calling thread's current {@link GpuStream} of the context: the
 * {@linkplain #defaultStream() default stream} unless a {@link GpuStream#use()} scope made another current.
 * Blocking reads ({@code toFloatArray()}, {@code item()}) wait for the current stream's work only;
 * {@link #synchronize()} waits for every stream. See {@link GpuStream}.
 *
 * <p>{@link #close()} may run while other threads use the context: it waits for the device call in
 * progress, then frees everything; later calls, and the remaining steps of operations under way, throw
 * {@link IllegalStateException}. Nothing crashes.
 *
 * <h2>Memory</h2>
 * Close arrays when done ({@code try}-with-resources), or leave them to the garbage collector: an
 * unreachable array's memory is freed at a later allocation of its context. The device memory of such
 * arrays stays bounded: when the context's live memory has grown by a budget (a sixteenth of the
 * device's memory, between 16 and 64 MiB, widened while the program keeps what it allocates) the
 * allocating thread hints one garbage collection and at once releases the arrays it found unreachable
 * (no waiting, no loop). Queued device work is bounded too (a few hundred commands or 32 MiB of freed
 * buffers, see {@code GpuDevice}), so a loop that launches without ever synchronising does not run ahead
 * of the device without limit. An allocation that finds the device full collects unreachable arrays once
 * and retries once before it throws {@link OutOfDeviceMemoryException}.
 */
public final class GpuContext implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger("org.jgpuarray");

    private final BackendDevice device;
    private final ReleaseQueue deferredReleases = new ReleaseQueue();
    private final BlockPool pool;
    private final MemoryPressure pressure;
    private final ContextStreams streams;
    private final Map<Object, Object> compiled = new ConcurrentHashMap<>();
    private Libraries libraries;
    private volatile boolean closed;

    private GpuContext(BackendDevice device) {
        this.device = device;
        this.pool = new BlockPool(device, PoolSettings.fromEnvironment(device.info().globalMemoryBytes()),
                device.dialect() == Dialect.JAVA);
        // the CPU backend's buffers are Java arrays: the collector sees them without hints
        this.pressure = new MemoryPressure(device.info().globalMemoryBytes(), device.dialect() != Dialect.JAVA);
        this.streams = new ContextStreams(this, device, pool, device.dialect() == Dialect.JAVA);
        LOG.log(System.Logger.Level.DEBUG, "opened " + device.info());
    }

    /**
     * Opens the best available device: the backend named by {@code JGPUARRAY_BACKEND} if set, else
     * CUDA, then OpenCL (GPUs first), then the CPU. {@code JGPUARRAY_DEVICE} picks a device by index
     * or by part of its name.
     *
     * @throws BackendUnavailableException when the requested backend cannot start
     */
    public static GpuContext create() {
        return new GpuContext(BackendRegistry.open(null, null));
    }

    /**
     * Opens the first device of a named backend ({@code JGPUARRAY_DEVICE} may choose another).
     *
     * @param backend {@code "cuda"}, {@code "opencl"} or {@code "cpu"}
     * @throws BackendUnavailableException with the reason, when that backend cannot start here
     * @throws IllegalArgumentException    when no backend has that name
     */
    public static GpuContext create(String backend) {
        return new GpuContext(BackendRegistry.open(Objects.requireNonNull(backend, "backend"), null));
    }

    /**
     * Opens a chosen device of a named backend.
     *
     * @param backend {@code "cuda"}, {@code "opencl"} or {@code "cpu"}
     * @param device  a device index ({@code "1"}) or part of its name ({@code "h100"})
     */
    public static GpuContext create(String backend, String device) {
        return new GpuContext(BackendRegistry.open(Objects.requireNonNull(backend, "backend"),
                Objects.requireNonNull(device, "device")));
    }

    /**
     * What every backend on the class path finds on this machine, most preferred first. Backends are
     * discovered once per process and cache their probes, so this is cheap after the first call.
     */
    public static List<BackendProbe> probeBackends() {
        return BackendRegistry.probes();
    }

    /** The backend's name: {@code "cpu"}, {@code "opencl"} or {@code "cuda"}. */
    public String backendName() {
        return device.info().backend();
    }

    /** The device this context computes on. */
    public DeviceInfo device() {
        return device.info();
    }

    // ---- arrays from host data -------------------------------------------------------------------

    /** Copies {@code data} to the device; {@code shape} defaults to 1-D and must hold data.length elements. */
    public GPUArray toGpu(float[] data, long... shape) {
        return upload(DType.FLOAT32, data, Objects.requireNonNull(data, "data").length, shape);
    }

    /** Copies {@code data} to the device as float64; see {@link #toGpu(float[], long...)}. */
    public GPUArray toGpu(double[] data, long... shape) {
        return upload(DType.FLOAT64, data, Objects.requireNonNull(data, "data").length, shape);
    }

    /** Copies {@code data} to the device as int32; see {@link #toGpu(float[], long...)}. */
    public GPUArray toGpu(int[] data, long... shape) {
        return upload(DType.INT32, data, Objects.requireNonNull(data, "data").length, shape);
    }

    /** Copies {@code data} to the device as int64; see {@link #toGpu(float[], long...)}. */
    public GPUArray toGpu(long[] data, long... shape) {
        return upload(DType.INT64, data, Objects.requireNonNull(data, "data").length, shape);
    }

    /** Copies {@code data} to the device as bool; see {@link #toGpu(float[], long...)}. */
    public GPUArray toGpu(boolean[] data, long... shape) {
        byte[] bytes = BoolBytes.of(Objects.requireNonNull(data, "data"));
        return upload(DType.BOOL, bytes, bytes.length, shape);
    }

    // ---- arrays from java.nio buffers ------------------------------------------------------------

    /**
     * Copies the values {@code [position, limit)} of {@code data} to the device; {@code shape} defaults to
     * 1-D and must hold that many elements. A direct buffer in native byte order is copied straight from
     * native memory (GPU backends give the driver its address: no Java array in between); a heap buffer
     * from its backing array; any other buffer through a temporary array.
     *
     * @param data not modified; its position and limit are not moved
     */
    public GPUArray toGpu(FloatBuffer data, long... shape) {
        return NioTransfers.toGpu(this, DType.FLOAT32, data, shape);
    }

    /** Copies a buffer's remaining values to the device as float64; see {@link #toGpu(FloatBuffer, long...)}. */
    public GPUArray toGpu(DoubleBuffer data, long... shape) {
        return NioTransfers.toGpu(this, DType.FLOAT64, data, shape);
    }

    /** Copies a buffer's remaining values to the device as int32; see {@link #toGpu(FloatBuffer, long...)}. */
    public GPUArray toGpu(IntBuffer data, long... shape) {
        return NioTransfers.toGpu(this, DType.INT32, data, shape);
    }

    /** Copies a buffer's remaining values to the device as int64; see {@link #toGpu(FloatBuffer, long...)}. */
    public GPUArray toGpu(LongBuffer data, long... shape) {
        return NioTransfers.toGpu(this, DType.INT64, data, shape);
    }

    /**
     * Copies raw bytes to the device as {@code dtype}: the bytes {@code [position, limit)} of
     * {@code bytes}, read in the buffer's byte order ({@link ByteBuffer#order()}), are the array's storage
     * in C order (complex: real, imaginary pairs; bool: one byte per element, nonzero is true). A direct
     * buffer in native order is copied with no Java array in between, as in
     * {@link #toGpu(FloatBuffer, long...)}.
     *
     * @param bytes not modified; its position and limit are not moved
     * @throws IllegalArgumentException when the byte count is not a whole number of values, or does not
     *     fill {@code shape}
     */
    public GPUArray toGpu(ByteBuffer bytes, DType dtype, long... shape) {
        return NioTransfers.toGpu(this, bytes, dtype, shape);
    }

    /**
     * Copies a matrix to the device as a 2-D float32 array of shape (rows, columns).
     *
     * @param rows equally long rows; not modified
     * @throws IllegalArgumentException when rows differ in length (naming the first that does)
     */
    public GPUArray toGpu(float[][] rows) {
        int columns = columns(rows);
        float[] flat = new float[Math.multiplyExact(rows.length, columns)];
        for (int r = 0; r < rows.length; r++) {
            System.arraycopy(rows[r], 0, flat, r * columns, columns);
        }
        return toGpu(flat, rows.length, columns);
    }

    /** Copies a matrix to the device as 2-D float64; see {@link #toGpu(float[][])}. */
    public GPUArray toGpu(double[][] rows) {
        int columns = columns(rows);
        double[] flat = new double[Math.multiplyExact(rows.length, columns)];
        for (int r = 0; r < rows.length; r++) {
            System.arraycopy(rows[r], 0, flat, r * columns, columns);
        }
        return toGpu(flat, rows.length, columns);
    }

    /** Copies a matrix to the device as 2-D int32; see {@link #toGpu(float[][])}. */
    public GPUArray toGpu(int[][] rows) {
        int columns = columns(rows);
        int[] flat = new int[Math.multiplyExact(rows.length, columns)];
        for (int r = 0; r < rows.length; r++) {
            System.arraycopy(rows[r], 0, flat, r * columns, columns);
        }
        return toGpu(flat, rows.length, columns);
    }

    /** Copies a matrix to the device as 2-D int64; see {@link #toGpu(float[][])}. */
    public GPUArray toGpu(long[][] rows) {
        int columns = columns(rows);
        long[] flat = new long[Math.multiplyExact(rows.length, columns)];
        for (int r = 0; r < rows.length; r++) {
            System.arraycopy(rows[r], 0, flat, r * columns, columns);
        }
        return toGpu(flat, rows.length, columns);
    }

    /** Copies a matrix to the device as 2-D bool; see {@link #toGpu(float[][])}. */
    public GPUArray toGpu(boolean[][] rows) {
        int columns = columns(rows);
        boolean[] flat = new boolean[Math.multiplyExact(rows.length, columns)];
        for (int r = 0; r < rows.length; r++) {
            System.arraycopy(rows[r], 0, flat, r * columns, columns);
        }
        return toGpu(flat, rows.length, columns);
    }

    /** The common length of {@code rows} (arrays), 0 for no rows. */
    private static int columns(Object[] rows) {
        Objects.requireNonNull(rows, "rows");
        int columns = -1;
        for (int r = 0; r < rows.length; r++) {
            if (rows[r] == null) {
                throw new NullPointerException("row " + r + " is null");
            }
            int length = java.lang.reflect.Array.getLength(rows[r]);
            if (columns >= 0 && length != columns) {
                throw new IllegalArgumentException("rows must be equally long: row 0 has " + columns
                        + " values, row " + r + " has " + length);
            }
            columns = length;
        }
        return Math.max(columns, 0);
    }

    /**
     * Copies interleaved (real, imaginary) pairs to the device as a complex array.
     *
     * @param dtype       COMPLEX64 (data is {@code float[]}) or COMPLEX128 ({@code double[]})
     * @param interleaved 2 * size values; not modified
     */
    public GPUArray toGpuComplex(DType dtype, Object interleaved, long... shape) {
        Objects.requireNonNull(dtype, "dtype");
        Objects.requireNonNull(interleaved, "interleaved");
        if (!dtype.isComplex()) {
            throw new IllegalArgumentException("toGpuComplex needs complex64 or complex128, got " + dtype.numpyName());
        }
        HostArray host = HostArray.wrap(dtype.scalarType(), interleaved);
        if (host.length() % 2 != 0) {
            throw new IllegalArgumentException("interleaved complex data needs an even number of values"
                    + " (real, imaginary pairs), got " + host.length());
        }
        return upload(dtype, interleaved, host.length() / 2, shape);
    }

    private GPUArray upload(DType dtype, Object data, int count, long[] shape) {
        Objects.requireNonNull(shape, "shape");
        long[] s = shape.length == 0 ? new long[] {count} : Shapes.checked(shape);
        if (Shapes.size(s) != count) {
            throw new IllegalArgumentException("data has " + count + " elements, but shape "
                    + Shapes.format(s) + " needs " + Shapes.size(s));
        }
        GPUArray array = empty(dtype, s);
        if (count > 0) {
            device.copyFromHost(HostArray.wrap(dtype.scalarType(), data), 0, array.buffer(), 0,
                    dtype.isComplex() ? 2 * count : count);
        }
        return array;
    }

    // ---- array factories -------------------------------------------------------------------------

    /** A new array with unspecified contents. */
    public GPUArray empty(DType dtype, long... shape) {
        Objects.requireNonNull(dtype, "dtype");
        long[] s = Shapes.checked(Objects.requireNonNull(shape, "shape"));
        return new GPUArray(this, dtype, s, allocate(dtype, Shapes.size(s)));
    }

    /** A new array laid out as {@code geometry} (offset 0, no broadcast axes), with unspecified contents. */
    GPUArray empty(DType dtype, Geometry geometry) {
        return new GPUArray(this, dtype, geometry, allocate(dtype, geometry.size()));
    }

    /** A new array of zeros. */
    public GPUArray zeros(DType dtype, long... shape) {
        return empty(dtype, shape).fill(0);
    }

    /** A new array with every element {@code value}, converted to {@code dtype} (complex: imaginary parts 0). */
    public GPUArray full(DType dtype, Number value, long... shape) {
        return empty(dtype, shape).fill(value);
    }

    /** {@code [0, 1, ..., n-1]} as a 1-D array. */
    public GPUArray arange(DType dtype, long n) {
        return arange(dtype, 0, n, 1);
    }

    /**
     * {@code start, start + step, ...} up to but excluding {@code stop}, as NumPy's {@code arange}:
     * {@code ceil((stop - start) / step)} elements.
     *
     * @throws IllegalArgumentException when step is zero or a value is not finite
     */
    public GPUArray arange(DType dtype, double start, double stop, double step) {
        Objects.requireNonNull(dtype, "dtype");
        if (step == 0 || !Double.isFinite(start) || !Double.isFinite(stop) || !Double.isFinite(step)) {
            throw new IllegalArgumentException("arange needs finite start, stop and a nonzero step; got "
                    + start + ", " + stop + ", " + step);
        }
        long n = Math.max(0, (long) Math.ceil((stop - start) / step));
        if (dtype.isInteger()) {
            requireIntegral(dtype, start, stop, step);
        } else if (!dtype.isFloatingPoint()) {
            throw new IllegalArgumentException("arange needs an integer or floating dtype, got " + dtype.numpyName());
        }
        GPUArray out = empty(dtype, n);
        Builtins.arange(out, start, step);
        return out;
    }

    /** Integral start and step, and a last value that the dtype holds (no silent wrap-around). */
    private static void requireIntegral(DType dtype, double start, double stop, double step) {
        if (start != Math.rint(start) || step != Math.rint(step)) {
            throw new IllegalArgumentException("arange of " + dtype.numpyName() + " needs integral start and step, got "
                    + start + " and " + step);
        }
        double min = dtype == DType.INT32 ? Integer.MIN_VALUE : -0x1p63;
        double max = dtype == DType.INT32 ? Integer.MAX_VALUE : 0x1p63 - 1024;
        long n = Math.max(0, (long) Math.ceil((stop - start) / step));
        double last = start + (n - 1) * step;
        if (n > 0 && (start < min || start > max || last < min || last > max)) {
            throw new IllegalArgumentException("arange(" + start + ", " + stop + ", " + step + ") runs past the range of "
                    + dtype.numpyName());
        }
    }

    /** A new array of the same dtype and shape, with unspecified contents. */
    public GPUArray emptyLike(GPUArray like) {
        Objects.requireNonNull(like, "like");
        return empty(like.dtype(), like.shape());
    }

    /** A new array of zeros with the same dtype and shape. */
    public GPUArray zerosLike(GPUArray like) {
        Objects.requireNonNull(like, "like");
        return zeros(like.dtype(), like.shape());
    }

    // ---- kernels ---------------------------------------------------------------------------------

    /**
     * Compiles an elementwise kernel, PyCUDA's {@code ElementwiseKernel(arguments, operation, name)}.
     *
     * @param arguments C parameter list, e.g. {@code "float a, float *x, float *y"}
     * @param operation C statements for element {@code i} of {@code n}, e.g. {@code "y[i] = a*x[i]"}
     * @param name      the kernel's name, a C identifier
     * @throws IllegalArgumentException   for a malformed argument list or unknown type
     * @throws KernelCompilationException when the snippet does not compile
     */
    public ElementwiseKernel elementwiseKernel(String arguments, String operation, String name) {
        return elementwiseKernelBuilder(arguments, operation, name).build();
    }

    /** A builder for an elementwise kernel with a preamble, loop preparation or after-loop code. */
    public ElementwiseKernel.Builder elementwiseKernelBuilder(String arguments, String operation, String name) {
        return new ElementwiseKernel.Builder(this, arguments, operation, name);
    }

    /**
     * Compiles a map-reduce kernel, PyCUDA's {@code ReductionKernel(dtype_out, neutral, reduce_expr,
     * map_expr, arguments)}. Its name is derived from the expressions.
     *
     * @param outputType  the accumulator and result dtype
     * @param neutral     the identity of the reduction, e.g. {@code "0"}
     * @param reduceExpr  combines {@code a} and {@code b}, e.g. {@code "a+b"}
     * @param mapExpr     the value of element {@code i}, e.g. {@code "x[i]*y[i]"}
     * @param arguments   C parameter list, e.g. {@code "float *x, float *y"}
     */
    public ReductionKernel reductionKernel(DType outputType, String neutral, String reduceExpr, String mapExpr,
                                           String arguments) {
        return reductionKernelBuilder(outputType, neutral, reduceExpr, mapExpr, arguments).build();
    }

    /** A builder for a map-reduce kernel with a preamble or a name. */
    public ReductionKernel.Builder reductionKernelBuilder(DType outputType, String neutral, String reduceExpr,
                                                          String mapExpr, String arguments) {
        return new ReductionKernel.Builder(this, outputType, neutral, reduceExpr, mapExpr, arguments);
    }

    /**
     * An inclusive scan ({@code out[k] = in[0] op ... op in[k]}), PyCUDA's {@code InclusiveScanKernel}.
     *
     * @param dtype    element type of input and output
     * @param scanExpr associative operator in {@code a} (earlier) and {@code b} (later), e.g. {@code "a+b"}
     * @param neutral  the operator's identity, e.g. {@code "0"}
     */
    public ScanKernel inclusiveScanKernel(DType dtype, String scanExpr, String neutral) {
        return new ScanKernel(this, ScanKernel.spec(dtype, scanExpr, neutral, true, ""));
    }

    /** An exclusive scan ({@code out[0] = neutral}, {@code out[k] = in[0] op ... op in[k-1]}). */
    public ScanKernel exclusiveScanKernel(DType dtype, String scanExpr, String neutral) {
        return new ScanKernel(this, ScanKernel.spec(dtype, scanExpr, neutral, false, ""));
    }

    /**
     * Compiles a program written in this backend's language (CUDA C++ or OpenCL C), like PyCUDA's
     * {@code SourceModule} or PyOpenCL's {@code Program(...).build()}.
     *
     * @throws UnsupportedCapabilityException on the CPU backend
     * @throws KernelCompilationException     with the compiler's log
     */
    public SourceModule sourceModule(String source, String... options) {
        ensureOpen();
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(options, "options");
        for (String option : options) {
            Objects.requireNonNull(option, "an element of options");
        }
        return new SourceModule(this, device.compileProgram(SourceModule.nameOf(source), source, List.of(options)));
    }

    // ---- libraries -------------------------------------------------------------------------------

    /**
     * BLAS (GEMM, GEMV, AXPY, DOT, NRM2) on this device: the backend's library (cuBLAS) where it offers
     * one, else jgpuarray's portable kernels or, on the CPU, a multi-threaded Java implementation.
     *
     * @throws UnsupportedCapabilityException when the backend has neither
     */
    public Blas blas() {
        return libraries().blas();
    }

    /**
     * A Philox4x32-10 generator seeded with {@code seed}: the same numbers on every backend for the same
     * seed and calls.
     */
    public GpuRandom random(long seed) {
        return libraries().random(seed);
    }

    /** FFTs on this device: the backend's library (cuFFT), portable kernels, or JTransforms on the CPU. */
    public Fft fft() {
        return libraries().fft();
    }

    // ---- sorting (for the package) --------------------------------------------------------------

    /** The sort provider of this context's device (see {@code Sorting}). */
    org.jgpuarray.spi.SortProvider sorter() {
        return libraries().sort();
    }

    private synchronized Libraries libraries() {
        ensureOpen(); // under the lock that close() takes: no libraries are made for a closed context
        if (libraries == null) {
            libraries = new Libraries(new Host(), device);
        }
        return libraries;
    }

    /**
     * A backend-specific feature of this context's device, as the backend publishes it in its exported
     * package: for example {@code org.jgpuarray.opencl.OpenClFeatures} (program-cache statistics, live
     * buffers) or {@code org.jgpuarray.cuda.CudaFeatures} (the CUDA stream, the compiler).
     *
     * @param feature the feature interface
     * @return the feature, or empty when this backend does not offer it
     * @throws IllegalStateException when the context is closed
     */
    public <T> Optional<T> unwrap(Class<T> feature) {
        ensureOpen();
        return device.unwrap(Objects.requireNonNull(feature, "feature"));
    }

    // ---- pinned host memory ------------------------------------------------------------------------

    /**
     * A new one-dimensional array of {@code n} elements in host memory that this device copies to and from
     * asynchronously ({@link GPUArray#setAsync(PinnedArray)}, {@link GPUArray#getAsync(PinnedArray)}):
     * page-locked on CUDA, a mapped {@code CL_MEM_ALLOC_HOST_PTR} buffer on OpenCL, a direct buffer on the CPU
     * backend. Contents unspecified. Close it when done (see {@link PinnedArray}).
     *
     * @throws IllegalArgumentException when {@code n} is negative or the array would exceed
     *     {@code Integer.MAX_VALUE - 8} bytes
     * @throws OutOfDeviceMemoryException when the host or device has no room for it
     */
    public PinnedArray pinnedHost(DType dtype, long n) {
        return PinnedArray.allocate(this, dtype, n);
    }

    // ---- memory pool -----------------------------------------------------------------------------

    /**
     * The memory pool of this context's device: memory of freed arrays kept for reuse, its figures and its
     * limit (see {@link MemoryPool}).
     *
     * @throws IllegalStateException when the context is closed
     */
    public MemoryPool memoryPool() {
        ensureOpen();
        return pool;
    }

    /** Waits until every launched kernel and copy has finished, in every stream. */
    public void synchronize() {
        ensureOpen();
        device.synchronize();
    }

    /**
     * Starts timing device work; {@code stopNanos()} on the result waits for the work launched in
     * between and returns its duration, measured with device events where the backend has them. A timer
     * stopped after its context closed throws {@link IllegalStateException}.
     */
    public DeviceTimer startTimer() {
        ensureOpen();
        DeviceTimer timer = device.startTimer();
        return new DeviceTimer() {
            @Override
            public long stopNanos() {
                ensureOpen(); // a timer outliving its context must not touch the released events and queue
                return timer.stopNanos();
            }

            @Override
            public void close() {
                if (!closed) {
                    timer.close();
                }
            }
        };
    }

    /**
     * Frees every array and kernel of this context and the device. Idempotent. Other threads may be using
     * the context: close waits for the library call and the device call in progress, and their later calls
     * throw {@link IllegalStateException}.
     */
    @Override
    public void close() {
        Libraries opened;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            opened = libraries;
        }
        try {
            if (opened != null) {
                opened.close();
            }
        } finally {
            deferredReleases.clear();
            pool.close();
            compiled.clear();
            device.close();
        }
    }

    /** True once {@link #close()} has run. */
    public boolean isClosed() {
        return closed;
    }

    @Override
    public String toString() {
        return "GpuContext[" + device.info() + (closed ? ", closed" : "") + "]";
    }

    // ---- several devices ---------------------------------------------------------------------------

    /**
     * Every device of every backend that can start here: the most preferred backend first (CUDA, OpenCL,
     * the CPU), each backend's devices in index order. {@link DeviceInfo#backend()} and
     * {@link DeviceInfo#index()} say how to open one with {@link #create(String, int)}.
     */
    public static List<DeviceInfo> devices() {
        return Devices.all();
    }

    /**
     * The devices of one backend, in index order; empty when the backend cannot start here
     * ({@link #probeBackends()} says why).
     *
     * @param backend {@code "cuda"}, {@code "opencl"} or {@code "cpu"}
     * @throws IllegalArgumentException when no backend has that name
     */
    public static List<DeviceInfo> devices(String backend) {
        return Devices.of(backend);
    }

    /**
     * Opens device {@code deviceIndex} of a backend: one context per device, and each may be used from its
     * own thread while the others compute. Arrays move between contexts with {@link GPUArray#to}.
     *
     * @param backend     {@code "cuda"}, {@code "opencl"} or {@code "cpu"}
     * @param deviceIndex an index into {@link #devices(String)}
     * @throws BackendUnavailableException when the backend cannot start, or has no device of that index
     * @throws IllegalArgumentException    for an unknown backend or a negative index
     */
    public static GpuContext create(String backend, int deviceIndex) {
        return new GpuContext(Devices.open(backend, deviceIndex));
    }

    /**
     * A Philox4x32-10 generator of {@code seed} whose first call starts at counter block {@code offset} of
     * the stream, as if {@code offset} blocks had been drawn already (one block yields four float32 or two
     * float64 values): how parts of one job draw disjoint stretches of one stream. See
     * {@link org.jgpuarray.random.PhiloxStream} for stretches that start at any element.
     *
     * @param offset counter blocks to skip, at least 0
     * @throws IllegalArgumentException for a negative offset
     */
    public GpuRandom random(long seed, long offset) {
        if (offset < 0) {
            throw new IllegalArgumentException("the counter offset must be >= 0, got " + offset);
        }
        return libraries().random(seed, offset);
    }

    // ---- streams and events ----------------------------------------------------------------------

    /**
     * Creates a stream of this context (see {@link GpuStream}); close it when done. Its work overlaps the
     * other streams' where the device allows it (CUDA streams, OpenCL command queues).
     *
     * @throws IllegalStateException          when the context is closed
     * @throws UnsupportedCapabilityException where the backend has no streams
     */
    public GpuStream newStream() {
        ensureOpen();
        return streams.newStream(this);
    }

    /**
     * The calling thread's current stream: that of its innermost open {@link GpuStream#use()} scope of this
     * context, else the {@linkplain #defaultStream() default stream}.
     */
    public GpuStream currentStream() {
        ensureOpen();
        return streams.current();
    }

    /**
     * The stream every thread's work goes to while it has no {@link GpuStream#use()} scope open: the CUDA
     * stream or OpenCL queue the context was created with. It belongs to the context (closing it only waits).
     */
    public GpuStream defaultStream() {
        ensureOpen();
        return streams.defaultStream();
    }

    // ---- for the package -------------------------------------------------------------------------

    void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("this GpuContext (" + device.info().backend() + ") is closed");
        }
    }

    BackendDevice backend() {
        ensureOpen();
        return device;
    }

    ReleaseQueue deferredReleases() {
        return deferredReleases;
    }

    SharedBuffer allocate(DType dtype, long count) {
        ensureOpen();
        deferredReleases.drain();
        long elements = Math.max(count, 1); // an empty array still gets a valid (one-element) buffer
        if (UntrackedBuffers.applies(device, dtype, elements)) {
            return SharedBuffer.untracked(device.allocate(dtype.scalarType(), elements));
        }
        pressure.beforeAllocation(deferredReleases);
        DeviceBuffer buffer;
        GpuStream stream = streams.poolStream();
        try {
            buffer = pool.allocate(dtype.scalarType(), elements, stream);
        } catch (OutOfDeviceMemoryException e) {
            LOG.log(System.Logger.Level.DEBUG, "out of device memory; collecting unreachable arrays and retrying once");
            pressure.afterFailedAllocation(deferredReleases);
            buffer = pool.allocate(dtype.scalarType(), elements, stream);
        }
        pressure.allocated(buffer.byteSize());
        return new SharedBuffer(buffer, b -> free(dtype, b, stream));
    }

    /**
     * Frees a buffer no array refers to any more into the memory pool, which keeps it or frees it through
     * {@link BackendDevice#free}; on any thread.
     */
    private void free(DType dtype, DeviceBuffer buffer, GpuStream stream) {
        pressure.released(buffer.byteSize());
        pool.release(dtype.scalarType(), buffer, stream);
    }

    CompiledElementwise compiled(ElementwiseSpec spec) {
        return cached(spec, s -> device.compile(spec));
    }

    CompiledReduction compiled(ReductionSpec spec) {
        return cached(spec, s -> device.compile(spec));
    }

    CompiledScan compiled(ScanSpec spec) {
        return cached(spec, s -> device.compile(spec));
    }

    @SuppressWarnings("unchecked")
    private <T> T cached(Object spec, Function<Object, T> compile) {
        ensureOpen();
        Object kernel = compiled.get(spec);
        if (kernel == null) {
            kernel = compile.apply(spec);
            Object raced = compiled.putIfAbsent(spec, kernel);
            kernel = raced != null ? raced : kernel;
        }
        return (T) kernel;
    }

    /** What the library layer may do with this context. */
    private final class Host implements LibraryHost {
        @Override
        public GPUArray empty(DType dtype, long... shape) {
            return GpuContext.this.empty(dtype, shape);
        }

        @Override
        public DeviceBuffer buffer(GPUArray array, String role) {
            if (array.context() != GpuContext.this) {
                throw new IllegalArgumentException(role + " belongs to another context");
            }
            if (!array.isFlat()) {
                throw new IllegalStateException(role + " is a view; the library layer passes views as flat copies");
            }
            return array.buffer();
        }

        @Override
        public boolean owns(GPUArray array) {
            return array.context() == GpuContext.this;
        }
    }
}
