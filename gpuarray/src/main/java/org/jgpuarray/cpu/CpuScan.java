package org.jgpuarray.cpu;

import java.util.List;
import org.jgpuarray.kernels.java.JavaScanKernel;
import org.jgpuarray.spi.CompiledScan;
import org.jgpuarray.spi.DeviceBuffer;

/**
 * A scan on the CPU. A long row is split into one chunk per worker: each chunk's total first, then each chunk
 * scanned from the combined totals before it. Many rows are split among the workers whole, each row scanned in
 * one pass.
 */
final class CpuScan implements CompiledScan {
    private final String name;
    private final JavaScanKernel kernel;

    CpuScan(String name, JavaScanKernel kernel) {
        this.name = name;
        this.kernel = kernel;
    }

    @Override
    public void launch(long n, DeviceBuffer in, DeviceBuffer out) {
        launch(1, n, in, out);
    }

    @Override
    public void launch(long segments, long length, DeviceBuffer in, DeviceBuffer out) {
        if (segments <= 0 || length <= 0) {
            return;
        }
        Object input = ((CpuBuffer) in).array();
        Object output = ((CpuBuffer) out).array();
        CpuDevice.run(name, () -> {
            if (segments < ParallelRanges.parallelism()) {
                for (long s = 0; s < segments; s++) {
                    scanRow(input, output, s * length, length);
                }
                return segments;
            }
            int chunks = (int) Math.max(1, Math.min(ParallelRanges.parallelism(),
                    segments * length / ParallelRanges.MIN_CHUNK));
            return ParallelRanges.map(ParallelRanges.equalParts(segments, chunks), (chunk, from, to) -> {
                for (long s = from; s < to; s++) {
                    kernel.scanRange(input, output, s * length, (s + 1) * length, kernel.neutral());
                }
                return chunk;
            });
        });
    }

    /** One row of {@code n} elements from {@code start}, in chunks: totals first, then each chunk from its carry. */
    private void scanRow(Object input, Object output, long start, long n) {
        long[] bounds = ParallelRanges.split(n);
        for (int k = 0; k < bounds.length; k++) {
            bounds[k] += start;
        }
        List<Object> totals = ParallelRanges.map(bounds, (chunk, from, to) -> kernel.reduceRange(input, from, to));
        Object[] carries = new Object[totals.size()];
        Object carry = kernel.neutral();
        for (int k = 0; k < carries.length; k++) {
            carries[k] = carry;
            carry = kernel.combine(carry, totals.get(k));
        }
        ParallelRanges.map(bounds, (chunk, from, to) -> {
            kernel.scanRange(input, output, from, to, carries[chunk]);
            return chunk;
        });
    }
}
