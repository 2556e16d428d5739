package org.jgpuarray.cpu.lib;

import java.util.function.Function;
import org.jgpuarray.kernels.ScalarType;
import org.jgpuarray.kernels.lib.Philox4x32;
import org.jgpuarray.spi.DeviceBuffer;
import org.jgpuarray.spi.RandomProvider;

/**
 * The Philox4x32-10 stream of {@link Philox4x32} on the CPU backend, written straight into the buffers'
 * arrays on all cores: bit for bit the stream of the CUDA and OpenCL kernels.
 */
final class CpuRandomProvider implements RandomProvider {
    /** Counter blocks per chunk below which generation stays on one thread. */
    private static final long CHUNK_BLOCKS = 1 << 13;

    private final Function<DeviceBuffer, Object> arrays;

    CpuRandomProvider(Function<DeviceBuffer, Object> arrays) {
        this.arrays = arrays;
    }

    @Override
    public String implementation() {
        return "Philox4x32-10 (Java, " + CpuWorkers.parallelism() + " threads)";
    }

    @Override
    public boolean reproducesPhilox() {
        return true;
    }

    @Override
    public void bits(long seed, long offset, DeviceBuffer out, long count) {
        int[] dst = (int[]) arrays.apply(out);
        forEachBlock(count, 4, (block, x) -> {
            Philox4x32.streamBlock(seed, offset + block, x, 0);
            long at = 4 * block;
            for (int w = 0; w < 4 && at + w < count; w++) {
                dst[(int) (at + w)] = x[w];
            }
        });
    }

    @Override
    public void uniform(ScalarType type, long seed, long offset, DeviceBuffer out, long count) {
        if (type == ScalarType.FLOAT32) {
            float[] dst = (float[]) arrays.apply(out);
            forEachBlock(count, 4, (block, x) -> {
                Philox4x32.streamBlock(seed, offset + block, x, 0);
                long at = 4 * block;
                for (int w = 0; w < 4 && at + w < count; w++) {
                    dst[(int) (at + w)] = Philox4x32.uniformFloat(x[w]);
                }
            });
        } else {
            double[] dst = (double[]) arrays.apply(out);
            forEachBlock(count, 2, (block, x) -> {
                Philox4x32.streamBlock(seed, offset + block, x, 0);
                int at = (int) (2 * block);
                dst[at] = Philox4x32.uniformDouble(x[0], x[1]);
                if (at + 1 < count) {
                    dst[at + 1] = Philox4x32.uniformDouble(x[2], x[3]);
                }
            });
        }
    }

    @Override
    public void normal(ScalarType type, long seed, long offset, DeviceBuffer out, long count, double mean,
                       double std) {
        if (type == ScalarType.FLOAT32) {
            float[] dst = (float[]) arrays.apply(out);
            float m = (float) mean;
            float s = (float) std;
            forEachBlock(count, 4, (block, x) -> {
                Philox4x32.streamBlock(seed, offset + block, x, 0);
                long at = 4 * block;
                for (int pair = 0; pair < 2; pair++) {
                    float[] z = Philox4x32.normalPair(Philox4x32.uniformFloat(x[2 * pair]),
                            Philox4x32.uniformFloat(x[2 * pair + 1]));
                    for (int h = 0; h < 2; h++) {
                        long i = at + 2 * pair + h;
                        if (i < count) {
                            dst[(int) i] = Math.fma(s, z[h], m);
                        }
                    }
                }
            });
        } else {
            double[] dst = (double[]) arrays.apply(out);
            forEachBlock(count, 2, (block, x) -> {
                Philox4x32.streamBlock(seed, offset + block, x, 0);
                double[] z = Philox4x32.normalPair(Philox4x32.uniformDouble(x[0], x[1]),
                        Philox4x32.uniformDouble(x[2], x[3]));
                int at = (int) (2 * block);
                dst[at] = Math.fma(std, z[0], mean);
                if (at + 1 < count) {
                    dst[at + 1] = Math.fma(std, z[1], mean);
                }
            });
        }
    }

    /** Work on one counter block, with a scratch array of four words. */
    @FunctionalInterface
    private interface BlockTask {
        void run(long block, int[] words);
    }

    /** Runs {@code task} for every block that {@code count} elements of {@code perBlock} each need. */
    private static void forEachBlock(long count, int perBlock, BlockTask task) {
        long blocks = (count + perBlock - 1) / perBlock;
        int chunks = CpuWorkers.chunks(blocks, CHUNK_BLOCKS);
        CpuWorkers.run(chunks, ch -> {
            int[] words = new int[4];
            long from = blocks * ch / chunks;
            long to = blocks * (ch + 1) / chunks;
            for (long b = from; b < to; b++) {
                task.run(b, words);
            }
        });
    }
}
