package org.jgpuarray.conformance;

import java.util.Arrays;
import org.jgpuarray.DType;

/**
 * What the selection, indexing and assembly suites share: the dtypes and shapes they sweep, case names that
 * carry their seed, and poison-filled host arrays for outputs.
 */
public abstract class IndexingBase extends ConformanceBase {
    /** Shapes from 0-d and empty to 3-D, none a power of two past 1. */
    static final long[][] SHAPES = {{}, {0}, {1}, {3}, {5, 7}, {2, 3, 4}, {3, 0, 2}};
    private static final DType[] ALL = {DType.FLOAT32, DType.FLOAT64, DType.INT32, DType.INT64, DType.BOOL};

    /** The dtypes this device holds (float64 only with fp64). */
    protected DType[] types() {
        return Arrays.stream(ALL).filter(t -> t != DType.FLOAT64 || ctx.device().fp64()).toArray(DType[]::new);
    }

    /** The case's name with the seed {@link #random(String, int) random(name, 0)} derives from it. */
    static String named(String what) {
        return what + " [seed " + (what.hashCode() * 31L) + "]";
    }

    /**
     * Two of the four forms, turning with {@code k}: sweeps that compile a kernel per dtype and layout take
     * these instead of all four, so that every form still meets every dtype across the shapes.
     */
    static DeviceForms[] twoForms(int k) {
        DeviceForms[] all = DeviceForms.values();
        return new DeviceForms[] {all[k % all.length], all[(k + 1) % all.length]};
    }

    /** An array of {@code shape} filled with {@link DeviceForms#POISON}. */
    static HostNd poison(long[] shape) {
        double[] v = new double[HostNd.size(shape)];
        Arrays.fill(v, DeviceForms.POISON);
        return new HostNd(shape, v);
    }
}
