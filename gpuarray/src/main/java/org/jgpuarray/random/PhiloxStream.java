package org.jgpuarray.random;

import java.util.Arrays;
import java.util.Objects;
import org.jgpuarray.DType;
import org.jgpuarray.GPUArray;
import org.jgpuarray.GpuContext;
import org.jgpuarray.Index;

/**
 * Any stretch of the Philox stream of a seed, on any context: the elements {@code [first, first + n)} of
 * what {@code context.random(seed).uniform(dtype, total)} (or {@code normal}) returns in one call, bit for
 * bit, without generating the elements before them. This is how work that is split over devices,
 * threads or Spark partitions draws exactly the numbers a single-device run would: each part asks for
 * its own stretch.
 *
 * <p>Philox is counter-based: one 128-bit counter block gives four float32 or two float64 values, so the
 * stretch starts at counter block {@code first / elementsPerBlock(dtype)}
 * ({@link GpuContext#random(long, long)}), and a start inside a block draws that block whole and drops its
 * first values. Stateless and thread-safe; the contexts are used as their own rules say.
 */
public final class PhiloxStream {
    private PhiloxStream() {
    }

    /**
     * Values of {@code dtype} that one Philox counter block yields: 4 for float32, 2 for float64.
     *
     * @throws IllegalArgumentException for other dtypes
     */
    public static int elementsPerBlock(DType dtype) {
        Objects.requireNonNull(dtype, "dtype");
        return switch (dtype) {
            case FLOAT32 -> 4;
            case FLOAT64 -> 2;
            default -> throw new IllegalArgumentException("Philox streams hold float32 or float64 values, got "
                    + dtype.numpyName());
        };
    }

    /**
     * Uniform values in [0, 1): elements {@code [first, first + size)} of the stream of {@code seed}, in a new
     * array of {@code shape} on {@code context}.
     *
     * @param first the index of the first element in the whole stream, at least 0
     * @throws IllegalArgumentException for a dtype other than float32 and float64, a negative first element
     *                                  or a negative extent
     */
    public static GPUArray uniform(GpuContext context, long seed, DType dtype, long first, long... shape) {
        return stretch(context, seed, dtype, first, shape, (random, n) -> random.uniform(dtype, n));
    }

    /**
     * Normal values, {@code mean + std * z}: elements {@code [first, first + size)} of what
     * {@code context.random(seed).normal(dtype, mean, std, total)} returns.
     *
     * @param first the index of the first element in the whole stream, at least 0
     * @throws IllegalArgumentException as {@link #uniform}, and for a negative or non-finite std
     */
    public static GPUArray normal(GpuContext context, long seed, DType dtype, double mean, double std, long first,
                                  long... shape) {
        return stretch(context, seed, dtype, first, shape, (random, n) -> random.normal(dtype, mean, std, n));
    }

    /** Draws {@code n} values of a generator into a new 1-D array. */
    @FunctionalInterface
    private interface Draw {
        GPUArray draw(GpuRandom random, long n);
    }

    private static GPUArray stretch(GpuContext context, long seed, DType dtype, long first, long[] shape, Draw draw) {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(shape, "shape");
        int perBlock = elementsPerBlock(dtype);
        if (first < 0) {
            throw new IllegalArgumentException("the first element of a stream stretch must be >= 0, got " + first);
        }
        long count = 1;
        for (long extent : shape) {
            if (extent < 0) {
                throw new IllegalArgumentException("negative extent in shape " + Arrays.toString(shape));
            }
            count = Math.multiplyExact(count, extent);
        }
        int skip = (int) (first % perBlock);
        GpuRandom random = context.random(seed, first / perBlock);
        try (GPUArray drawn = draw.draw(random, Math.addExact(count, skip))) {
            if (skip == 0) {
                return drawn.reshape(shape); // a view: it keeps the memory after drawn is closed
            }
            try (GPUArray tail = drawn.get(Index.range(skip, skip + count)); GPUArray compact = tail.copy()) {
                return compact.reshape(shape);
            }
        }
    }
}
