package org.jgpuarray.random;

import java.util.Optional;
import org.jgpuarray.DType;
import org.jgpuarray.GPUArray;

/**
 * A seeded generator of random arrays on one context, from {@link org.jgpuarray.GpuContext#random(long)}:
 * counter-based Philox4x32-10 that gives <b>the same numbers on every backend</b> (CPU, OpenCL, CUDA)
 * for the same seed and the same sequence of calls. Integers and uniforms are identical bit for bit;
 * normals (Box-Muller) agree to a few ulp, the differences of the devices' {@code log}, {@code sqrt},
 * {@code sinpi} and {@code cospi}. The exact mapping of seed, counter and elements is documented in
 * {@code org.jgpuarray.kernels.lib.Philox4x32}.
 *
 * <p>Each call continues the stream where the previous one stopped ({@link #offset()} counts the
 * 128-bit counter blocks used). Not thread-safe, like its context.
 */
public interface GpuRandom {
    /** What generates the numbers, e.g. {@code "Philox4x32-10 (OpenCL kernels)"} or {@code "cuRAND 10.3"}. */
    String implementation();

    /** The seed. */
    long seed();

    /** Counter blocks consumed so far: where the next call starts. */
    long offset();

    /**
     * Uniform values in [0, 1): float32 from 24 random bits, float64 from 53.
     *
     * @param dtype FLOAT32 or FLOAT64
     * @return a new array of that shape
     * @throws IllegalArgumentException for other dtypes or negative extents
     * @throws org.jgpuarray.device.UnsupportedCapabilityException for float64 on a device without fp64
     */
    GPUArray uniform(DType dtype, long... shape);

    /**
     * Normal values with the given mean and standard deviation (Box-Muller; the argument order of
     * NumPy's {@code normal(loc, scale, size)}).
     *
     * @param dtype FLOAT32 or FLOAT64
     * @param std   at least 0
     * @return a new array of that shape
     * @throws IllegalArgumentException for other dtypes, a negative or non-finite std, a non-finite mean
     */
    GPUArray normal(DType dtype, double mean, double std, long... shape);

    /** Float32 uniforms in [0, 1), like {@code pycuda.curandom.rand(shape)}. */
    GPUArray rand(long... shape);

    /** The raw 32-bit words of the stream as int32 (the unsigned word's bits). */
    GPUArray bits(long... shape);

    /**
     * Fills an existing float32 or float64 array with uniforms, as {@link #uniform}.
     *
     * @param out modified
     * @return out
     */
    GPUArray fillUniform(GPUArray out);

    /**
     * Fills an existing float32 or float64 array with normals, as {@link #normal}.
     *
     * @param out modified
     * @return out
     */
    GPUArray fillNormal(GPUArray out, double mean, double std);

    /**
     * The device's own generator (cuRAND on CUDA, where it loads), seeded with this seed: usually faster,
     * but its numbers differ from the Philox stream and from other backends. Empty where the device
     * offers none.
     */
    Optional<GpuRandom> deviceLibrary();
}
