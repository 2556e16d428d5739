package org.jgpuarray;

import org.jgpuarray.spi.CompiledScan;

/**
 * Cumulative sums and products along one axis of any view, NumPy's {@code cumsum(axis=...)} and
 * {@code cumprod(axis=...)}: the array is copied (and converted to the result dtype) into C order with the axis
 * moved last, its rows are scanned in place, each alone, and the result is that array with the axis moved back,
 * so it keeps the memory order of the scan (its strides are those of the moved array).
 */
final class AxisScans {
    private AxisScans() {
    }

    /**
     * The inclusive scan by {@code a + b} (or {@code a * b}) along {@code axis}, in the dtype of {@code sum}.
     *
     * @throws IllegalArgumentException naming the axis and the shape when it is out of range
     */
    static GPUArray cumulative(GPUArray x, int axis, boolean product) {
        String op = product ? "cumprod" : "cumsum";
        if (x.dtype().isComplex()) {
            throw new UnsupportedOperationException(op + " of " + x.dtype().numpyName() + " arrays is not supported");
        }
        int ndim = x.ndim();
        int a = axis < 0 ? axis + ndim : axis;
        if (a < 0 || a >= ndim) {
            throw new IllegalArgumentException(op + ": axis " + axis + " is out of bounds for an array of shape "
                    + Shapes.format(x.shape()) + " (" + ndim + " dimensions)");
        }
        DType type = BuiltinSpecs.sumType(x.dtype());
        CompiledScan scan = x.context().compiled(ScanKernel.spec(type, product ? "a * b" : "a + b", product ? "1" : "0",
                true, ""));
        int[] order = new int[ndim];
        int[] back = new int[ndim];
        for (int d = 0, k = 0; d < ndim; d++) {
            if (d != a) {
                order[k++] = d;
            }
        }
        order[ndim - 1] = a;
        for (int k = 0; k < ndim; k++) {
            back[order[k]] = k;
        }
        try (GPUArray moved = x.permute(order); GPUArray rows = x.context().empty(type, moved.shape())) {
            rows.assign(moved);
            long length = x.shape()[a];
            if (length > 0) {
                scan.launch(rows.size() / length, length, rows.buffer(), rows.buffer());
            }
            return rows.permute(back);
        }
    }
}
