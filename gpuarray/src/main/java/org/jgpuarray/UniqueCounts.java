package org.jgpuarray;

import java.util.Objects;

/**
 * The sorted unique values of an array and how often each occurs, NumPy's
 * {@code np.unique(a, return_counts=True)}; made by {@link GPUArray#uniqueCounts()}. Closing it closes both
 * arrays.
 *
 * @param values the sorted distinct values (NaNs count as one value, last), 1-D, the array's dtype
 * @param counts the occurrences of each value, 1-D int64 of the same length
 */
public record UniqueCounts(GPUArray values, GPUArray counts) implements AutoCloseable {
    public UniqueCounts {
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(counts, "counts");
    }

    /** Closes both arrays. */
    @Override
    public void close() {
        values.close();
        counts.close();
    }
}
