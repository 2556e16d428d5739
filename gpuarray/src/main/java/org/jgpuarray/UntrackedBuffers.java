package org.jgpuarray;

import org.jgpuarray.internal.SharedBuffer;
import org.jgpuarray.kernels.Dialect;
import org.jgpuarray.spi.BackendDevice;

/**
 * Which buffers a context hands out {@linkplain SharedBuffer#untracked untracked}: on a backend whose buffers
 * are Java arrays (the CPU), those smaller than the memory pool's smallest block. Such an array costs less to
 * allocate than a pool's bookkeeping, and an array left to the collector (a sum's 0-d result, read with
 * {@code item()} and dropped) would otherwise keep its hold and block alive through the next young collection,
 * which copies them one by one along the release queue's list: measured on the CPU backend at n = 1000,
 * {@code x.sum().item()} spent 2 to 10 us per call in collector pauses of 150 to 450 ms, for a call whose own
 * work is under 1 us. Untracked buffers are outside the pool and its counts.
 */
final class UntrackedBuffers {
    /** Buffers below this many bytes are untracked: the pool's smallest size class. */
    static final long BELOW_BYTES = SizeClasses.SMALLEST;

    private UntrackedBuffers() {
    }

    /** True when a buffer of {@code elements} values of {@code dtype} on {@code device} is handed out untracked. */
    static boolean applies(BackendDevice device, DType dtype, long elements) {
        return device.dialect() == Dialect.JAVA && elements * dtype.scalarType().byteSize() < BELOW_BYTES;
    }
}
