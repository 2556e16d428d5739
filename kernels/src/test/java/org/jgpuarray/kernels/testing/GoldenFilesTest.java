package org.jgpuarray.kernels.testing;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

/** The one golden-file mechanism: compare with the file in src/, rewrite on request, fail on a missing file. */
class GoldenFilesTest {
    @Test
    void matchingTextPassesAndDifferentTextFailsNamingTheLine(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("k.cu"), "a\nb\nc\n");
        GoldenFiles golden = GoldenFiles.at(dir, false);
        assertDoesNotThrow(() -> golden.assertMatches("k.cu", "a\nb\nc\n"));
        AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> golden.assertMatches("k.cu", "a\nB\nc\n"));
        assertTrue(e.getMessage().contains("at line 2: expected 'b', got 'B'"), e.getMessage());
        assertTrue(e.getMessage().contains(GoldenFiles.UPDATE_PROPERTY), e.getMessage());
        assertThrows(AssertionFailedError.class, () -> golden.assertMatches("k.cu", "a\nb\nc\nd\n"));
    }

    @Test
    void missingFileFailsSayingHowToCreateIt(@TempDir Path dir) {
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> GoldenFiles.at(dir, false).assertMatches("absent.cl", "x"));
        assertTrue(e.getMessage().contains("missing") && e.getMessage().contains("-Djgpuarray.updateGoldens=true"),
                e.getMessage());
        assertTrue(e.getMessage().contains(dir.resolve("absent.cl").toString()), e.getMessage());
    }

    @Test
    void updateModeRewritesTheFileThatLaterChecksRead(@TempDir Path dir) throws IOException {
        Path folder = dir.resolve("golden/java");
        GoldenFiles.at(folder, true).assertMatches("k.java", "new text\n");
        assertEquals("new text\n", Files.readString(folder.resolve("k.java")));
        assertDoesNotThrow(() -> GoldenFiles.at(folder, false).assertMatches("k.java", "new text\n"));
        assertThrows(AssertionFailedError.class, () -> GoldenFiles.at(folder, false).assertMatches("k.java", "old\n"));
    }

    @Test
    void theModuleFolderIsSurefiresBasedirNotTheClassPath() {
        Path expected = Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath()
                .resolve("src/test/resources/golden/java/axpy.java");
        assertEquals(expected, GoldenFiles.in("golden/java").file("axpy.java"));
        assertTrue(Files.isRegularFile(expected), "the kernels module's own golden file is found in src/: " + expected);
    }
}
