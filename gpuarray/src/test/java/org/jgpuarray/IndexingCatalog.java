package org.jgpuarray;

import java.util.Map;
import org.jgpuarray.IndexingSpecs.Operand;
import org.jgpuarray.kernels.ElementwiseSpec;
import org.jgpuarray.kernels.ReductionSpec;

/**
 * The kernel specs of selection, gathers, scatters and boolean masks ({@link IndexingSpecs}) that
 * {@link BuiltinCatalog} lists: every dtype flat and with an index space, every kind of operand, so the golden
 * checks and the CUDA compile-everything tests cover them.
 */
final class IndexingCatalog {
    private static final DType[] REAL = {DType.BOOL, DType.INT32, DType.INT64, DType.FLOAT32, DType.FLOAT64};
    private static final DType[] INDEX = {DType.INT32, DType.INT64};

    private IndexingCatalog() {
    }

    /** Adds the specs to {@code specs} (modified), keyed by their names and index-space dimensions. */
    static void addTo(Map<String, Object> specs) {
        Operand[][] kinds = {{Operand.SCALAR, Operand.SCALAR}, {Operand.SCALAR, null}, {null, Operand.SCALAR}};
        for (DType cond : REAL) {
            for (DType out : REAL) {
                put(specs, IndexingSpecs.select(false, cond, Operand.array(out), Operand.array(out), out, 0));
            }
        }
        for (DType out : new DType[] {DType.FLOAT32, DType.INT64}) {
            for (Operand[] k : kinds) {
                put(specs, IndexingSpecs.select(false, DType.BOOL, or(k[0], out), or(k[1], out), out, 2));
            }
        }
        put(specs, IndexingSpecs.select(false, DType.BOOL, Operand.array(DType.INT32), Operand.array(DType.FLOAT32),
                DType.FLOAT64, 3));
        for (DType crit : new DType[] {DType.INT32, DType.FLOAT32, DType.FLOAT64}) {
            put(specs, IndexingSpecs.select(true, crit, Operand.array(crit), Operand.array(crit), crit, 0));
            put(specs, IndexingSpecs.select(true, crit, Operand.array(crit), Operand.array(crit), crit, 2));
        }
        Operand[][] bounds = {{Operand.SCALAR, Operand.SCALAR}, {null, null}, {null, Operand.NONE},
            {Operand.NONE, Operand.SCALAR}};
        for (DType x : new DType[] {DType.INT32, DType.INT64, DType.FLOAT32, DType.FLOAT64}) {
            for (Operand[] b : bounds) {
                put(specs, IndexingSpecs.clip(x, or(b[0], x), or(b[1], x), x, 0));
            }
            put(specs, IndexingSpecs.clip(x, Operand.array(x), Operand.array(x), x, 2));
        }
        put(specs, IndexingSpecs.clip(DType.INT32, Operand.SCALAR, Operand.SCALAR, DType.FLOAT64, 1));
        for (DType t : REAL) {
            for (DType index : INDEX) {
                put(specs, IndexingSpecs.take(t, index, 0));
                put(specs, IndexingSpecs.take(t, index, 2));
                put(specs, IndexingSpecs.put(t, index, t, 1));
            }
            put(specs, IndexingSpecs.put(t, DType.INT64, DType.INT32, 3));
            for (int ndim : new int[] {0, 2}) {
                put(specs, IndexingSpecs.flags(t, ndim));
                put(specs, IndexingSpecs.compress(t, ndim));
                put(specs, IndexingSpecs.maskFill(t, ndim));
                put(specs, IndexingSpecs.maskPut(t, DType.INT32, ndim));
                put(specs, IndexingSpecs.nonzero(t, ndim));
            }
            put(specs, IndexingSpecs.countNonzero(t));
        }
        put(specs, IndexingSpecs.put(DType.BOOL, DType.INT32, DType.FLOAT64, 2));
        for (DType index : INDEX) {
            put(specs, IndexingSpecs.firstBadIndex(index));
        }
    }

    /** {@code o}, or an array of {@code type} where {@code o} is null. */
    private static Operand or(Operand o, DType type) {
        return o != null ? o : Operand.array(type);
    }

    private static void put(Map<String, Object> specs, Object spec) {
        String name = spec instanceof ElementwiseSpec e ? e.name() : ((ReductionSpec) spec).name();
        if (specs.putIfAbsent(name, spec) != null) {
            throw new IllegalStateException("two indexing specs named " + name);
        }
    }
}
