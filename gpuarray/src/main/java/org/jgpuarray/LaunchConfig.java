package org.jgpuarray;

import java.util.Arrays;
import java.util.Objects;

/**
 * How a {@link RawKernel} is launched: PyCUDA's {@code block=}, {@code grid=} and {@code shared=}. The
 * dynamic shared memory is what a CUDA kernel's {@code extern __shared__} array gets per block; above
 * 48 KiB the kernel is opted into more, up to the device's limit. OpenCL kernels take
 * {@link org.jgpuarray.device.LocalMemory} arguments instead, so there it must stay 0. Immutable.
 *
 * <pre>{@code
 * kernel.launch(LaunchConfig.of(new long[] {blocks}, new long[] {256}).withSharedBytes(256 * Float.BYTES), x);
 * }</pre>
 *
 * @param grid        blocks per dimension, 1 to 3 entries, each at least 1; copied
 * @param block       threads per block, as many entries as {@code grid}, each at least 1; copied
 * @param sharedBytes dynamic shared memory per block in bytes, at least 0
 */
public record LaunchConfig(long[] grid, long[] block, long sharedBytes) {
    /**
     * @throws IllegalArgumentException for 0 or more than 3 dimensions, different counts, sizes below 1 or
     *                                  a negative shared size
     */
    public LaunchConfig {
        Objects.requireNonNull(grid, "grid");
        Objects.requireNonNull(block, "block");
        if (grid.length < 1 || grid.length > 3 || grid.length != block.length) {
            throw new IllegalArgumentException("grid and block need 1 to 3 dimensions each, the same number; got "
                    + grid.length + " and " + block.length);
        }
        if (Arrays.stream(grid).anyMatch(g -> g < 1) || Arrays.stream(block).anyMatch(b -> b < 1)) {
            throw new IllegalArgumentException("sizes must be positive, got grid " + Arrays.toString(grid) + ", block "
                    + Arrays.toString(block));
        }
        if (sharedBytes < 0) {
            throw new IllegalArgumentException("shared memory must not be negative, got " + sharedBytes + " bytes");
        }
        grid = grid.clone();
        block = block.clone();
    }

    /** {@code grid} blocks of {@code block} threads, no dynamic shared memory. */
    public static LaunchConfig of(long[] grid, long[] block) {
        return new LaunchConfig(grid, block, 0);
    }

    /** This configuration with {@code bytes} of dynamic shared memory per block (PyCUDA's {@code shared=}). */
    public LaunchConfig withSharedBytes(long bytes) {
        return new LaunchConfig(grid, block, bytes);
    }

    /** Blocks per dimension (a copy). */
    @Override
    public long[] grid() {
        return grid.clone();
    }

    /** Threads per block per dimension (a copy). */
    @Override
    public long[] block() {
        return block.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LaunchConfig c && Arrays.equals(grid, c.grid) && Arrays.equals(block, c.block)
                && sharedBytes == c.sharedBytes;
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(grid), Arrays.hashCode(block), sharedBytes);
    }

    @Override
    public String toString() {
        return "LaunchConfig[grid=" + Arrays.toString(grid) + ", block=" + Arrays.toString(block) + ", sharedBytes="
                + sharedBytes + "]";
    }
}
