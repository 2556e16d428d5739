package org.jgpuarray.samples.recipes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jgpuarray.samples.Cli;
import org.jgpuarray.samples.query.BackendSurvey;
import org.jgpuarray.device.BackendProbe;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs {@code jgpuarray recipes} on every backend present: each recipe must end OK, except that the
 * raw-kernel recipes end SKIPPED on the CPU backend, which compiles no raw source.
 */
class RecipesCommandTest {
    private static final Set<String> RAW_KERNEL_RECIPES = Set.of("double-matrix", "matrix-multiply", "vector-sum");
    private static final Pattern ENDING = Pattern.compile("^([a-z-]+): (OK|FAILED|SKIPPED)\\b(.*)$", Pattern.MULTILINE);

    @TestFactory
    Stream<DynamicContainer> everyRecipeEndsOkOnEveryBackendPresent() {
        return BackendSurvey.probeAll().stream().filter(BackendProbe::available).map(BackendProbe::backend)
                .map(backend -> DynamicContainer.dynamicContainer(backend, recipesOn(backend)));
    }

    private static Stream<DynamicTest> recipesOn(String backend) {
        Cli.Result r = Cli.run("recipes", "--backend", backend);
        return Recipes.names().stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            Matcher m = ENDING.matcher(r.out());
            String status = null;
            while (m.find()) {
                if (m.group(1).equals(name)) {
                    status = m.group(2);
                }
            }
            String expected = backend.equals("cpu") && RAW_KERNEL_RECIPES.contains(name) ? "SKIPPED" : "OK";
            assertEquals(expected, status, r::toString);
        }));
    }

    @Test
    void theDotProductPrintsWhatTheBookPrints() {
        Cli.Result r = Cli.run("recipes", "--backend", "cpu", "dot-product");
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.out().contains("VECTOR LENGTH = 400"), r::toString);
        assertTrue(r.out().contains("DOT PRODUCT = 21253400"), r::toString);
        assertTrue(r.out().contains("recipes: 1 OK, 0 FAILED, 0 SKIPPED"), r::toString);
    }

    @Test
    void rawKernelRecipesSayPlainlyWhatTheyNeedOnTheCpu() {
        Cli.Result r = Cli.run("recipes", "--backend", "cpu", "double-matrix");
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.out().contains("double-matrix: SKIPPED (needs the CUDA or OpenCL backend"), r::toString);
    }

    @Test
    @Tag("opencl")
    void openClRunsTheRawKernelRecipes() {
        BackendProbe opencl = BackendSurvey.probeAll().stream().filter(p -> p.backend().equals("opencl")).findFirst()
                .orElseThrow();
        assumeTrue(opencl.available(), () -> "OpenCL unavailable: " + opencl.reason());
        Cli.Result r = Cli.run("recipes", "--backend", "opencl", "double-matrix", "matrix-multiply", "vector-sum");
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.out().contains("recipes: 3 OK, 0 FAILED, 0 SKIPPED"), r::toString);
        assertTrue(List.of(r.out().split("\n")).contains("DOUBLED MATRIX AFTER OPENCL EXECUTION"), r::toString);
    }
}
