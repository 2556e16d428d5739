package org.jgpuarray.cpu.lib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The committed float32 twins are exactly what {@link PrecisionGenerator} writes from the float64 sources
 * now. With {@code -Djgpuarray.updateGenerated=true} it rewrites stale twins instead of failing.
 */
class GeneratedPrecisionIsUpToDateTest {
    private static final Path MODULE = PrecisionGenerator.moduleDir(Path.of("").toAbsolutePath());

    static List<String> sources() {
        return PrecisionGenerator.SOURCES;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sources")
    void committedTwinIsWhatTheGeneratorWrites(String float64Name) {
        if (Boolean.getBoolean("jgpuarray.updateGenerated")) {
            PrecisionGenerator.update(MODULE, float64Name);
            return;
        }
        Path twin = PrecisionGenerator.twinPath(MODULE, float64Name);
        String expected = PrecisionGenerator.expected(MODULE, float64Name);
        String committed = Files.exists(twin) ? PrecisionGenerator.read(twin) : "";
        if (!expected.equals(committed)) {
            fail(twin.getFileName() + " is not what PrecisionGenerator writes from " + float64Name + ".java ("
                    + firstDifference(expected, committed) + "). Edit " + float64Name + ".java, never the twin, then"
                    + " regenerate: " + PrecisionGenerator.HOW_TO_REGENERATE);
        }
    }

    @Test
    void generatorKeepsMarkedDoublesAndRenames() {
        String source = "// banner\npublic final class DoubleX {\n"
                + "    /** Double-precision, complex128. */\n"
                + "    static /**/double f(double[] a, /**/double alpha) { return (double) /**/Double.MAX_VALUE; }\n"
                + "    ScalarType t = ScalarType.FLOAT64;\n}\n";
        String twin = PrecisionGenerator.generate("DoubleX", source);
        assertEquals("// Generated from DoubleX.java by PrecisionGenerator; do not edit.\n"
                + "// Edit DoubleX.java instead and regenerate: see package-info.java.\n"
                + "final class FloatX {\n"
                + "    /** Single-precision, complex64. */\n"
                + "    static /**/double f(float[] a, /**/double alpha) { return (float) /**/Double.MAX_VALUE; }\n"
                + "    ScalarType t = ScalarType.FLOAT32;\n}\n", twin);
    }

    private static String firstDifference(String expected, String committed) {
        String[] e = expected.split("\n", -1);
        String[] c = committed.split("\n", -1);
        for (int i = 0; i < Math.max(e.length, c.length); i++) {
            String want = i < e.length ? e[i] : "<end of file>";
            String have = i < c.length ? c[i] : "<end of file>";
            if (!want.equals(have)) {
                return "line " + (i + 1) + ": generated \"" + want.strip() + "\", committed \"" + have.strip() + "\"";
            }
        }
        return "they differ";
    }
}
