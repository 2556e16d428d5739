package org.jgpuarray.spi;

import org.jgpuarray.kernels.ScalarType;

/**
 * Sorting of device buffers, offered by a backend through {@link BackendDevice#library(Class)} (the CPU
 * backend's Java sorts, for instance). Where a device offers none, the core runs its portable radix sort
 * (CUDA C or OpenCL C through {@link BackendDevice#compileProgram}).
 *
 * <p><b>Layout.</b> A buffer holds {@code rows} rows of {@code cols} elements each, row-major and contiguous
 * from element 0; every row is sorted on its own.
 *
 * <p><b>Order.</b> Ascending, as NumPy's stable sort: integers and bools by value; floats by value with
 * -0.0 equal to 0.0, and every NaN equal to every other and greater than +inf. Elements that compare
 * equal keep their input order (stable), and elements move bit for bit: a sorted row is exactly its input
 * row permuted by its argsort, so sort and argsort agree, NaN payloads and signs of zero included.
 *
 * <p><b>Types.</b> {@code type} is {@link ScalarType#BOOL}, {@link ScalarType#INT32},
 * {@link ScalarType#INT64}, {@link ScalarType#FLOAT32} or {@link ScalarType#FLOAT64}; the core checks this,
 * the sizes and that the device runs the type before calling. {@code rows * cols} may be 0.
 *
 * <p>Calls are made from the thread that uses the device; they may return before the device finishes (the
 * core synchronizes when it copies results to the host).
 */
public interface SortProvider {
    /** Which implementation this is, e.g. {@code "Arrays.parallelSort (Java)"}; shown to users. */
    String implementation();

    /**
     * Sorts each row of {@code src} into the same row of {@code dst}.
     *
     * @param src not modified: {@code rows * cols} elements of {@code type}
     * @param dst modified: receives the sorted rows; another buffer than {@code src}, as large
     */
    void sort(ScalarType type, long rows, long cols, DeviceBuffer src, DeviceBuffer dst);

    /**
     * Writes the stable sorting permutation of each row: {@code indices[r * cols + k]} is the position in row
     * {@code r} of its {@code k}-th smallest element (equal elements in input order).
     *
     * @param keys    not modified: {@code rows * cols} elements of {@code type}
     * @param indices modified: {@code rows * cols} int64 elements
     */
    void argsort(ScalarType type, long rows, long cols, DeviceBuffer keys, DeviceBuffer indices);
}
