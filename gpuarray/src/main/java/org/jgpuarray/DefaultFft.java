package org.jgpuarray;

import java.lang.ref.Reference;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jgpuarray.device.UnsupportedCapabilityException;
import org.jgpuarray.fft.Fft;
import org.jgpuarray.kernels.ScalarType;
import org.jgpuarray.spi.DeviceBuffer;
import org.jgpuarray.spi.FftKind;
import org.jgpuarray.spi.FftPlan;
import org.jgpuarray.spi.FftProvider;
import org.jgpuarray.spi.FftShape;

/**
 * {@link Fft} over an {@link FftProvider}: checks arguments, derives the transform's shape, caches plans
 * (the {@value #MAX_PLANS} most recently used), and falls back to the portable provider for shapes the
 * device's library declines. Thread-safe: planning, executing and evicting plans run as library calls
 * ({@link Libraries#call}), one at a time per context.
 */
final class DefaultFft implements Fft, AutoCloseable {
    private static final System.Logger LOG = System.getLogger("org.jgpuarray");
    private static final int MAX_PLANS = 64;

    private final Libraries libraries;
    private final FftProvider provider;
    private final FftProvider fallback;
    private final Map<FftShape, FftPlan> plans = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<FftShape, FftPlan> eldest) {
            if (size() > MAX_PLANS) {
                eldest.getValue().release();
                return true;
            }
            return false;
        }
    };

    /**
     * @param provider the provider used first
     * @param fallback used for shapes the provider declines; may be null
     */
    DefaultFft(Libraries libraries, FftProvider provider, FftProvider fallback) {
        this.libraries = libraries;
        this.provider = provider;
        this.fallback = fallback;
    }

    @Override
    public String implementation() {
        return provider.implementation();
    }

    @Override
    public GPUArray fft(GPUArray x) {
        return complex("fft", x, 1, false);
    }

    @Override
    public GPUArray ifft(GPUArray x) {
        return complex("ifft", x, 1, true);
    }

    @Override
    public GPUArray fft2(GPUArray x) {
        return complex("fft2", x, 2, false);
    }

    @Override
    public GPUArray ifft2(GPUArray x) {
        return complex("ifft2", x, 2, true);
    }

    @Override
    public GPUArray rfft(GPUArray x) {
        return realForward("rfft", x, 1);
    }

    @Override
    public GPUArray irfft(GPUArray x) {
        return realInverse("irfft", x, 1, defaultLength("irfft", x));
    }

    @Override
    public GPUArray irfft(GPUArray x, long n) {
        return realInverse("irfft", x, 1, n);
    }

    @Override
    public GPUArray rfft2(GPUArray x) {
        return realForward("rfft2", x, 2);
    }

    @Override
    public GPUArray irfft2(GPUArray x) {
        return realInverse("irfft2", x, 2, defaultLength("irfft2", x));
    }

    @Override
    public GPUArray irfft2(GPUArray x, long n) {
        return realInverse("irfft2", x, 2, n);
    }

    /** Releases every plan; the caller ({@link Libraries#close()}) holds the library lock. */
    @Override
    public void close() {
        for (FftPlan plan : plans.values()) {
            plan.release();
        }
        plans.clear();
    }

    private GPUArray complex(String op, GPUArray x, int axes, boolean inverse) {
        check(op, x, axes);
        LibraryChecks.requireComplex(op, x, libraries.fp64());
        long[] shape = x.shape();
        GPUArray out = libraries.empty(x.dtype(), shape);
        if (x.size() > 0) {
            long[] dims = Arrays.copyOfRange(shape, shape.length - axes, shape.length);
            long n = product(dims);
            run(op, new FftShape(FftKind.COMPLEX, precision(x.dtype()), dims, x.size() / n), x, out, inverse,
                    inverse ? 1.0 / n : 1.0);
        }
        return out;
    }

    private GPUArray realForward(String op, GPUArray x, int axes) {
        check(op, x, axes);
        LibraryChecks.requireReal(op, x, libraries.fp64());
        long[] shape = x.shape();
        long[] outShape = shape.clone();
        outShape[shape.length - 1] = shape[shape.length - 1] / 2 + 1;
        DType complex = x.dtype() == DType.FLOAT32 ? DType.COMPLEX64 : DType.COMPLEX128;
        GPUArray out = libraries.empty(complex, outShape);
        if (x.size() > 0) {
            long[] dims = Arrays.copyOfRange(shape, shape.length - axes, shape.length);
            run(op, new FftShape(FftKind.REAL_TO_COMPLEX, precision(x.dtype()), dims, x.size() / product(dims)), x,
                    out, false, 1.0);
        }
        return out;
    }

    private GPUArray realInverse(String op, GPUArray x, int axes, long n) {
        check(op, x, axes);
        LibraryChecks.requireComplex(op, x, libraries.fp64());
        long[] shape = x.shape();
        long last = shape[shape.length - 1];
        if (n < 1 || n / 2 + 1 != last) {
            throw new IllegalArgumentException(op + ": output length " + n + " needs a last input extent of "
                    + (n / 2 + 1) + ", got shape " + LibraryChecks.shape(x));
        }
        long[] outShape = shape.clone();
        outShape[shape.length - 1] = n;
        DType real = x.dtype() == DType.COMPLEX64 ? DType.FLOAT32 : DType.FLOAT64;
        GPUArray out = libraries.empty(real, outShape);
        if (x.size() > 0) {
            long[] dims = Arrays.copyOfRange(outShape, outShape.length - axes, outShape.length);
            long count = product(dims);
            try (GPUArray scratch = x.copy()) {
                run(op, new FftShape(FftKind.COMPLEX_TO_REAL, precision(x.dtype()), dims, out.size() / count),
                        scratch, out, true, 1.0 / count);
            }
        }
        return out;
    }

    /** Plans (or finds the plan) and executes, as one library call; the arrays stay reachable throughout. */
    private void run(String op, FftShape shape, GPUArray in, GPUArray out, boolean inverse, double scale) {
        try (GPUArray flat = in.flatOrCopy()) {
            DeviceBuffer input = libraries.buffer(flat, op + " input");
            DeviceBuffer output = libraries.buffer(out, op + " output");
            libraries.run(() -> {
                FftPlan plan = plans.get(shape);
                if (plan == null) {
                    plan = plan(shape);
                    plans.put(shape, plan);
                }
                LOG.log(System.Logger.Level.DEBUG, () -> op + " " + shape + " via " + provider.implementation());
                plan.execute(input, output, inverse, scale);
            });
        }
        Reference.reachabilityFence(in);
        Reference.reachabilityFence(out);
    }

    private FftPlan plan(FftShape shape) {
        try {
            return provider.plan(shape);
        } catch (UnsupportedCapabilityException e) {
            if (fallback == null) {
                throw e;
            }
            LOG.log(System.Logger.Level.DEBUG, () -> provider.implementation() + " declined " + shape + " ("
                    + e.getMessage() + "); using " + fallback.implementation());
            return fallback.plan(shape);
        }
    }

    private void check(String op, GPUArray x, int axes) {
        Objects.requireNonNull(x, "x");
        libraries.check(x, op + " input");
        LibraryChecks.requireAtLeastDims(op, x, axes);
        long[] shape = x.shape();
        for (int d = shape.length - axes; d < shape.length; d++) {
            if (shape[d] == 0) {
                throw new IllegalArgumentException(op + ": a transformed axis has no points (shape "
                        + LibraryChecks.shape(x) + "); as in NumPy, transforms need at least one point per axis");
            }
        }
    }

    private static long defaultLength(String op, GPUArray x) {
        Objects.requireNonNull(x, "x");
        long[] s = x.shape();
        if (s.length == 0 || s[s.length - 1] < 2) {
            throw new IllegalArgumentException(op + " needs a last extent of at least 2 to infer the output length "
                    + "2 (m - 1), got shape " + LibraryChecks.shape(x) + "; pass the length");
        }
        return 2 * (s[s.length - 1] - 1);
    }

    private static ScalarType precision(DType t) {
        return t == DType.FLOAT32 || t == DType.COMPLEX64 ? ScalarType.FLOAT32 : ScalarType.FLOAT64;
    }

    private static long product(long[] dims) {
        long p = 1;
        for (long d : dims) {
            p *= d;
        }
        return p;
    }
}
