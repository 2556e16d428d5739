package org.jgpuarray;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jgpuarray.kernels.ElementwiseSpec;

/**
 * Every elementwise kernel spec that {@code unique} and {@code searchsorted} can generate, keyed by kernel
 * name: the input of the backends' compile-everything tests, as {@link BuiltinCatalog} is for arithmetic.
 */
public final class SortCatalog {
    private SortCatalog() {
    }

    /** Name to spec, in a stable order. */
    public static Map<String, ElementwiseSpec> specs() {
        Map<String, ElementwiseSpec> specs = new LinkedHashMap<>();
        for (DType t : new DType[] {DType.BOOL, DType.INT32, DType.INT64, DType.FLOAT32, DType.FLOAT64}) {
            put(specs, SortSpecs.runStarts(t));
            put(specs, SortSpecs.compactRuns(t));
            if (t != DType.BOOL) { // searchsorted compares bools as int32
                put(specs, SortSpecs.search(t, false));
                put(specs, SortSpecs.search(t, true));
            }
        }
        put(specs, SortSpecs.runLengths());
        return specs;
    }

    private static void put(Map<String, ElementwiseSpec> specs, ElementwiseSpec spec) {
        specs.put(spec.name(), spec);
    }
}
