package org.jgpuarray.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jgpuarray.samples.recipes.Recipes;
import org.junit.jupiter.api.Test;

class JgpuarrayCommandTest {
    @Test
    void withoutArgumentsPrintsHelpListingEverySubcommand() {
        Cli.Result r = Cli.run();
        assertEquals(0, r.exit(), r::toString);
        for (String command : new String[] {"device-query", "bench", "recipes", "jmh"}) {
            assertTrue(r.out().contains(command), () -> "help lacks " + command + ":\n" + r.out());
        }
    }

    @Test
    void unknownCommandIsAUsageError() {
        Cli.Result r = Cli.run("no-such-command");
        assertNotEquals(0, r.exit());
        assertTrue(r.err().contains("no-such-command"), r::toString);
    }

    @Test
    void unknownRecipeNamesTheKnownOnes() {
        Cli.Result r = Cli.run("recipes", "--backend", "cpu", "no-such-recipe");
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().contains("dot-product"), r::toString);
    }

    @Test
    void recipesListNamesEveryRecipe() {
        Cli.Result r = Cli.run("recipes", "--list");
        assertEquals(0, r.exit(), r::toString);
        assertEquals(Recipes.all().size(), r.out().lines().count(), r::toString);
        for (String name : Recipes.names()) {
            assertTrue(r.out().contains(name), () -> name + " is not listed: " + r);
        }
    }
}
