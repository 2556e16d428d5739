package org.jgpuarray;

import java.lang.ref.Reference;
import java.util.Arrays;
import java.util.Optional;
import org.jgpuarray.blas.Blas;
import org.jgpuarray.blas.Transpose;
import org.jgpuarray.spi.BlasProvider;
import org.jgpuarray.spi.DeviceBuffer;
import org.jgpuarray.spi.StridedMatrices;

/**
 * NumPy's {@code matmul} on the arrays of one context, for bool, int32, int64, float32 and float64
 * operands: shapes by {@link MatmulShapes}, the result type by NumPy's promotion ({@link DType#promote}),
 * integer products wrapping as NumPy's do, bool products true where some term is. Operands are passed to
 * the GEMM without copies where a BLAS can read them ({@link MatmulOperand}: transposed and sliced views,
 * broadcast batch axes), else copied in C order; the batch runs as strided-batched GEMM calls
 * ({@link MatmulBatchLoop}). Floats go to the device's BLAS, integers to a provider that multiplies them
 * (the CPU backend's Java GEMM, the portable kernels on GPUs). A matrix times a vector, and two vectors,
 * of floats without batch axes run as GEMV and DOT. Thread-safe, like its context: each
 * library call runs under the context's library lock.
 */
final class Matmul {
    private static final System.Logger LOG = System.getLogger("org.jgpuarray");

    private final Libraries libraries;
    private final BlasProvider floats;
    private final Blas blas;
    private BlasProvider integers;

    /**
     * @param libraries the context's libraries
     * @param floats    the BLAS provider for float32 and float64
     * @param blas      the BLAS wrapper over {@code floats}, for the vector products
     */
    Matmul(Libraries libraries, BlasProvider floats, Blas blas) {
        this.libraries = libraries;
        this.floats = floats;
        this.blas = blas;
    }

    /**
     * {@code a @ b}, into a new array or into {@code out}.
     *
     * @param a   not modified
     * @param b   not modified
     * @param out null, or the array to write: of the result's shape and dtype; modified
     * @return {@code out}, or a new array
     * @throws IllegalArgumentException for complex or 0-d operands, shapes that do not match, or an
     *                                  {@code out} of another shape or dtype, or a broadcast view
     */
    GPUArray multiply(GPUArray a, GPUArray b, GPUArray out) {
        libraries.check(a, "matmul operand 0");
        libraries.check(b, "matmul operand 1");
        for (GPUArray x : new GPUArray[] {a, b}) {
            if (x.dtype().isComplex()) {
                throw new IllegalArgumentException("matmul of " + x.dtype().numpyName() + " arrays is not supported"
                        + " (complex arrays serve FFTs); shapes " + LibraryChecks.shape(a) + " and " + LibraryChecks.shape(b));
            }
        }
        MatmulShapes shapes = MatmulShapes.of(a.shape(), b.shape());
        DType type = DType.promote(a.dtype(), b.dtype());
        if (out != null) {
            checkOut(out, shapes, type);
            if (type == DType.BOOL || !out.geometry().isContiguous() || out.buffer() == a.buffer()
                    || out.buffer() == b.buffer()) {
                try (GPUArray result = multiply(a, b, null)) {
                    out.assign(result);
                }
                return out;
            }
        }
        if (type == DType.BOOL) {
            try (GPUArray a32 = a.astype(DType.INT32); GPUArray b32 = b.astype(DType.INT32);
                 GPUArray counts = multiply(a32, b32, null)) {
                return counts.ne(0L);
            }
        }
        LibraryChecks.requireFp64("matmul", type, libraries.fp64());
        GPUArray target = out != null ? out : libraries.empty(type, shapes.result());
        try {
            product(a, b, shapes, type, target);
            return target;
        } catch (RuntimeException | Error e) {
            if (out == null) {
                target.close();
            }
            throw e;
        }
    }

    private void checkOut(GPUArray out, MatmulShapes shapes, DType type) {
        libraries.check(out, "matmul out");
        if (!Arrays.equals(out.shape(), shapes.result())) {
            throw new IllegalArgumentException("matmul: out has shape " + LibraryChecks.shape(out) + ", the result "
                    + Shapes.format(shapes.result()));
        }
        if (out.dtype() != type) {
            throw new IllegalArgumentException("matmul: out is " + out.dtype().numpyName() + ", the result "
                    + type.numpyName());
        }
        if (out.geometry().overlaps()) {
            throw new IllegalArgumentException("matmul: out of shape " + LibraryChecks.shape(out)
                    + " is a broadcast view, whose elements cannot be written one by one");
        }
    }

    /** Writes {@code a @ b} into {@code target}, a contiguous array of the result's shape and type. */
    private void product(GPUArray a, GPUArray b, MatmulShapes shapes, DType type, GPUArray target) {
        if (type.isFloatingPoint() && shapes.batch().length == 0 && shapes.k() > 0 && (a.ndim() == 1 || b.ndim() == 1)) {
            vectorProduct(a, b, type, target);
        } else if (target.size() > 0 && shapes.k() == 0) {
            target.fill(0);
        } else if (target.size() > 0) {
            try (Operand pa = Operand.of(a, type, true, shapes.batch());
                 Operand pb = Operand.of(b, type, false, shapes.batch())) {
                gemm(type, pa, pb, target, shapes);
            }
        }
    }

    private void gemm(DType type, Operand a, Operand b, GPUArray target, MatmulShapes s) {
        long m = s.m();
        long n = s.n();
        long[] batch = s.batch();
        long[] cStrides = Arrays.copyOf(Geometry.cStrides(withMatrix(batch, m, n)), batch.length);
        MatmulBatchLoop loop = MatmulBatchLoop.of(batch, a.layout.batchStrides(), b.layout.batchStrides(), cStrides);
        BlasProvider provider = type.isInteger() ? integers() : floats;
        DeviceBuffer bufferA = a.array.buffer();
        DeviceBuffer bufferB = b.array.buffer();
        DeviceBuffer bufferC = target.buffer();
        long offsetC = target.geometry().offset();
        LOG.log(System.Logger.Level.DEBUG, () -> "matmul " + type.numpyName() + " " + loop.calls() + " x "
                + loop.callBatch() + " x (" + m + "x" + s.k() + " @ " + s.k() + "x" + n + ") via " + provider.implementation());
        libraries.run(() -> loop.forEachCall(offsets -> provider.gemmStridedBatched(type.scalarType(),
                a.layout.transposed(), b.layout.transposed(), m, n, s.k(), loop.callBatch(), 1,
                new StridedMatrices(bufferA, a.layout.offset() + offsets[0], a.layout.ld(), loop.callStride(0)),
                new StridedMatrices(bufferB, b.layout.offset() + offsets[1], b.layout.ld(), loop.callStride(1)), 0,
                new StridedMatrices(bufferC, offsetC + offsets[2], n, loop.callStride(2)))));
        Reference.reachabilityFence(a.array); // the arrays own the buffers: keep them from the cleaner until here
        Reference.reachabilityFence(b.array);
        Reference.reachabilityFence(target);
    }

    /** Matrix times vector, vector times matrix and the dot product of floats, through GEMV and DOT. */
    private void vectorProduct(GPUArray a, GPUArray b, DType type, GPUArray target) {
        GPUArray x = a.dtype() == type ? a : a.astype(type);
        try {
            GPUArray y = b.dtype() == type ? b : b.astype(type);
            try {
                if (a.ndim() == 1 && b.ndim() == 1) {
                    try (GPUArray dot = blas.dot(x, y)) {
                        target.assign(dot);
                    }
                } else if (a.ndim() == 2) {
                    blas.gemv(Transpose.NONE, 1, x, y, 0, target);
                } else {
                    blas.gemv(Transpose.TRANSPOSE, 1, y, x, 0, target);
                }
            } finally {
                if (y != b) {
                    y.close();
                }
            }
        } finally {
            if (x != a) {
                x.close();
            }
        }
    }

    private synchronized BlasProvider integers() {
        if (integers == null) {
            integers = libraries.integerGemm(floats);
        }
        return integers;
    }

    private static long[] withMatrix(long[] batch, long rows, long cols) {
        long[] shape = Arrays.copyOf(batch, batch.length + 2);
        shape[batch.length] = rows;
        shape[batch.length + 1] = cols;
        return shape;
    }

    /** An operand converted to the product's type and, where a BLAS cannot read it as it is, copied. */
    private static final class Operand implements AutoCloseable {
        private final GPUArray array;
        private final boolean owned;
        private final MatmulOperand layout;

        private Operand(GPUArray array, boolean owned, MatmulOperand layout) {
            this.array = array;
            this.owned = owned;
            this.layout = layout;
        }

        /**
         * @param x     the operand; not modified
         * @param first whether it is the first operand (a 1-D first operand is a row, a second a column)
         * @param batch the product's batch shape
         */
        static Operand of(GPUArray x, DType type, boolean first, long[] batch) {
            GPUArray converted = x.dtype() == type ? x : x.astype(type);
            Optional<MatmulOperand> layout = MatmulOperand.of(matrices(converted, first), batch);
            if (layout.isPresent()) {
                return new Operand(converted, converted != x, layout.get());
            }
            GPUArray copy = converted.copy();
            if (converted != x) {
                converted.close();
            }
            return new Operand(copy, true, MatmulOperand.of(matrices(copy, first), batch).orElseThrow());
        }

        private static Geometry matrices(GPUArray x, boolean first) {
            Geometry g = x.geometry();
            return x.ndim() > 1 ? g : g.expandDims(first ? 0 : 1);
        }

        @Override
        public void close() {
            if (owned) {
                array.close();
            }
        }
    }
}
