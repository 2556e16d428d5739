package org.jgpuarray.samples.bench;

import java.util.Optional;
import org.jgpuarray.GPUArray;
import org.jgpuarray.GpuContext;

/**
 * Float32 sums along axes, measured against the full {@code reduce} of the same number of elements: {@code
 * reduce-axis0} and {@code reduce-axis1} sum the columns and the rows of a square matrix ({@code x.sum(0)},
 * {@code x.sum(1)}; a size of 2^24 is 4096x4096), {@code reduce-middle} the middle axis of a (64, n/4096, 64)
 * array ({@code x.sum(1)}), and {@code reduce-middle-copy} the same result the other way: the two last axes
 * swapped into a contiguous copy, then its rows summed. Throughput counts the 4 bytes of each input element.
 */
public final class AxisReductionWorkload implements Workload {
    /** The sums measured. */
    private enum Kind {
        AXIS0("reduce-axis0", "x.sum(0) of a square float32 matrix: column sums"),
        AXIS1("reduce-axis1", "x.sum(1) of a square float32 matrix: row sums"),
        MIDDLE("reduce-middle", "x.sum(1) of a (64, n/4096, 64) float32 array: the middle axis in place"),
        MIDDLE_COPY("reduce-middle-copy", "x.swapAxes(1, 2).copy().sum(2): the middle axis through a transposed copy");

        final String name;
        final String description;

        Kind(String name, String description) {
            this.name = name;
            this.description = description;
        }
    }

    /** The edge of the outer axes of the 3-D shape: 64 x (n / 4096) x 64. */
    private static final int EDGE = 64;

    private final Kind kind;

    private AxisReductionWorkload(Kind kind) {
        this.kind = kind;
    }

    /** The four workloads, in report order. */
    public static AxisReductionWorkload[] all() {
        Kind[] kinds = Kind.values();
        AxisReductionWorkload[] all = new AxisReductionWorkload[kinds.length];
        for (int k = 0; k < kinds.length; k++) {
            all[k] = new AxisReductionWorkload(kinds[k]);
        }
        return all;
    }

    @Override
    public String name() {
        return kind.name;
    }

    @Override
    public String description() {
        return kind.description;
    }

    @Override
    public Metric metric() {
        return Metric.GB_PER_S;
    }

    @Override
    public double work(long size) {
        return 4.0 * size;
    }

    @Override
    public String sizeUnit() {
        return "elements";
    }

    @Override
    public String sizeLabel(long size) {
        long[] s = shape(size);
        return s == null ? SizeList.format(size) : s.length == 2 ? s[0] + "x" + s[1] : s[0] + "x" + s[1] + "x" + s[2];
    }

    @Override
    public Optional<String> skipReason(long size) {
        if (shape(size) != null) {
            return Optional.empty();
        }
        return Optional.of(kind == Kind.AXIS0 || kind == Kind.AXIS1 ? "needs an even power of two (a square matrix)"
                : "needs a multiple of " + EDGE * EDGE);
    }

    @Override
    public Optional<String> nd4jSkipReason() {
        return Optional.of("no ND4J peer of this workload");
    }

    /** The array's shape at {@code size}, or null when the size does not make one. */
    private long[] shape(long size) {
        if (kind == Kind.AXIS0 || kind == Kind.AXIS1) {
            long side = (long) Math.sqrt((double) size);
            return side > 0 && side * side == size ? new long[] {side, side} : null;
        }
        long middle = size / (EDGE * EDGE);
        return middle > 0 && middle * EDGE * EDGE == size ? new long[] {EDGE, middle, EDGE} : null;
    }

    @Override
    public Problem prepare(long size, long seed) {
        long[] shape = shape(size);
        if (shape == null) {
            throw new UnsupportedOperationException(skipReason(size).orElseThrow());
        }
        return new AxisProblem(kind, shape, HostData.uniform(size, seed));
    }

    /** The inputs, the plain Java loop and the float64 reference of one size. */
    private static final class AxisProblem implements Problem {
        private final Kind kind;
        private final long[] shape;
        private final float[] x;
        private final double[] reference;
        private final double[] magnitude;

        AxisProblem(Kind kind, long[] shape, float[] x) {
            this.kind = kind;
            this.shape = shape;
            this.x = x;
            int outputs = (int) (x.length / reducedExtent());
            this.reference = new double[outputs];
            this.magnitude = new double[outputs];
            for (int k = 0; k < x.length; k++) {
                int o = output(k);
                reference[o] += x[k];
                magnitude[o] += Math.abs(x[k]);
            }
        }

        private long reducedExtent() {
            return kind == Kind.AXIS0 ? shape[0] : shape[1];
        }

        /** The output element {@code k} of the input (C order) is summed into, in the result's C order. */
        private int output(int k) {
            if (kind == Kind.AXIS0) {
                return (int) (k % shape[1]);
            }
            if (kind == Kind.AXIS1) {
                return (int) (k / shape[1]);
            }
            long inner = shape[2];
            return (int) (k / (shape[1] * inner) * inner + k % inner);
        }

        @Override
        public float[] runJava() {
            float[] sums = new float[reference.length];
            for (int k = 0; k < x.length; k++) {
                sums[output(k)] += x[k];
            }
            return sums;
        }

        @Override
        public DeviceRun onDevice(GpuContext context) {
            return new OnDevice(context, kind, shape, x);
        }

        @Override
        public PeerRun onNd4j() {
            throw new UnsupportedOperationException("no ND4J peer of " + kind.name);
        }

        /** float32 accumulation error stays far below 1e-5 of an output's sum of magnitudes. */
        @Override
        public Check check(float[] result) {
            Check.Builder check = new Check.Builder("sum");
            for (int o = 0; o < reference.length; o++) {
                check.compare(o, result[o], reference[o], 1e-5 * magnitude[o] + 1e-6);
            }
            return check.build();
        }
    }

    private static final class OnDevice implements DeviceRun {
        private final GpuContext context;
        private final Kind kind;
        private final long[] shape;
        private final float[] x;
        private GPUArray dx;
        private GPUArray result;

        OnDevice(GpuContext context, Kind kind, long[] shape, float[] x) {
            this.context = context;
            this.kind = kind;
            this.shape = shape;
            this.x = x;
            // compile now so that compilation is not timed
            try (GPUArray small = context.zeros(org.jgpuarray.DType.FLOAT32, shape.length == 2 ? new long[] {3, 5}
                    : new long[] {2, 3, 5}); GPUArray r = sum(small)) {
                r.toFloatArray();
            }
        }

        private GPUArray sum(GPUArray a) {
            return switch (kind) {
                case AXIS0 -> a.sum(0);
                case AXIS1, MIDDLE -> a.sum(1);
                case MIDDLE_COPY -> {
                    try (GPUArray swapped = a.swapAxes(1, 2); GPUArray copy = swapped.copy()) {
                        yield copy.sum(2);
                    }
                }
            };
        }

        @Override
        public String implementation() {
            return kind == Kind.MIDDLE_COPY ? "GPUArray.swapAxes + copy + sum(axis)" : "GPUArray.sum(axis)";
        }

        @Override
        public void upload() {
            dx = context.toGpu(x, shape);
        }

        @Override
        public void compute() {
            result = sum(dx);
        }

        @Override
        public float[] download() {
            return result.toFloatArray();
        }

        @Override
        public void release() {
            Releaser.closeAll(dx, result);
            dx = result = null;
        }

        @Override
        public void close() {
            release();
        }
    }
}
