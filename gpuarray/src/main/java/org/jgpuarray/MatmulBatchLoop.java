package org.jgpuarray;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The batch axes of a matrix product split into what one strided-batched GEMM call covers and a loop of
 * such calls: axes of extent 1 are dropped, neighbouring axes that every operand steps through evenly are
 * merged (so contiguous batches, however many axes they have, make one call), the last remaining axis is
 * the call's batch and the others are looped over on the host. Immutable.
 */
final class MatmulBatchLoop {
    private final long[] extents;
    private final long[][] strides;

    private MatmulBatchLoop(long[] extents, long[][] strides) {
        this.extents = extents;
        this.strides = strides;
    }

    /**
     * The loop over {@code batch} for operands with these batch strides (one array per operand, each as
     * long as {@code batch}).
     */
    static MatmulBatchLoop of(long[] batch, long[]... operandStrides) {
        List<Long> extents = new ArrayList<>();
        List<long[]> strides = new ArrayList<>();
        for (int d = 0; d < batch.length; d++) {
            if (batch[d] == 1) {
                continue;
            }
            long[] s = new long[operandStrides.length];
            for (int o = 0; o < s.length; o++) {
                s[o] = operandStrides[o][d];
            }
            int last = extents.size() - 1;
            if (last >= 0 && merges(strides.get(last), s, batch[d])) {
                extents.set(last, extents.get(last) * batch[d]);
                strides.set(last, s);
            } else {
                extents.add(batch[d]);
                strides.add(s);
            }
        }
        long[] e = new long[extents.size()];
        long[][] t = new long[operandStrides.length][e.length];
        for (int d = 0; d < e.length; d++) {
            e[d] = extents.get(d);
            for (int o = 0; o < t.length; o++) {
                t[o][d] = strides.get(d)[o];
            }
        }
        return new MatmulBatchLoop(e, t);
    }

    /** Whether an outer axis of strides {@code outer} and the next one, of extent {@code extent}, are one axis. */
    private static boolean merges(long[] outer, long[] inner, long extent) {
        for (int o = 0; o < outer.length; o++) {
            if (outer[o] != inner[o] * extent) {
                return false;
            }
        }
        return true;
    }

    /** Matrices one call computes: the extent of the last axis (1 without batch axes). */
    long callBatch() {
        return extents.length == 0 ? 1 : extents[extents.length - 1];
    }

    /** The stride of operand {@code o} along the call's batch (0 without batch axes). */
    long callStride(int o) {
        return extents.length == 0 ? 0 : strides[o][extents.length - 1];
    }

    /** The number of calls: the product of the extents of the looped axes. */
    long calls() {
        long calls = 1;
        for (int d = 0; d + 1 < extents.length; d++) {
            calls *= extents[d];
        }
        return calls;
    }

    /**
     * Runs {@code call} once per call, in order, with the element offset of each operand's first matrix
     * in that call (relative to its first matrix overall).
     */
    void forEachCall(Consumer<long[]> call) {
        int looped = Math.max(0, extents.length - 1);
        long[] index = new long[looped];
        long[] offsets = new long[strides.length];
        for (long c = calls(); c > 0; c--) {
            call.accept(offsets.clone());
            for (int d = looped - 1; d >= 0; d--) {
                index[d]++;
                for (int o = 0; o < offsets.length; o++) {
                    offsets[o] += strides[o][d];
                }
                if (index[d] < extents[d]) {
                    break;
                }
                for (int o = 0; o < offsets.length; o++) {
                    offsets[o] -= strides[o][d] * extents[d];
                }
                index[d] = 0;
            }
        }
    }
}
