package org.jgpuarray;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jgpuarray.kernels.ElementwiseSpec;

/**
 * Every built-in kernel spec GPUArray can generate for the real dtypes, keyed by a readable name:
 * the input of the golden-source tests and of the backends' compile-everything tests.
 */
public final class BuiltinCatalog {
    private static final DType[] REAL = {DType.BOOL, DType.INT32, DType.INT64, DType.FLOAT32, DType.FLOAT64};

    private BuiltinCatalog() {
    }

    /** Name to spec (an ElementwiseSpec or ReductionSpec), in a stable order. */
    public static Map<String, Object> specs() {
        Map<String, Object> specs = new LinkedHashMap<>();
        for (BinaryOp op : BinaryOp.values()) {
            for (DType x : REAL) {
                for (DType y : REAL) {
                    compute(op, DType.promote(x, y)).ifPresent(c -> {
                        Object spec = BuiltinSpecs.binary(op, x, y, c, 0);
                        specs.put(name(spec), spec);
                    });
                }
                for (DType promoted : new DType[] {x.withIntegerScalar(), x.withFloatScalar()}) {
                    compute(op, promoted).ifPresent(c -> {
                        for (boolean first : new boolean[] {false, true}) {
                            Object spec = BuiltinSpecs.binaryScalar(op, x, c, first, 0);
                            specs.put(name(spec), spec);
                        }
                    });
                }
            }
        }
        for (UnaryOp op : UnaryOp.values()) {
            for (DType x : REAL) {
                if (!(op == UnaryOp.NEG && x == DType.BOOL)) {
                    Object spec = BuiltinSpecs.unary(op, x, 0);
                    specs.put(name(spec), spec);
                }
            }
        }
        for (DType x : REAL) {
            for (DType y : REAL) {
                Object spec = BuiltinSpecs.astype(x, y, 0);
                specs.put(name(spec), spec);
            }
            specs.put(name(BuiltinSpecs.fill(x, 0)), BuiltinSpecs.fill(x, 0));
            specs.put(name(BuiltinSpecs.sum(x)), BuiltinSpecs.sum(x));
            if (x != DType.BOOL) {
                specs.put(name(BuiltinSpecs.arange(x)), BuiltinSpecs.arange(x));
                specs.put(name(BuiltinSpecs.extremum(x, true)), BuiltinSpecs.extremum(x, true));
                specs.put(name(BuiltinSpecs.extremum(x, false)), BuiltinSpecs.extremum(x, false));
                for (DType y : REAL) {
                    if (y != DType.BOOL) {
                        Object spec = BuiltinSpecs.dot(x, y, DType.promote(x, y));
                        specs.put(name(spec), spec);
                    }
                }
            }
        }
        for (int ndim = 1; ndim <= 3; ndim++) { // the index-space variants that views take
            for (DType x : REAL) {
                Object copy = BuiltinSpecs.astype(x, x, ndim);
                specs.put(name(copy), copy);
            }
            Object add = BuiltinSpecs.binary(BinaryOp.ADD, DType.FLOAT32, DType.INT32, DType.FLOAT64, ndim);
            specs.put(name(add), add);
            Object exp = BuiltinSpecs.unary(UnaryOp.EXP, DType.FLOAT64, ndim);
            specs.put(name(exp), exp);
            Object fill = BuiltinSpecs.fill(DType.INT64, ndim);
            specs.put(name(fill), fill);
            if (ndim >= 2) { // the tiled variants that transposed views take
                for (ElementwiseSpec tiled : new ElementwiseSpec[] {((ElementwiseSpec) add).withTiles(),
                    ((ElementwiseSpec) exp).withTiles(), ((ElementwiseSpec) BuiltinSpecs.astype(DType.FLOAT32,
                    DType.FLOAT32, ndim)).withTiles()}) {
                    specs.put(tiled.name(), tiled);
                }
            }
        }
        for (DType x : REAL) { // reductions along axes: segmented variants of one, two and three dimensions
            put(specs, AxisSpecs.segmented(BuiltinSpecs.sum(x), 1, 1, List.of("x")));
            put(specs, AxisSpecs.segmented(BuiltinSpecs.sum(x), 2, 1, List.of("x")));
            put(specs, AxisSpecs.segmented(AxisSpecs.prod(x), 1, 2, List.of("x")));
            put(specs, AxisSpecs.segmented(AxisSpecs.anyAll(x, true), 1, 1, List.of("x")));
            put(specs, AxisSpecs.segmented(AxisSpecs.squaredDeviations(x, x.toFloating()), 2, 2, List.of("x", "m")));
            if (x != DType.BOOL) {
                put(specs, AxisSpecs.segmented(BuiltinSpecs.extremum(x, true), 1, 1, List.of("x")));
                put(specs, AxisSpecs.segmented(AxisSpecs.firstIndexOf(x), 1, 1, List.of("x", "m")));
            }
        }
        IndexingCatalog.addTo(specs);
        return specs;
    }

    private static void put(Map<String, Object> specs, org.jgpuarray.kernels.ReductionSpec spec) {
        specs.put(spec.name(), spec);
    }

    /** The specs as a list. */
    public static List<Object> list() {
        return new ArrayList<>(specs().values());
    }

    private static java.util.Optional<DType> compute(BinaryOp op, DType promoted) {
        try {
            return java.util.Optional.of(op.computeType(promoted));
        } catch (IllegalArgumentException refused) {
            return java.util.Optional.empty();
        }
    }

    private static String name(Object spec) {
        if (spec instanceof org.jgpuarray.kernels.ElementwiseSpec e) {
            return e.name();
        }
        return ((org.jgpuarray.kernels.ReductionSpec) spec).name();
    }
}
