package org.jgpuarray.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Random;
import org.jgpuarray.GpuContext;
import org.jgpuarray.device.BackendProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * The base of the conformance suite: every backend module runs each topic class by subclassing it
 * with its backend's name. A backend that cannot start here is skipped by an assumption that prints
 * the probe's reason. References are computed in float64 on the host from the same random inputs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ConformanceBase {
    /** The awkward sizes every op is checked at. */
    protected static final int[] SIZES = {0, 1, 3, 1000, 1000003};

    protected GpuContext ctx;

    /** The backend under test: {@code cpu}, {@code opencl} or {@code cuda}. */
    protected abstract String backend();

    @BeforeAll
    void openContext() {
        BackendProbe probe = GpuContext.probeBackends().stream().filter(p -> p.backend().equals(backend()))
                .findFirst().orElse(BackendProbe.unavailable(backend(), "backend not on the class path"));
        if (!probe.available()) {
            System.out.println("SKIPPED " + getClass().getSimpleName() + ": backend '" + backend()
                    + "' unavailable: " + probe.reason());
        }
        assumeTrue(probe.available(), () -> "backend '" + backend() + "' unavailable: " + probe.reason());
        ctx = GpuContext.create(backend());
    }

    @AfterAll
    void closeContext() {
        if (ctx != null) {
            ctx.close();
        }
    }

    /** Skips the calling test on a device without float64. */
    protected void assumeFp64() {
        assumeTrue(ctx.device().fp64(), () -> ctx.device().name() + " has no fp64");
    }

    /** A generator seeded from the test's name and size, so failures reproduce. */
    protected static Random random(String test, int size) {
        return new Random(test.hashCode() * 31L + size);
    }

    protected static float[] floats(Random r, int n, double lo, double hi) {
        float[] a = new float[n];
        for (int k = 0; k < n; k++) {
            a[k] = (float) (lo + (hi - lo) * r.nextDouble());
        }
        return a;
    }

    protected static double[] doubles(Random r, int n, double lo, double hi) {
        double[] a = new double[n];
        for (int k = 0; k < n; k++) {
            a[k] = lo + (hi - lo) * r.nextDouble();
        }
        return a;
    }

    protected static int[] ints(Random r, int n, int lo, int hi) {
        int[] a = new int[n];
        for (int k = 0; k < n; k++) {
            a[k] = (int) (lo + (long) (r.nextDouble() * ((long) hi - lo)));
        }
        return a;
    }

    protected static long[] longs(Random r, int n, long lo, long hi) {
        long[] a = new long[n];
        for (int k = 0; k < n; k++) {
            a[k] = lo + (long) (r.nextDouble() * (hi - lo));
        }
        return a;
    }

    protected static double[] widen(float[] a) {
        double[] d = new double[a.length];
        for (int k = 0; k < a.length; k++) {
            d[k] = a[k];
        }
        return d;
    }

    protected static double[] widen(int[] a) {
        double[] d = new double[a.length];
        for (int k = 0; k < a.length; k++) {
            d[k] = a[k];
        }
        return d;
    }

    protected static double[] widen(long[] a) {
        double[] d = new double[a.length];
        for (int k = 0; k < a.length; k++) {
            d[k] = a[k];
        }
        return d;
    }

    /**
     * Checks {@code |actual - expected| <= atol + rtol * |expected|} everywhere, NaN matching NaN only,
     * and reports the first bad index.
     */
    protected static void assertClose(double[] expected, double[] actual, double rtol, double atol, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        for (int k = 0; k < expected.length; k++) {
            double e = expected[k];
            double a = actual[k];
            boolean ok = Double.isNaN(e) ? Double.isNaN(a)
                    : Double.isInfinite(e) ? e == a : Math.abs(a - e) <= atol + rtol * Math.abs(e);
            if (!ok) {
                fail(what + ": element " + k + " of " + expected.length + " is " + a + ", expected " + e);
            }
        }
    }

    protected static void assertClose(double[] expected, float[] actual, double rtol, double atol, String what) {
        assertClose(expected, widen(actual), rtol, atol, what);
    }

    protected static void assertClose(double expected, double actual, double rtol, String what) {
        assertClose(new double[] {expected}, new double[] {actual}, rtol, 0, what);
    }
}
