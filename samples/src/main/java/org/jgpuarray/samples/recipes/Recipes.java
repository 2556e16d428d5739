package org.jgpuarray.samples.recipes;

import java.util.List;
import java.util.Optional;

/** The recipes in the book's order, then the idioms that array indexing made possible. */
public final class Recipes {
    private static final List<Recipe> ALL = List.of(new DeviceInfoRecipe(), new DoubleMatrixRecipe(),
            new MatrixMultiplyRecipe(), new GpuArrayDoublingRecipe(), new LinearCombinationRecipe(),
            new DotProductRecipe(), new GemmRecipe(), new BatchedGemmRecipe(), new VectorSumRecipe(),
            new ElementwiseSumRecipe(), new GpuVsCpuRecipe(), new GufuncMatmulRecipe(), new CopyIfRecipe());

    private Recipes() {
    }

    /** Every recipe, in order. */
    public static List<Recipe> all() {
        return ALL;
    }

    /** The recipe of that name. */
    public static Optional<Recipe> find(String name) {
        return ALL.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    /** The names, in order. */
    public static List<String> names() {
        return ALL.stream().map(Recipe::name).toList();
    }
}
