package org.jgpuarray.samples.bench;

import java.util.Optional;
import org.jgpuarray.samples.ArtifactVersion;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * ND4J's versions of the workloads, as a Java developer would write them with it: {@code x.mul(a, c)} then BLAS
 * {@code axpy(b, y, c)}, {@code x.sumNumber()}, BLAS {@code dot}, {@code a.mmul(b)}, {@code Nd4j.rand}. ND4J has
 * no FFT worth timing. All ND4J use of the benchmark is here, so that the harness runs on (and says why)
 * when ND4J's native libraries do not load.
 */
public final class Nd4jPeers {
    private static Optional<String> availability;

    private Nd4jPeers() {
    }

    /**
     * Loads ND4J once (its native backend takes a few seconds the first time).
     *
     * @return empty when ND4J works, else one line saying why not
     */
    public static synchronized Optional<String> availability() {
        if (availability == null) {
            try {
                // ND4J calls System.gc() every few allocations by default; that would be timed as ND4J's work
                Nd4j.getMemoryManager().togglePeriodicGc(false);
                float v = Nd4j.createFromArray(1f, 2f).sumNumber().floatValue();
                availability = v == 3f ? Optional.empty() : Optional.of("ND4J gave a wrong test sum " + v);
            } catch (Throwable e) { // native loading fails with errors, not exceptions
                availability = Optional.of("ND4J did not load: " + e);
            }
        }
        return availability;
    }

    /** ND4J's name and backend, e.g. {@code ND4J CPU (1.0.0-M2.1)}, for reports. */
    public static String describe() {
        return "ND4J " + Nd4j.getBackend().getClass().getSimpleName() + " (" + version() + ")";
    }

    private static String version() {
        return ArtifactVersion.of("org.nd4j", "nd4j-api");
    }

    /** {@code c = a*x} into a preallocated c, then BLAS {@code axpy} adds {@code b*y}: two passes, no temporaries. */
    static PeerRun linearCombination(float a, float[] x, float b, float[] y) {
        INDArray xs = Nd4j.createFromArray(x);
        INDArray ys = Nd4j.createFromArray(y);
        INDArray c = Nd4j.create(DataType.FLOAT, x.length);
        return new Run(() -> {
            xs.mul(a, c);
            Nd4j.getBlasWrapper().axpy(b, ys, c);
            return c;
        }, xs, ys, c);
    }

    static PeerRun sum(float[] x) {
        INDArray xs = Nd4j.createFromArray(x);
        return new Run(() -> Nd4j.scalar(xs.sumNumber().floatValue()), xs);
    }

    static PeerRun dot(float[] x, float[] y) {
        INDArray xs = Nd4j.createFromArray(x);
        INDArray ys = Nd4j.createFromArray(y);
        return new Run(() -> Nd4j.scalar((float) Nd4j.getBlasWrapper().dot(xs, ys)), xs, ys);
    }

    static PeerRun gemm(int n, float[] a, float[] b) {
        INDArray as = Nd4j.createFromArray(a).reshape('c', n, n);
        INDArray bs = Nd4j.createFromArray(b).reshape('c', n, n);
        return new Run(() -> as.mmul(bs), as, bs);
    }

    /** {@code Nd4j.rand(FLOAT, n)}: n uniform float32 numbers in [0, 1) from ND4J's seeded generator. */
    static PeerRun rand(int n, long seed) {
        Nd4j.getRandom().setSeed(seed);
        return new Run(() -> Nd4j.rand(DataType.FLOAT, n));
    }

    private static final class Run implements PeerRun {
        private final java.util.function.Supplier<INDArray> op;
        private final INDArray[] inputs;
        private INDArray last;

        Run(java.util.function.Supplier<INDArray> op, INDArray... inputs) {
            this.op = op;
            this.inputs = inputs;
        }

        @Override
        public void compute() {
            INDArray previous = last;
            last = op.get();
            if (previous != null && previous != last) {
                previous.close();
            }
        }

        @Override
        public float[] result() {
            return last.dup('c').data().asFloat();
        }

        @Override
        public void close() {
            for (INDArray in : inputs) {
                if (!in.wasClosed()) {
                    in.close();
                }
            }
            if (last != null && !last.wasClosed()) {
                last.close();
            }
            last = null;
        }
    }
}
