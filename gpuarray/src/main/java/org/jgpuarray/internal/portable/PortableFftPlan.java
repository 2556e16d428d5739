package org.jgpuarray.internal.portable;

import org.jgpuarray.kernels.lib.FftRadices;
import org.jgpuarray.spi.DeviceBuffer;
import org.jgpuarray.spi.FftKind;
import org.jgpuarray.spi.FftPlan;
import org.jgpuarray.spi.FftShape;

/**
 * A portable FFT plan: 1-D transforms along the last axis (rows) and, for 2-D shapes, along the
 * columns in place, each axis by {@link StockhamAxis} or {@link BluesteinAxis}. Real-to-complex
 * transforms widen the real data to complex, transform, and keep the half spectrum; complex-to-real
 * ones rebuild the full Hermitian spectrum, transform, and keep the real parts. Scratch: two buffers
 * of the array's size for the passes, one more for real transforms, and Bluestein's own.
 */
final class PortableFftPlan implements FftPlan {
    private final FftShape shape;
    private final FftKernelSet kernels;
    private final long rows;
    private final long cols;
    private final long batch;
    private final AxisTransform rowAxis;
    private final AxisTransform colAxis;
    private final DeviceBuffer tmpA;
    private final DeviceBuffer tmpB;
    private final DeviceBuffer full;

    PortableFftPlan(KernelRunner runner, FftShape shape) {
        this.shape = shape;
        long[] dims = shape.dims();
        boolean twoD = dims.length == 2;
        this.rows = twoD ? dims[0] : 1;
        this.cols = dims[dims.length - 1];
        this.batch = shape.batch();
        long total = batch * rows * cols;
        this.kernels = new FftKernelSet(runner, shape.precision(), 4 * total > Integer.MAX_VALUE);
        this.rowAxis = axis(cols, SignalLayout.rows(batch * rows, cols));
        this.colAxis = twoD ? axis(rows, SignalLayout.columns(batch, rows, cols)) : null;
        this.tmpA = runner.allocate(kernels.complex(), total);
        this.tmpB = runner.allocate(kernels.complex(), total);
        this.full = shape.kind() == FftKind.COMPLEX ? null : runner.allocate(kernels.complex(), total);
    }

    @Override
    public void execute(DeviceBuffer in, DeviceBuffer out, boolean inverse, double scale) {
        long total = batch * rows * cols;
        long half = cols / 2 + 1;
        switch (shape.kind()) {
            case COMPLEX -> complex(in, out, inverse, scale);
            case REAL_TO_COMPLEX -> {
                kernels.helper("real_to_complex", total, in, full, kernels.index(total));
                complex(full, full, false, scale);
                kernels.helper("take_half", batch * rows * half, full, out, kernels.index(cols), kernels.index(half),
                        kernels.index(batch * rows));
            }
            case COMPLEX_TO_REAL -> {
                kernels.helper("hermitian", total, in, full, kernels.index(rows), kernels.index(cols),
                        kernels.index(half), kernels.index(batch));
                complex(full, full, true, scale);
                kernels.helper("real_part", total, full, out, kernels.index(total));
            }
            default -> throw new IllegalStateException("unknown FFT kind " + shape.kind());
        }
    }

    @Override
    public void release() {
        rowAxis.release();
        if (colAxis != null) {
            colAxis.release();
        }
        KernelRunner r = kernels.runner();
        r.free(tmpA);
        r.free(tmpB);
        r.free(full);
    }

    private void complex(DeviceBuffer src, DeviceBuffer dst, boolean inverse, double scale) {
        if (colAxis == null) {
            rowAxis.run(src, dst, inverse, scale, tmpA, tmpB);
        } else {
            rowAxis.run(src, dst, inverse, 1.0, tmpA, tmpB);
            colAxis.run(dst, dst, inverse, scale, tmpA, tmpB);
        }
    }

    private AxisTransform axis(long length, SignalLayout layout) {
        return FftRadices.of(length).isPresent() ? new StockhamAxis(kernels, length, layout)
                : new BluesteinAxis(kernels, length, layout);
    }
}
