package org.jgpuarray.kernels.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files of generated text, kept under {@code src/test/resources/<folder>} of the module whose
 * tests run. Every check reads the file in {@code src/}, never the copy on the class path (which
 * {@code process-test-resources} may not have refreshed). With {@code -Djgpuarray.updateGoldens=true}
 * each check rewrites its file instead and passes; review the diff before committing. A missing file is
 * a failure that says how to create it.
 *
 * <p>The module folder is surefire's {@code basedir} (else {@code user.dir}), so a check works from the
 * reactor root and from the module alike. Immutable and thread-safe; writes touch one file per check.
 */
public final class GoldenFiles {
    /** The system property that turns checks into rewrites. */
    public static final String UPDATE_PROPERTY = "jgpuarray.updateGoldens";

    private final Path folder;
    private final boolean update;

    private GoldenFiles(Path folder, boolean update) {
        this.folder = folder;
        this.update = update;
    }

    /**
     * The golden files under {@code src/test/resources/<resourceFolder>} of the module under test.
     *
     * @param resourceFolder e.g. {@code golden/java}; not modified
     * @return the files, in check or update mode as {@value #UPDATE_PROPERTY} says
     */
    public static GoldenFiles in(String resourceFolder) {
        Path module = Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
        return at(module.resolve("src/test/resources").resolve(resourceFolder), Boolean.getBoolean(UPDATE_PROPERTY));
    }

    /**
     * Golden files in an explicit folder, for tests of this class.
     *
     * @param folder the folder that holds the files
     * @param update true to rewrite the files instead of comparing
     * @return the files
     */
    public static GoldenFiles at(Path folder, boolean update) {
        return new GoldenFiles(folder, update);
    }

    /** The file a name stands for. */
    public Path file(String name) {
        return folder.resolve(name);
    }

    /**
     * Fails unless {@code actual} equals the golden file {@code name}; in update mode, writes
     * {@code actual} to it instead.
     *
     * @param name   the file name inside the folder, e.g. {@code axpy.java}
     * @param actual the generated text; not modified
     */
    public void assertMatches(String name, String actual) {
        Path file = file(name);
        try {
            if (update) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, actual, StandardCharsets.UTF_8);
                return;
            }
            if (!Files.isRegularFile(file)) {
                fail("golden file " + file + " is missing; create it by running the test with -D" + UPDATE_PROPERTY
                        + "=true, then review and commit it");
            }
            String expected = Files.readString(file, StandardCharsets.UTF_8);
            if (!expected.equals(actual)) {
                fail("generated text differs from golden file " + file + " " + firstDifference(expected, actual)
                        + "; if the change is intended, rerun with -D" + UPDATE_PROPERTY + "=true and review the diff"
                        + "\n--- expected ---\n" + expected + "\n--- actual ---\n" + actual);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot access golden file " + file, e);
        }
    }

    /** Where two texts part, as {@code "at line L: expected '...', got '...'"}. */
    static String firstDifference(String expected, String actual) {
        String[] e = expected.split("\n", -1);
        String[] a = actual.split("\n", -1);
        for (int k = 0; k < Math.max(e.length, a.length); k++) {
            String el = k < e.length ? e[k] : "<end of file>";
            String al = k < a.length ? a[k] : "<end of text>";
            if (!el.equals(al)) {
                return "at line " + (k + 1) + ": expected '" + el + "', got '" + al + "'";
            }
        }
        return "(line endings or trailing text)";
    }
}
