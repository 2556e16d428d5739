package org.jgpuarray;

/**
 * Which insertion point {@link GPUArray#searchsorted(GPUArray, SearchSide)} returns for a value equal to
 * elements of the sorted array, NumPy's {@code side} argument.
 */
public enum SearchSide {
    /** The first suitable position: before every equal element ({@code side='left'}). */
    LEFT,
    /** The last suitable position: after every equal element ({@code side='right'}). */
    RIGHT
}
