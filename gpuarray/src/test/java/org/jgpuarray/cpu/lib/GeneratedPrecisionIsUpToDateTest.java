package org.jgpuarray.cpu.lib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The committed twins (float32, and the integer twins of GEMM) are exactly what {@link PrecisionGenerator}
 * writes from the float64 sources now. With {@code -Djgpuarray.updateGenerated=true} it rewrites stale twins instead of failing.
 */
class GeneratedPrecisionIsUpToDateTest {
    private static final Path MODULE = PrecisionGenerator.moduleDir(Path.of("").toAbsolutePath());

    static Stream<Arguments> twins() {
        return PrecisionGenerator.SOURCES.entrySet().stream()
                .flatMap(e -> e.getValue().stream().map(twin -> Arguments.of(e.getKey(), twin)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("twins")
    void committedTwinIsWhatTheGeneratorWrites(String float64Name, PrecisionGenerator.Twin type) {
        if (Boolean.getBoolean("jgpuarray.updateGenerated")) {
            PrecisionGenerator.update(MODULE, float64Name, type);
            return;
        }
        Path twin = PrecisionGenerator.twinPath(MODULE, float64Name, type);
        String expected = PrecisionGenerator.expected(MODULE, float64Name, type);
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
        String twin = PrecisionGenerator.generate("DoubleX", PrecisionGenerator.Twin.FLOAT, source);
        assertEquals("// Generated from DoubleX.java by PrecisionGenerator; do not edit.\n"
                + "// Edit DoubleX.java instead and regenerate: see package-info.java.\n"
                + "final class FloatX {\n"
                + "    /** Single-precision, complex64. */\n"
                + "    static /**/double f(float[] a, /**/double alpha) { return (float) /**/Double.MAX_VALUE; }\n"
                + "    ScalarType t = ScalarType.FLOAT32;\n}\n", twin);
    }

    @Test
    void integerTwinsRenameToTheirTypeAndRefuseComplexNumbers() {
        String source = "// banner\nfinal class DoubleX {\n"
                + "    /** Double-precision, float64. */\n"
                + "    static double f(double[] a, /**/double alpha) { return (double) a[0]; }\n}\n";
        assertEquals("// Generated from DoubleX.java by PrecisionGenerator; do not edit.\n"
                + "// Edit DoubleX.java instead and regenerate: see package-info.java.\n"
                + "final class IntX {\n"
                + "    /** 32-bit integer, int32. */\n"
                + "    static int f(int[] a, /**/double alpha) { return (int) a[0]; }\n}\n",
                PrecisionGenerator.generate("DoubleX", PrecisionGenerator.Twin.INT, source));
        assertTrue(PrecisionGenerator.generate("DoubleX", PrecisionGenerator.Twin.LONG, source)
                .contains("final class LongX {\n    /** 64-bit integer, int64. */\n    static long f(long[] a"));
        assertThrows(IllegalArgumentException.class, () -> PrecisionGenerator.generate("DoubleX",
                PrecisionGenerator.Twin.LONG, "class DoubleX { complex128 z; }"));
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
