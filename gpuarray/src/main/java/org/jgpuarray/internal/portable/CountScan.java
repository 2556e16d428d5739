package org.jgpuarray.internal.portable;

import java.util.ArrayList;
import java.util.List;
import org.jgpuarray.kernels.ScalarType;
import org.jgpuarray.kernels.lib.SortKernels;
import org.jgpuarray.spi.DeviceBuffer;
import org.jgpuarray.spi.RawFunction;

/**
 * The exclusive scan of a radix sort's digit counts (int64), in place: each tile of {@link SortKernels#TILE}
 * counts is scanned by one group, the tiles' sums are scanned the same way (recursively), and each tile then
 * adds its offset. The buffers of the sums of every level are allocated once, for all passes of one sort,
 * and freed on close. Not thread-safe.
 */
final class CountScan implements AutoCloseable {
    private final KernelRunner runner;
    private final RawFunction tiles;
    private final RawFunction add;
    private final List<DeviceBuffer> sums = new ArrayList<>();
    private final List<Long> sizes = new ArrayList<>();

    /**
     * @param runner    the device
     * @param functions finds a kernel of the sort program by its base name
     * @param n         the number of counts every {@link #run} scans
     */
    CountScan(KernelRunner runner, java.util.function.Function<String, RawFunction> functions, long n) {
        this.runner = runner;
        this.tiles = functions.apply("scan_tiles");
        this.add = functions.apply("scan_add");
        for (long level = n; ; level = tilesOf(level)) {
            sizes.add(level);
            sums.add(runner.allocate(ScalarType.INT64, tilesOf(level)));
            if (tilesOf(level) == 1) {
                break;
            }
        }
    }

    /** Scans {@code data}, modified: {@code n} counts become the sums of the counts before them. */
    void run(DeviceBuffer data) {
        scan(0, data);
    }

    private void scan(int level, DeviceBuffer data) {
        long n = sizes.get(level);
        long groups = tilesOf(n);
        DeviceBuffer levelSums = sums.get(level);
        runner.launchGroups(tiles, groups, SortKernels.THREADS, data, n, levelSums);
        if (groups > 1) {
            scan(level + 1, levelSums);
            runner.launchGroups(add, groups, SortKernels.THREADS, data, n, levelSums);
        }
    }

    private static long tilesOf(long n) {
        return Math.max(1, (n + SortKernels.TILE - 1) / SortKernels.TILE);
    }

    @Override
    public void close() {
        sums.forEach(runner::free);
        sums.clear();
    }
}
