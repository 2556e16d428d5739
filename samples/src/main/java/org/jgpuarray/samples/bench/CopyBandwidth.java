package org.jgpuarray.samples.bench;

import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.jgpuarray.DType;
import org.jgpuarray.GPUArray;
import org.jgpuarray.GpuContext;
import org.jgpuarray.device.DeviceTimer;

/**
 * Measures memory-copy bandwidth, the roofline of the memory-bound workloads: bytes read plus bytes
 * written per second, the best of a few copies.
 */
public final class CopyBandwidth {
    private static final int RUNS = 5;

    private CopyBandwidth() {
    }

    /**
     * Host memory, copied by all cores at once (each copies its slice with {@code System.arraycopy}).
     *
     * @param elements float32 elements to copy
     * @return GB/s (1e9 bytes per second), counting the read and the write
     */
    public static double host(int elements) {
        float[] src = new float[elements];
        float[] dst = new float[elements];
        java.util.Arrays.fill(src, 1f);
        int parts = Math.max(1, ForkJoinPool.commonPool().getParallelism());
        long best = Long.MAX_VALUE;
        for (int r = 0; r < RUNS; r++) {
            long t0 = System.nanoTime();
            IntStream.range(0, parts).parallel().forEach(p -> {
                int from = (int) ((long) elements * p / parts);
                int to = (int) ((long) elements * (p + 1) / parts);
                System.arraycopy(src, from, dst, from, to - from);
            });
            best = Math.min(best, System.nanoTime() - t0);
        }
        return 2.0 * 4 * elements / best;
    }

    /**
     * Device memory: {@link GPUArray#copy()} timed with the context's timer.
     *
     * @param context an open context
     * @param elements float32 elements to copy
     * @return GB/s, counting the read and the write
     */
    public static double device(GpuContext context, long elements) {
        try (GPUArray src = context.empty(DType.FLOAT32, elements)) {
            long best = Long.MAX_VALUE;
            for (int r = 0; r < RUNS; r++) {
                DeviceTimer timer = context.startTimer();
                GPUArray dst = src.copy();
                long t = timer.stopNanos();
                dst.close();
                best = Math.min(best, Math.max(t, 1));
            }
            return 2.0 * 4 * elements / best;
        }
    }
}
