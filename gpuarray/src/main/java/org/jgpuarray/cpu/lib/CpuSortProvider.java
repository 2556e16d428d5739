package org.jgpuarray.cpu.lib;

import java.util.Arrays;
import java.util.function.Function;
import org.jgpuarray.kernels.ScalarType;
import org.jgpuarray.kernels.lib.SortKernels;
import org.jgpuarray.spi.DeviceBuffer;
import org.jgpuarray.spi.SortProvider;

/**
 * Sorting on the CPU backend, straight on the buffers' Java arrays: integers with the JDK's
 * {@code Arrays.parallelSort}, long float32 rows by {@link FloatRadixSort}, other floats with the JDK's sort
 * followed by {@link FloatSortRows}' (or {@link DoubleSortRows}')
 * restoring of equal zeros and NaNs to input order, bools by a stable partition; argsort by
 * {@link RadixArgsort} over {@link SortRanks}. Rows are scheduled by {@link RowSchedule}.
 */
final class CpuSortProvider implements SortProvider {
    private final Function<DeviceBuffer, Object> arrays;

    CpuSortProvider(Function<DeviceBuffer, Object> arrays) {
        this.arrays = arrays;
    }

    @Override
    public String implementation() {
        return "a float32 radix sort, Arrays.parallelSort and a stable radix argsort (Java, " + CpuWorkers.parallelism() + " threads)";
    }

    @Override
    public void sort(ScalarType type, long rows, long cols, DeviceBuffer src, DeviceBuffer dst) {
        if (rows * cols == 0) {
            return;
        }
        Object s = arrays.apply(src);
        Object d = arrays.apply(dst);
        RowSchedule.RowTask task = switch (type) {
            case BOOL -> (from, to, parallel) -> partition((byte[]) s, (byte[]) d, from, to);
            case INT32 -> (from, to, parallel) -> {
                System.arraycopy(s, from, d, from, to - from);
                if (parallel) {
                    Arrays.parallelSort((int[]) d, from, to);
                } else {
                    Arrays.sort((int[]) d, from, to);
                }
            };
            case INT64 -> (from, to, parallel) -> {
                System.arraycopy(s, from, d, from, to - from);
                if (parallel) {
                    Arrays.parallelSort((long[]) d, from, to);
                } else {
                    Arrays.sort((long[]) d, from, to);
                }
            };
            case FLOAT32 -> (from, to, parallel) -> {
                if (to - from >= FloatRadixSort.MIN_LENGTH) {
                    FloatRadixSort.sortRow((float[]) s, (float[]) d, from, to, parallel);
                } else {
                    FloatSortRows.sortRow((float[]) s, (float[]) d, from, to, parallel);
                }
            };
            case FLOAT64 -> (from, to, parallel) -> DoubleSortRows.sortRow((double[]) s, (double[]) d, from, to, parallel);
            default -> throw new IllegalArgumentException("cannot sort " + type.numpyName());
        };
        RowSchedule.forEachRow((int) rows, (int) cols, task);
    }

    @Override
    public void argsort(ScalarType type, long rows, long cols, DeviceBuffer keys, DeviceBuffer indices) {
        if (rows * cols == 0) {
            return;
        }
        Object k = arrays.apply(keys);
        long[] out = (long[]) arrays.apply(indices);
        int bits = SortKernels.keyBits(type);
        RowSchedule.forEachRow((int) rows, (int) cols, (from, to, parallel) -> {
            int n = to - from;
            long[] ranks = new long[n];
            if (parallel) {
                int chunks = CpuWorkers.chunks(n, 1 << 16);
                CpuWorkers.run(chunks, c -> SortRanks.fill(type, k, from, ranks, CpuWorkers.split(n, chunks, c),
                        CpuWorkers.split(n, chunks, c + 1)));
            } else {
                SortRanks.fill(type, k, from, ranks, 0, n);
            }
            int[] order = RadixArgsort.sort(ranks, bits, parallel);
            for (int j = 0; j < n; j++) {
                out[from + j] = order[j];
            }
        });
    }

    /** Zeros (false) first, then the other bytes, each in input order. */
    private static void partition(byte[] src, byte[] dst, int from, int to) {
        int falses = 0;
        for (int i = from; i < to; i++) {
            falses += src[i] == 0 ? 1 : 0;
        }
        Arrays.fill(dst, from, from + falses, (byte) 0);
        int at = from + falses;
        for (int i = from; i < to; i++) {
            if (src[i] != 0) {
                dst[at++] = src[i];
            }
        }
    }
}
