package org.jgpuarray.samples.recipes;

import java.io.PrintWriter;
import org.jgpuarray.GpuContext;

/**
 * One example of the GPU chapter of the Python Parallel Programming Cookbook, ported to jgpuarray: it
 * prints what the book's script prints and returns its check.
 */
public interface Recipe {
    /** The name on the command line, e.g. {@code dot-product}. */
    String name();

    /** One line saying what the recipe shows and which book example it ports. */
    String title();

    /**
     * Runs the recipe.
     *
     * @param context an open context; the recipe closes what it creates
     * @param out     modified: receives what the recipe prints
     * @return the check, or SKIPPED when the context's backend cannot run it
     */
    Outcome run(GpuContext context, PrintWriter out);
}
