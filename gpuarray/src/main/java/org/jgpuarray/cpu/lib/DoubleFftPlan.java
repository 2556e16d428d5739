// The float64 source of FloatFftPlan.java: edit here, then regenerate (see package-info.java).
package org.jgpuarray.cpu.lib;

import java.util.function.Function;
import org.jgpuarray.spi.DeviceBuffer;
import org.jgpuarray.spi.FftKind;
import org.jgpuarray.spi.FftPlan;
import org.jgpuarray.spi.FftShape;
import org.jtransforms.fft.DoubleFFT_1D;

/**
 * A complex128 FFT plan of the CPU backend: JTransforms' 1-D transforms (mixed radix, Bluestein for
 * other lengths) along rows and, for 2-D shapes, along gathered columns, on all cores. Real transforms
 * go through the complex transform of the real data (R2C) or of the Hermitian extension of the half
 * spectrum (C2R). Not thread-safe; used from the context's thread.
 */
final class DoubleFftPlan implements FftPlan {
    /** Below this length, signals are spread across cores; above it JTransforms threads each one. */
    private static final int SMALL = 8192;

    private final FftShape shape;
    private final Function<DeviceBuffer, Object> arrays;
    private final int rows;
    private final int cols;
    private final int batch;
    private final DoubleFFT_1D[] rowFfts;
    private final DoubleFFT_1D[] colFfts;

    DoubleFftPlan(FftShape shape, Function<DeviceBuffer, Object> arrays) {
        this.shape = shape;
        this.arrays = arrays;
        long[] d = shape.dims();
        this.rows = d.length == 2 ? Math.toIntExact(d[0]) : 1;
        this.cols = Math.toIntExact(d[d.length - 1]);
        this.batch = Math.toIntExact(shape.batch());
        this.rowFfts = new DoubleFFT_1D[CpuWorkers.parallelism() * 4];
        this.colFfts = new DoubleFFT_1D[CpuWorkers.parallelism() * 4];
    }

    @Override
    public void execute(DeviceBuffer in, DeviceBuffer out, boolean inverse, /**/double scale) {
        double[] src = (double[]) arrays.apply(in);
        double[] dst = (double[]) arrays.apply(out);
        int total = rows * cols * batch;
        if (shape.kind() == FftKind.COMPLEX) {
            System.arraycopy(src, 0, dst, 0, 2 * total);
            transform(dst, inverse);
            scale(dst, 2 * total, (double) scale);
        } else if (shape.kind() == FftKind.REAL_TO_COMPLEX) {
            double[] full = new double[2 * total];
            for (int i = 0; i < total; i++) {
                full[2 * i] = src[i];
            }
            transform(full, false);
            int half = cols / 2 + 1;
            for (int r = 0; r < rows * batch; r++) {
                System.arraycopy(full, 2 * r * cols, dst, 2 * r * half, 2 * half);
            }
            scale(dst, 2 * half * rows * batch, (double) scale);
        } else {
            double[] full = hermitian(src);
            transform(full, true);
            double s = (double) scale;
            for (int i = 0; i < total; i++) {
                dst[i] = full[2 * i] * s;
            }
        }
    }

    @Override
    public void release() {
        // JTransforms' tables are freed by the garbage collector
    }

    /** The full spectrum whose last axis the half spectrum {@code half} holds up to cols / 2. */
    private double[] hermitian(double[] half) {
        int h = cols / 2 + 1;
        double[] full = new double[2 * rows * cols * batch];
        for (int b = 0; b < batch; b++) {
            for (int a = 0; a < rows; a++) {
                int dst = 2 * ((b * rows + a) * cols);
                int src = 2 * ((b * rows + a) * h);
                int mirror = 2 * ((b * rows + (rows - a) % rows) * h);
                for (int c = 0; c < cols; c++) {
                    if (c < h) {
                        full[dst + 2 * c] = half[src + 2 * c];
                        full[dst + 2 * c + 1] = half[src + 2 * c + 1];
                    } else {
                        full[dst + 2 * c] = half[mirror + 2 * (cols - c)];
                        full[dst + 2 * c + 1] = -half[mirror + 2 * (cols - c) + 1];
                    }
                }
            }
        }
        return full;
    }

    /** Transforms the interleaved complex data in place along rows, then (2-D) along columns. */
    private void transform(double[] data, boolean inverse) {
        int lines = rows * batch;
        if (cols > 1) {
            forEachLine(lines, cols, rowFfts, (fft, line, scratch) -> run(fft, data, 2 * line * cols, inverse));
        }
        if (rows > 1) {
            forEachLine(cols * batch, rows, colFfts, (fft, line, scratch) -> {
                int base = 2 * ((line / cols) * rows * cols + line % cols);
                for (int a = 0; a < rows; a++) {
                    scratch[2 * a] = data[base + 2 * a * cols];
                    scratch[2 * a + 1] = data[base + 2 * a * cols + 1];
                }
                run(fft, scratch, 0, inverse);
                for (int a = 0; a < rows; a++) {
                    data[base + 2 * a * cols] = scratch[2 * a];
                    data[base + 2 * a * cols + 1] = scratch[2 * a + 1];
                }
            });
        }
    }

    private static void run(DoubleFFT_1D fft, double[] data, int offset, boolean inverse) {
        if (inverse) {
            fft.complexInverse(data, offset, false);
        } else {
            fft.complexForward(data, offset);
        }
    }

    /** One line's transform, with the worker's JTransforms instance and a scratch line. */
    @FunctionalInterface
    private interface LineTask {
        void run(DoubleFFT_1D fft, int line, double[] scratch);
    }

    /** Runs {@code task} over lines of {@code length}, spread over cores when the lines are short. */
    private static void forEachLine(int lines, int length, DoubleFFT_1D[] ffts, LineTask task) {
        int chunks = length >= SMALL ? 1 : Math.min(ffts.length, CpuWorkers.chunks((long) lines * length, SMALL));
        chunks = Math.max(1, Math.min(chunks, lines));
        int n = chunks;
        for (int c = 0; c < n; c++) {
            if (ffts[c] == null) {
                ffts[c] = new DoubleFFT_1D(length);
            }
        }
        CpuWorkers.run(n, ch -> {
            double[] scratch = new double[2 * length];
            for (int line = CpuWorkers.split(lines, n, ch); line < CpuWorkers.split(lines, n, ch + 1); line++) {
                task.run(ffts[ch], line, scratch);
            }
        });
    }

    private static void scale(double[] data, int count, double s) {
        if (s != 1) {
            for (int i = 0; i < count; i++) {
                data[i] *= s;
            }
        }
    }
}
