package org.jgpuarray;

import java.util.Objects;
import java.util.Optional;
import org.jgpuarray.kernels.ScalarType;
import org.jgpuarray.kernels.lib.Philox4x32;
import org.jgpuarray.random.GpuRandom;
import org.jgpuarray.spi.DeviceBuffer;
import org.jgpuarray.spi.RandomProvider;

/**
 * {@link GpuRandom} over one {@link RandomProvider}: keeps the seed and the counter offset, advancing it
 * by {@link Philox4x32#blocksFor} after every call. Thread-safe: a call and its advance run together under
 * the context's library lock ({@link Libraries#call}), so threads sharing a generator draw disjoint
 * stretches of its stream, in the order their calls took the lock.
 */
final class StreamRandom implements GpuRandom {
    private static final System.Logger LOG = System.getLogger("org.jgpuarray");

    private final Libraries libraries;
    private final RandomProvider provider;
    private final long seed;
    private volatile long offset; // advanced under the context's library lock (Libraries#call)

    StreamRandom(Libraries libraries, RandomProvider provider, long seed) {
        this(libraries, provider, seed, 0);
    }

    /** A generator whose first call starts at counter block {@code offset} of the stream. */
    StreamRandom(Libraries libraries, RandomProvider provider, long seed, long offset) {
        this.libraries = libraries;
        this.provider = provider;
        this.seed = seed;
        this.offset = offset;
    }

    @Override
    public String implementation() {
        return provider.implementation();
    }

    @Override
    public long seed() {
        return seed;
    }

    @Override
    public long offset() {
        return offset;
    }

    @Override
    public GPUArray uniform(DType dtype, long... shape) {
        return fillUniform(allocate("uniform", dtype, shape));
    }

    @Override
    public GPUArray normal(DType dtype, double mean, double std, long... shape) {
        checkNormal(mean, std);
        return fillNormal(allocate("normal", dtype, shape), mean, std);
    }

    @Override
    public GPUArray rand(long... shape) {
        return uniform(DType.FLOAT32, shape);
    }

    @Override
    public GPUArray bits(long... shape) {
        GPUArray out = libraries.empty(DType.INT32, shape);
        if (out.size() > 0) {
            DeviceBuffer buffer = libraries.buffer(out, "output");
            libraries.run(() -> {
                log("bits");
                provider.bits(seed, offset, buffer, out.size());
                offset += Philox4x32.blocksFor(1, out.size());
            });
        }
        return out;
    }

    @Override
    public GPUArray fillUniform(GPUArray out) {
        ScalarType type = checkOutput("uniform", out);
        if (!out.isFlat()) {
            try (GPUArray staged = libraries.empty(out.dtype(), out.shape())) {
                fillUniform(staged);
                return out.assign(staged);
            }
        }
        if (out.size() > 0) {
            DeviceBuffer buffer = libraries.buffer(out, "output");
            libraries.run(() -> {
                log("uniform");
                provider.uniform(type, seed, offset, buffer, out.size());
                offset += Philox4x32.blocksFor(type == ScalarType.FLOAT64 ? 2 : 1, out.size());
            });
        }
        return out;
    }

    @Override
    public GPUArray fillNormal(GPUArray out, double mean, double std) {
        checkNormal(mean, std);
        ScalarType type = checkOutput("normal", out);
        if (!out.isFlat()) {
            try (GPUArray staged = libraries.empty(out.dtype(), out.shape())) {
                fillNormal(staged, mean, std);
                return out.assign(staged);
            }
        }
        if (out.size() > 0) {
            DeviceBuffer buffer = libraries.buffer(out, "output");
            libraries.run(() -> {
                log("normal");
                provider.normal(type, seed, offset, buffer, out.size(), mean, std);
                offset += Philox4x32.blocksFor(type == ScalarType.FLOAT64 ? 2 : 1, out.size());
            });
        }
        return out;
    }

    @Override
    public Optional<GpuRandom> deviceLibrary() {
        if (!provider.reproducesPhilox()) {
            return Optional.of(this);
        }
        return libraries.vendorRandom().map(p -> new StreamRandom(libraries, p, seed));
    }

    @Override
    public String toString() {
        return "GpuRandom[seed=" + seed + ", offset=" + offset + ", " + provider.implementation() + "]";
    }

    private GPUArray allocate(String op, DType dtype, long[] shape) {
        Objects.requireNonNull(dtype, "dtype");
        if (dtype != DType.FLOAT32 && dtype != DType.FLOAT64) {
            throw new IllegalArgumentException(op + " needs dtype float32 or float64, got " + dtype.numpyName());
        }
        LibraryChecks.requireFp64(op, dtype, libraries.fp64());
        return libraries.empty(dtype, shape);
    }

    private ScalarType checkOutput(String op, GPUArray out) {
        Objects.requireNonNull(out, "out");
        libraries.check(out, op + " output");
        LibraryChecks.requireReal(op, out, libraries.fp64());
        return out.dtype().scalarType();
    }

    private static void checkNormal(double mean, double std) {
        if (!Double.isFinite(mean) || !Double.isFinite(std) || std < 0) {
            throw new IllegalArgumentException("normal needs a finite mean and a finite std >= 0, got mean " + mean
                    + ", std " + std);
        }
    }

    private void log(String what) {
        LOG.log(System.Logger.Level.DEBUG, () -> what + " via " + provider.implementation() + ", seed " + seed
                + ", offset " + offset);
    }
}
