package org.jgpuarray.samples.bench;

import java.util.Arrays;
import java.util.Optional;
import org.jgpuarray.GPUArray;
import org.jgpuarray.GpuContext;

/**
 * A sorted copy of {@code size} uniform float32 numbers: {@code GPUArray.sort()} against the JDK's sorts of a
 * copy of a {@code float[]} in the same run, {@code Arrays.sort} (one thread, the java column) and
 * {@code Arrays.parallelSort} (all cores, the all-core Java column). Rated at 8 bytes per element, the least a
 * sort moves (read once, write once); every result is compared with the JDK's sorted array value for value.
 */
public final class SortWorkload implements Workload {
    @Override
    public String name() {
        return "sort";
    }

    @Override
    public String description() {
        return "sorted copy of float32 (GPUArray.sort; java = Arrays.sort, jpar = Arrays.parallelSort of a copy)";
    }

    @Override
    public Metric metric() {
        return Metric.GB_PER_S;
    }

    @Override
    public double work(long size) {
        return 8.0 * size;
    }

    @Override
    public boolean hasParallelJava() {
        return true;
    }

    @Override
    public Optional<String> nd4jSkipReason() {
        return Optional.of("the peers of this workload are the JDK's Arrays.sort and Arrays.parallelSort");
    }

    @Override
    public Problem prepare(long size, long seed) {
        return new Sort(HostData.uniform(size, seed));
    }

    private static final class Sort implements Problem {
        private final float[] x;
        private final float[] sorted;

        Sort(float[] x) {
            this.x = x;
            this.sorted = x.clone();
            Arrays.parallelSort(sorted);
        }

        @Override
        public float[] runJava() {
            float[] copy = x.clone();
            Arrays.sort(copy);
            return copy;
        }

        @Override
        public float[] runParallelJava() {
            float[] copy = x.clone();
            Arrays.parallelSort(copy);
            return copy;
        }

        @Override
        public DeviceRun onDevice(GpuContext context) {
            return new OnDevice(context, x);
        }

        @Override
        public PeerRun onNd4j() {
            throw new UnsupportedOperationException("sort has no ND4J peer");
        }

        /** A sort has one right answer: every element must equal the JDK's. */
        @Override
        public Check check(float[] result) {
            if (result.length != sorted.length) {
                return new Check(false, Double.POSITIVE_INFINITY, 0, result.length + " elements, expected "
                        + sorted.length);
            }
            Check.Builder b = new Check.Builder("sorted");
            for (int k = 0; k < sorted.length; k++) {
                b.compare(k, result[k], sorted[k], 0);
            }
            return b.build();
        }
    }

    private static final class OnDevice implements DeviceRun {
        private final GpuContext context;
        private final float[] x;
        private GPUArray dx;
        private GPUArray result;

        OnDevice(GpuContext context, float[] x) {
            this.context = context;
            this.x = x;
            // compile now so that compilation is not timed
            try (GPUArray one = context.toGpu(new float[] {2f, 1f, 3f}); GPUArray s = one.sort()) {
                s.toFloatArray();
            }
        }

        @Override
        public String implementation() {
            return "GPUArray.sort";
        }

        @Override
        public void upload() {
            dx = context.toGpu(x);
        }

        @Override
        public void compute() {
            result = dx.sort();
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
