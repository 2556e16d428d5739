package org.jgpuarray.cuda.internal.cublas;

import static org.jgpuarray.cuda.internal.cublas.CublasStatus.NAMES;
import static org.jgpuarray.cuda.internal.cublas.CublasStatus.OP_N;
import static org.jgpuarray.cuda.internal.cublas.CublasStatus.OP_T;
import static org.jgpuarray.cuda.internal.cublas.CublasStatus.POINTER_MODE_DEVICE;
import static org.jgpuarray.cuda.internal.cublas.CublasStatus.POINTER_MODE_HOST;

import java.util.function.IntSupplier;
import java.util.function.Supplier;
import jcuda.driver.CUstream;
import org.jgpuarray.device.UnsupportedCapabilityException;
import org.jgpuarray.cuda.internal.CudaContext;
import org.jgpuarray.cuda.internal.CudaDriver;
import org.jgpuarray.cuda.internal.CudaPointer;
import org.jgpuarray.kernels.ScalarType;
import org.jgpuarray.spi.BlasProvider;
import org.jgpuarray.spi.DeviceBuffer;
import org.jgpuarray.spi.HostArray;
import org.jgpuarray.spi.StridedMatrices;

/**
 * cuBLAS as the core's {@link BlasProvider} on one device: one handle, bound to the device's stream, so
 * that cuBLAS's work is ordered with the backend's kernels and copies. Row-major operands reach
 * column-major cuBLAS as the transposed problem: {@code C = op(A) op(B)} is {@code gemm(opB, opA, n, m,
 * k, B, ldb, A, lda, C, ldc)} (and likewise {@code cublas[SD]gemmStridedBatched}, with element offsets
 * applied to the pointers), and {@code gemv} flips the transpose and swaps the matrix dimensions.
 * {@code dot} and {@code nrm2} write into device memory in {@code CUBLAS_POINTER_MODE_DEVICE}, so they
 * do not wait for the device. Sizes are cuBLAS's 32-bit ints. Every call pushes the device's context and pops it
 * again; a failed status whose cause is a sticky driver error marks the context broken. Not thread-safe (nor
 * are the library's handles): called under the device's lock, as the core runs library calls through
 * {@code GpuDevice.exclusive}.
 */
public final class CublasBlas implements BlasProvider, AutoCloseable {
    private final CudaDriver device;
    private final CublasHandle handle;
    private final String implementation;
    /** The stream the handle is bound to; switched when the device's selected stream differs. */
    private CUstream stream;
    private boolean closed;

    private CublasBlas(CudaDriver device, CublasHandle handle, String implementation, CUstream stream) {
        this.device = device;
        this.handle = handle;
        this.implementation = implementation;
        this.stream = stream;
    }

    /**
     * Creates a handle on {@code device} and binds it to the device's stream.
     *
     * @throws org.jgpuarray.device.DeviceException when cuBLAS refuses
     */
    public static CublasBlas open(CudaDriver device, CublasBinding binding) {
        device.context().enter();
        try {
            CublasHandle handle = binding.create();
            CUstream stream = device.stream();
            try {
                NAMES.check("cublasSetStream_v2", handle.setStream(stream), "the device's stream");
                NAMES.check("cublasSetPointerMode_v2", handle.setPointerMode(POINTER_MODE_HOST), "host");
            } catch (RuntimeException e) {
                handle.destroy();
                throw e;
            }
            return new CublasBlas(device, handle, binding.implementation(), stream);
        } finally {
            device.context().exit();
        }
    }

    @Override
    public String implementation() {
        return implementation;
    }

    @Override
    public void gemm(ScalarType type, boolean transA, boolean transB, long m, long n, long k, double alpha,
                     DeviceBuffer a, long lda, DeviceBuffer b, long ldb, double beta, DeviceBuffer c, long ldc) {
        CudaPointer pa = operand(a, "gemm operand A");
        CudaPointer pb = device.pointer(b, "gemm operand B");
        CudaPointer pc = device.pointer(c, "gemm output C");
        int rows = size("m", m);
        int cols = size("n", n);
        int inner = size("k", k);
        run(name("gemm", type), () -> handle.gemm(type, transB ? OP_T : OP_N, transA ? OP_T : OP_N, cols, rows, inner,
                alpha, pb, ld(ldb), pa, ld(lda), beta, pc, ld(ldc)), () -> "row-major " + m + "x" + n + "x" + k
                + (transA ? ", A^T" : "") + (transB ? ", B^T" : "") + ", lda " + lda + ", ldb " + ldb + ", ldc " + ldc);
    }

    /** The row-major batch as cuBLAS's column-major one: operands swapped, as for {@link #gemm}. */
    @Override
    public void gemmStridedBatched(ScalarType type, boolean transA, boolean transB, long m, long n, long k,
                                   long batch, double alpha, StridedMatrices a, StridedMatrices b, double beta,
                                   StridedMatrices c) {
        CudaPointer pa = operand(a.buffer(), "gemm operand A");
        CudaPointer pb = device.pointer(b.buffer(), "gemm operand B");
        CudaPointer pc = device.pointer(c.buffer(), "gemm output C");
        int rows = size("m", m);
        int cols = size("n", n);
        int inner = size("k", k);
        int count = size("batch", batch);
        run(stridedName(type), () -> handle.gemmStridedBatched(type, transB ? OP_T : OP_N, transA ? OP_T : OP_N, cols,
                rows, inner, alpha, pb, b.offset(), ld(b.ld()), b.stride(), pa, a.offset(), ld(a.ld()), a.stride(), beta,
                pc, c.offset(), ld(c.ld()), c.stride(), count), () -> "row-major " + batch + " x " + m + "x" + n + "x" + k
                + (transA ? ", A^T" : "") + (transB ? ", B^T" : "") + ", A " + where(a) + ", B " + where(b) + ", C " + where(c));
    }

    /** Where x is empty, {@code y = beta y} is a gemm with k = 0, which scales C as the reference BLAS does. */
    @Override
    public void gemv(ScalarType type, boolean trans, long rows, long cols, double alpha, DeviceBuffer a, long lda,
                     DeviceBuffer x, double beta, DeviceBuffer y) {
        long yn = trans ? cols : rows;
        long xn = trans ? rows : cols;
        if (xn == 0) {
            gemm(type, false, false, yn, 1, 0, alpha, a, 1, x, 1, beta, y, 1);
            return;
        }
        CudaPointer pa = operand(a, "gemv matrix A");
        CudaPointer px = device.pointer(x, "gemv vector x");
        CudaPointer py = device.pointer(y, "gemv output y");
        int m = size("cols", cols);
        int n = size("rows", rows);
        run(name("gemv", type), () -> handle.gemv(type, trans ? OP_N : OP_T, m, n, alpha, pa, ld(lda), px, beta, py),
                () -> "row-major " + rows + "x" + cols + (trans ? " transposed" : "") + ", lda " + lda);
    }

    @Override
    public void axpy(ScalarType type, long n, double alpha, DeviceBuffer x, DeviceBuffer y) {
        CudaPointer px = operand(x, "axpy vector x");
        CudaPointer py = device.pointer(y, "axpy vector y");
        int size = size("n", n);
        run(name("axpy", type), () -> handle.axpy(type, size, alpha, px, py), () -> "n " + n);
    }

    @Override
    public void dot(ScalarType type, long n, DeviceBuffer x, DeviceBuffer y, DeviceBuffer result) {
        CudaPointer px = operand(x, "dot vector x");
        CudaPointer py = device.pointer(y, "dot vector y");
        CudaPointer pr = device.pointer(result, "dot result");
        if (n == 0) {
            zero(type, result);
            return;
        }
        int size = size("n", n);
        run(name("dot", type), () -> inDevicePointerMode(() -> handle.dot(type, size, px, py, pr)), () -> "n " + n);
    }

    @Override
    public void nrm2(ScalarType type, long n, DeviceBuffer x, DeviceBuffer result) {
        CudaPointer px = operand(x, "nrm2 vector x");
        CudaPointer pr = device.pointer(result, "nrm2 result");
        if (n == 0) {
            zero(type, result);
            return;
        }
        int size = size("n", n);
        run(name("nrm2", type), () -> inDevicePointerMode(() -> handle.nrm2(type, size, px, pr)), () -> "n " + n);
    }

    /** Destroys the handle; idempotent, never throws. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            boolean entered = false;
            try {
                device.context().enter();
                entered = true;
            } catch (RuntimeException brokenOrReleased) {
                // destroy anyway: cuBLAS frees its host-side state
            }
            try {
                handle.destroy();
            } finally {
                if (entered) {
                    device.context().exit();
                }
            }
        }
    }

    private CudaPointer operand(DeviceBuffer first, String role) {
        if (closed) {
            throw new IllegalStateException("the cuBLAS handle of this device is destroyed");
        }
        return device.pointer(first, role);
    }

    /**
     * Makes one cuBLAS call with the device's context entered, in the device's selected stream
     * ({@code cublasSetStream_v2} first when it changed); a failed status becomes a DeviceException (which says
     * so when the driver finds the context broken).
     */
    private void run(String call, IntSupplier op, Supplier<String> detail) {
        CudaContext context = device.context();
        context.enter();
        try {
            CUstream selected = device.stream();
            if (selected != stream) {
                NAMES.check("cublasSetStream_v2", handle.setStream(selected), "the device's selected stream");
                stream = selected;
            }
            int status = op.getAsInt();
            if (status != 0) {
                throw context.libraryFailure(call, status, NAMES.name(status), detail.get());
            }
        } finally {
            context.exit();
        }
    }

    /** Runs {@code op} in {@code CUBLAS_POINTER_MODE_DEVICE}; returns its status. */
    private int inDevicePointerMode(IntSupplier op) {
        NAMES.check("cublasSetPointerMode_v2", handle.setPointerMode(POINTER_MODE_DEVICE), "device");
        int status;
        try {
            status = op.getAsInt();
        } finally {
            NAMES.check("cublasSetPointerMode_v2", handle.setPointerMode(POINTER_MODE_HOST), "host");
        }
        return status;
    }

    private void zero(ScalarType type, DeviceBuffer result) {
        device.write(HostArray.allocate(type, 1), 0, result, 0, 1);
    }

    private static String where(StridedMatrices x) {
        return "(offset " + x.offset() + ", ld " + x.ld() + ", stride " + x.stride() + ")";
    }

    private static String stridedName(ScalarType type) {
        return "cublas" + (type == ScalarType.FLOAT64 ? "D" : "S") + "gemmStridedBatched";
    }

    private static String name(String op, ScalarType type) {
        return "cublas" + (type == ScalarType.FLOAT64 ? "D" : "S") + op + "_v2";
    }

    /** A leading dimension: at least 1, as cuBLAS requires even of empty matrices. */
    private static int ld(long ld) {
        return Math.max(1, size("leading dimension", ld));
    }

    private static int size(String what, long value) {
        if (value > Integer.MAX_VALUE) {
            throw new UnsupportedCapabilityException("cuBLAS sizes beyond 2^31 - 1", what + " = " + value
                    + " does not fit cuBLAS's 32-bit interface");
        }
        return (int) value;
    }
}
