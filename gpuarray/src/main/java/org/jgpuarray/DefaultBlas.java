package org.jgpuarray;

import java.lang.ref.Reference;
import java.util.Objects;
import org.jgpuarray.blas.Blas;
import org.jgpuarray.blas.Transpose;
import org.jgpuarray.spi.BlasProvider;
import org.jgpuarray.spi.DeviceBuffer;

/**
 * {@link Blas} over one {@link BlasProvider}: checks arguments, then calls the provider row-major, one call
 * at a time per context ({@link Libraries#call}). Thread-safe.
 */
final class DefaultBlas implements Blas {
    private static final System.Logger LOG = System.getLogger("org.jgpuarray");

    private final Libraries libraries;
    private final BlasProvider provider;
    private Matmul matmul;

    DefaultBlas(Libraries libraries, BlasProvider provider) {
        this.libraries = libraries;
        this.provider = provider;
    }

    @Override
    public String implementation() {
        return provider.implementation();
    }

    @Override
    public void gemm(Transpose transA, Transpose transB, double alpha, GPUArray a, GPUArray b, double beta,
                     GPUArray c) {
        Objects.requireNonNull(transA, "transA");
        Objects.requireNonNull(transB, "transB");
        checkOperands("gemm", a, b, c);
        if (!a.isFlat() || !b.isFlat() || !c.isFlat()) {
            gemmOfViews(transA, transB, alpha, a, b, beta, c);
            return;
        }
        LibraryChecks.requireDims("gemm", "A", a, 2);
        LibraryChecks.requireDims("gemm", "B", b, 2);
        LibraryChecks.requireDims("gemm", "C", c, 2);
        long[] sa = a.shape();
        long[] sb = b.shape();
        long m = transA.transposed() ? sa[1] : sa[0];
        long k = transA.transposed() ? sa[0] : sa[1];
        long kb = transB.transposed() ? sb[1] : sb[0];
        long n = transB.transposed() ? sb[0] : sb[1];
        if (k != kb) {
            throw new IllegalArgumentException("gemm: op(A) is " + m + "x" + k + " but op(B) is " + kb + "x" + n
                    + " (A " + LibraryChecks.shape(a) + " " + transA + ", B " + LibraryChecks.shape(b) + " " + transB + ")");
        }
        if (c.shape()[0] != m || c.shape()[1] != n) {
            throw new IllegalArgumentException("gemm: C must be " + m + "x" + n + " for op(A) " + m + "x" + k
                    + " times op(B) " + k + "x" + n + ", got " + LibraryChecks.shape(c));
        }
        DeviceBuffer bc = output("gemm", c, a, b);
        if (m > 0 && n > 0) {
            trace("gemm");
            DeviceBuffer ba = libraries.buffer(a, "A");
            DeviceBuffer bb = libraries.buffer(b, "B");
            libraries.run(() -> provider.gemm(a.dtype().scalarType(), transA.transposed(), transB.transposed(), m, n,
                    k, alpha, ba, sa[1], bb, sb[1], beta, bc, n));
            Reference.reachabilityFence(a); // the arrays own the buffers: keep them from the cleaner until here
            Reference.reachabilityFence(b);
            Reference.reachabilityFence(c);
        }
    }

    /**
     * GEMM of views: a transposed contiguous matrix is passed as its base with the other transpose flag (no
     * copy, as the library reads either way); other views are copied, and a view C is written back.
     */
    private void gemmOfViews(Transpose transA, Transpose transB, double alpha, GPUArray a, GPUArray b, double beta,
                             GPUArray c) {
        if (!a.isFlat() && a.ndim() == 2 && a.geometry().transpose().isFlat()) {
            try (GPUArray base = a.transpose()) {
                gemm(flip(transA), transB, alpha, base, b, beta, c);
            }
        } else if (!b.isFlat() && b.ndim() == 2 && b.geometry().transpose().isFlat()) {
            try (GPUArray base = b.transpose()) {
                gemm(transA, flip(transB), alpha, a, base, beta, c);
            }
        } else if (!a.isFlat() || !b.isFlat()) {
            try (GPUArray fa = a.flatOrCopy(); GPUArray fb = b.flatOrCopy()) {
                gemm(transA, transB, alpha, fa, fb, beta, c);
            }
        } else {
            try (GPUArray staged = c.copy()) {
                gemm(transA, transB, alpha, a, b, beta, staged);
                c.assign(staged);
            }
        }
    }

    private static Transpose flip(Transpose t) {
        return t.transposed() ? Transpose.NONE : Transpose.TRANSPOSE;
    }

    @Override
    public GPUArray matmul(GPUArray a, GPUArray b) {
        return matmul(a, b, null);
    }

    @Override
    public GPUArray matmul(GPUArray a, GPUArray b, GPUArray out) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        if (matmul == null) {
            matmul = new Matmul(libraries, provider, this);
        }
        return matmul.multiply(a, b, out);
    }

    @Override
    public void gemv(Transpose trans, double alpha, GPUArray a, GPUArray x, double beta, GPUArray y) {
        Objects.requireNonNull(trans, "trans");
        checkOperands("gemv", a, x, y);
        if (!a.isFlat() && a.ndim() == 2 && a.geometry().transpose().isFlat()) {
            try (GPUArray base = a.transpose()) {
                gemv(flip(trans), alpha, base, x, beta, y);
            }
            return;
        }
        if (!a.isFlat() || !x.isFlat()) {
            try (GPUArray fa = a.flatOrCopy(); GPUArray fx = x.flatOrCopy()) {
                gemv(trans, alpha, fa, fx, beta, y);
            }
            return;
        }
        if (!y.isFlat()) {
            try (GPUArray staged = y.copy()) {
                gemv(trans, alpha, a, x, beta, staged);
                y.assign(staged);
            }
            return;
        }
        LibraryChecks.requireDims("gemv", "A", a, 2);
        LibraryChecks.requireDims("gemv", "x", x, 1);
        LibraryChecks.requireDims("gemv", "y", y, 1);
        long rows = a.shape()[0];
        long cols = a.shape()[1];
        long xn = trans.transposed() ? rows : cols;
        long yn = trans.transposed() ? cols : rows;
        if (x.size() != xn || y.size() != yn) {
            throw new IllegalArgumentException("gemv: op(A) of A " + LibraryChecks.shape(a) + " " + trans + " needs x of ("
                    + xn + ",) and y of (" + yn + ",), got " + LibraryChecks.shape(x) + " and " + LibraryChecks.shape(y));
        }
        DeviceBuffer by = output("gemv", y, a, x);
        if (yn > 0) {
            trace("gemv");
            DeviceBuffer ba = libraries.buffer(a, "A");
            DeviceBuffer bx = libraries.buffer(x, "x");
            libraries.run(() -> provider.gemv(a.dtype().scalarType(), trans.transposed(), rows, cols, alpha, ba, cols,
                    bx, beta, by));
            Reference.reachabilityFence(a);
            Reference.reachabilityFence(x);
            Reference.reachabilityFence(y);
        }
    }

    @Override
    public void axpy(double alpha, GPUArray x, GPUArray y) {
        checkOperands("axpy", x, y);
        LibraryChecks.requireSameShape("axpy", x, y);
        if (!x.isFlat() || !y.isFlat()) {
            try (GPUArray fx = x.flatOrCopy(); GPUArray staged = y.copy()) {
                axpy(alpha, fx, staged);
                y.assign(staged);
            }
            return;
        }
        if (x.size() > 0) {
            trace("axpy");
            DeviceBuffer bx = libraries.buffer(x, "x");
            DeviceBuffer by = libraries.buffer(y, "y");
            libraries.run(() -> provider.axpy(x.dtype().scalarType(), x.size(), alpha, bx, by));
            Reference.reachabilityFence(x);
            Reference.reachabilityFence(y);
        }
    }

    @Override
    public GPUArray dot(GPUArray x, GPUArray y) {
        checkOperands("dot", x, y);
        LibraryChecks.requireSameShape("dot", x, y);
        if (!x.isFlat() || !y.isFlat()) {
            try (GPUArray fx = x.flatOrCopy(); GPUArray fy = y.flatOrCopy()) {
                return dot(fx, fy);
            }
        }
        GPUArray result = libraries.empty(x.dtype());
        trace("dot");
        DeviceBuffer bx = libraries.buffer(x, "x");
        DeviceBuffer by = libraries.buffer(y, "y");
        DeviceBuffer br = libraries.buffer(result, "result");
        libraries.run(() -> provider.dot(x.dtype().scalarType(), x.size(), bx, by, br));
        Reference.reachabilityFence(x);
        Reference.reachabilityFence(y);
        return result;
    }

    @Override
    public GPUArray nrm2(GPUArray x) {
        checkOperands("nrm2", x);
        if (!x.isFlat()) {
            try (GPUArray fx = x.flatOrCopy()) {
                return nrm2(fx);
            }
        }
        GPUArray result = libraries.empty(x.dtype());
        trace("nrm2");
        DeviceBuffer bx = libraries.buffer(x, "x");
        DeviceBuffer br = libraries.buffer(result, "result");
        libraries.run(() -> provider.nrm2(x.dtype().scalarType(), x.size(), bx, br));
        Reference.reachabilityFence(x);
        return result;
    }

    private void checkOperands(String op, GPUArray... arrays) {
        for (GPUArray g : arrays) {
            Objects.requireNonNull(g, op + " operand");
            libraries.check(g, op + " operand");
            LibraryChecks.requireReal(op, g, libraries.fp64());
        }
        LibraryChecks.requireSameDtype(op, arrays);
    }

    /** The output's buffer, checked not to share memory with the inputs. */
    private DeviceBuffer output(String op, GPUArray out, GPUArray... inputs) {
        DeviceBuffer buffer = libraries.buffer(out, op + " output");
        for (GPUArray in : inputs) {
            if (libraries.buffer(in, op + " input") == buffer) {
                throw new IllegalArgumentException(op + ": the output must not share memory with an input");
            }
        }
        return buffer;
    }

    private void trace(String op) {
        LOG.log(System.Logger.Level.DEBUG, () -> op + " via " + provider.implementation());
    }
}
