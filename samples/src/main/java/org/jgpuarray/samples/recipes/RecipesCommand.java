package org.jgpuarray.samples.recipes;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jgpuarray.GpuContext;
import org.jgpuarray.device.GpuException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code jgpuarray recipes [name...]}: runs the cookbook recipes on one backend. Each ends with
 * {@code <name>: OK}, {@code FAILED (...)} or {@code SKIPPED (...)}. Exit status 0 when none failed.
 */
@Command(name = "recipes", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Runs the cookbook's GPU recipes, each ending OK, FAILED or SKIPPED.",
        description = {"Runs the GPU chapter of the Python Parallel Programming Cookbook, ported",
                "to jgpuarray. Each recipe prints what the book prints and ends with its",
                "check: OK, FAILED or SKIPPED."})
public final class RecipesCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "NAME", arity = "0..*",
            description = "Recipes to run (default: all): ${COMPLETION-CANDIDATES}", completionCandidates = Names.class)
    private List<String> names = new ArrayList<>();

    @Option(names = "--backend", paramLabel = "NAME",
            description = "Backend to run on: cpu, opencl or cuda (default: the best available, or JGPUARRAY_BACKEND).")
    private String backend;

    @Option(names = "--list", description = "List the recipes and exit.")
    private boolean list;

    /** The recipe names, for picocli's help. */
    static final class Names extends ArrayList<String> {
        Names() {
            super(Recipes.names());
        }
    }

    /** Runs the recipes; returns the exit status. */
    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (list) {
            Recipes.all().forEach(r -> out.printf("%-20s %s%n", r.name(), r.title()));
            out.flush();
            return 0;
        }
        List<Recipe> chosen = chosen();
        Map<Outcome.Status, Integer> counts = new EnumMap<>(Outcome.Status.class);
        try (GpuContext context = backend == null ? GpuContext.create() : GpuContext.create(backend)) {
            out.printf("Running %d recipe%s on %s (%s)%n", chosen.size(), chosen.size() == 1 ? "" : "s",
                    context.backendName(), context.device().name());
            int k = 0;
            for (Recipe r : chosen) {
                out.printf("%n=== [%d/%d] %s: %s%n", ++k, chosen.size(), r.name(), r.title());
                Outcome outcome = runOne(r, context, out);
                out.printf("%s: %s%n", r.name(), outcome.line());
                out.flush();
                counts.merge(outcome.status(), 1, Integer::sum);
            }
        } catch (GpuException | IllegalArgumentException e) {
            spec.commandLine().getErr().println("recipes: cannot open backend: " + e.getMessage());
            return 1;
        }
        out.printf("%nrecipes: %d OK, %d FAILED, %d SKIPPED%n", counts.getOrDefault(Outcome.Status.OK, 0),
                counts.getOrDefault(Outcome.Status.FAILED, 0), counts.getOrDefault(Outcome.Status.SKIPPED, 0));
        out.flush();
        return counts.getOrDefault(Outcome.Status.FAILED, 0) == 0 ? 0 : 1;
    }

    private List<Recipe> chosen() {
        if (names.isEmpty()) {
            return Recipes.all();
        }
        List<Recipe> chosen = new ArrayList<>();
        for (String n : names) {
            chosen.add(Recipes.find(n).orElseThrow(() -> new ParameterException(spec.commandLine(),
                    "unknown recipe '" + n + "'; recipes: " + String.join(", ", Recipes.names()))));
        }
        return chosen;
    }

    private static Outcome runOne(Recipe recipe, GpuContext context, PrintWriter out) {
        try {
            return recipe.run(context, out);
        } catch (RuntimeException e) {
            out.println("error: " + e);
            return Outcome.failed(e.getClass().getSimpleName() + ": "
                    + (e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("")));
        }
    }
}
