package org.jgpuarray.spi;

import org.jgpuarray.kernels.ScalarType;

/**
 * Random numbers on device buffers, offered by a backend through {@link BackendDevice#library(Class)}.
 *
 * <p>Two kinds of provider exist, told apart by {@link #reproducesPhilox()}:
 * <ul>
 *   <li>a <em>Philox</em> provider writes exactly jgpuarray's Philox4x32-10 stream (the mapping of
 *       seed, counter and words to elements documented in {@code org.jgpuarray.kernels.lib.Philox4x32}),
 *       bit for bit for integers and uniforms; the CPU backend's Java provider is one. The core
 *       uses such a provider for {@code GpuContext.random(seed)} where the device offers it, else its
 *       portable kernels;</li>
 *   <li>a <em>vendor</em> provider (cuRAND, for instance) writes its own stream; the core offers it as
 *       an alternative generator ({@code GpuRandom.deviceLibrary()}) and never mixes it into the
 *       reproducible one.</li>
 * </ul>
 *
 * <p>Generators are stateless here: every call names the seed and the offset, in 128-bit counter
 * blocks already consumed, so that successive calls continue one stream. The core advances the offset
 * by {@code org.jgpuarray.kernels.lib.Philox4x32.blocksFor(...)} after each call, for either kind.
 */
public interface RandomProvider {
    /** Which implementation this is, e.g. {@code "Philox4x32-10 (Java)"} or {@code "cuRAND 10.3"}. */
    String implementation();

    /** True when this provider writes jgpuarray's Philox4x32-10 stream bit for bit. */
    boolean reproducesPhilox();

    /**
     * Raw 32-bit words, stored as int32 (two's complement of the unsigned word).
     *
     * @param out   modified: {@code count} int32 elements
     */
    void bits(long seed, long offset, DeviceBuffer out, long count);

    /**
     * Uniform values in [0, 1).
     *
     * @param type  FLOAT32 or FLOAT64
     * @param out   modified: {@code count} elements of {@code type}
     */
    void uniform(ScalarType type, long seed, long offset, DeviceBuffer out, long count);

    /**
     * Normal values {@code mean + std * z}, z standard normal.
     *
     * @param type  FLOAT32 or FLOAT64
     * @param out   modified: {@code count} elements of {@code type}
     */
    void normal(ScalarType type, long seed, long offset, DeviceBuffer out, long count, double mean, double std);
}
