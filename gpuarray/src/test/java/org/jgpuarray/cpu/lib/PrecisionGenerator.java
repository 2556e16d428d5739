package org.jgpuarray.cpu.lib;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes the float32 twins of the CPU library's hand-written float64 classes, as EJML generates its
 * float32 code from its float64 code: {@code DoubleGemm.java} to {@code FloatGemm.java}, and so on for
 * {@link #SOURCES}. The rewrite is textual; the conventions that steer it are described in
 * {@code org/jgpuarray/cpu/lib/package-info.java}: {@code double} becomes {@code float} unless written
 * {@code /}{@code **}{@code /double}, {@code Double} becomes {@code Float} (class names too), float64 and
 * complex128 become float32 and complex64. The leading {@code //} banner of the source is replaced by a
 * "Generated from ... do not edit" header, and the twin's top-level class is package-private.
 *
 * <p>Run {@link #main} from the repository root or the {@code gpuarray} module, or
 * {@code GeneratedPrecisionIsUpToDateTest} with {@code -Djgpuarray.updateGenerated=true}; that test
 * fails while a committed twin differs from what {@link #generate} writes.
 */
final class PrecisionGenerator {
    /** The hand-written float64 classes whose float32 twins are generated. */
    static final List<String> SOURCES = List.of("DoubleGemm", "DoubleFftPlan", "DoubleVectorOps", "DoubleSortRows");

    /** Where the sources and their twins are, relative to the {@code gpuarray} module. */
    static final Path PACKAGE_DIR = Path.of("src", "main", "java", "org", "jgpuarray", "cpu", "lib");

    /** How to regenerate, for messages. */
    static final String HOW_TO_REGENERATE = "mvn -B -pl gpuarray -am test -Dtest=GeneratedPrecisionIsUpToDateTest"
            + " -Dsurefire.failIfNoSpecifiedTests=false -Djgpuarray.updateGenerated=true";

    /** What is rewritten; longer phrases first, so that "Double-precision" is not read as "Double". */
    private static final Map<String, String> WORDS = Map.of(
            "doubleToRawLongBits", "floatToRawIntBits",
            "double-precision", "single-precision",
            "Double-precision", "Single-precision",
            "double", "float",
            "Double", "Float",
            "float64", "float32",
            "FLOAT64", "FLOAT32",
            "complex128", "complex64",
            "COMPLEX128", "COMPLEX64");

    /** A word to rewrite, at the start of a word, with the keep-marker before it if there is one. */
    private static final Pattern WORD = Pattern.compile("(/\\*\\*/)?\\b(doubleToRawLongBits|double-precision|Double-precision"
            + "|double|Double|float64|FLOAT64|complex128|COMPLEX128)");

    private static final Pattern BANNER = Pattern.compile("\\A(?://[^\\n]*\\n)+");
    private static final Pattern PUBLIC_TYPE = Pattern.compile(
            "(?m)^public ((?:final |abstract |sealed )*(?:class|interface|enum|record) )");

    private PrecisionGenerator() {
    }

    /**
     * Rewrites every twin whose text differs from what the generator writes now.
     *
     * @param args optionally the repository root or the {@code gpuarray} module; else the working directory
     */
    public static void main(String[] args) {
        Path module = moduleDir(Path.of(args.length > 0 ? args[0] : "").toAbsolutePath());
        for (String source : SOURCES) {
            boolean changed = update(module, source);
            System.out.println((changed ? "wrote " : "up to date: ") + twinPath(module, source));
        }
    }

    /** The twin's class name: {@code DoubleGemm} to {@code FloatGemm}. */
    static String twinName(String float64Name) {
        if (!float64Name.startsWith("Double")) {
            throw new IllegalArgumentException("a float64 source's name starts with Double: " + float64Name);
        }
        return "Float" + float64Name.substring("Double".length());
    }

    /**
     * The float32 twin of a float64 class.
     *
     * @param float64Name the class name, such as {@code DoubleGemm}
     * @param source      its source text; not modified
     * @return the text of the twin's file
     */
    static String generate(String float64Name, String source) {
        String body = BANNER.matcher(source).replaceFirst("");
        Matcher m = WORD.matcher(body);
        StringBuilder out = new StringBuilder();
        out.append("// Generated from ").append(float64Name).append(".java by PrecisionGenerator; do not edit.\n");
        out.append("// Edit ").append(float64Name).append(".java instead and regenerate: see package-info.java.\n");
        while (m.find()) {
            String word = m.group(1) != null ? m.group() : WORDS.get(m.group(2));
            m.appendReplacement(out, Matcher.quoteReplacement(word));
        }
        m.appendTail(out);
        return PUBLIC_TYPE.matcher(out).replaceFirst("$1");
    }

    /** What the twin of {@code float64Name} in {@code module} should hold, generated from its source now. */
    static String expected(Path module, String float64Name) {
        return generate(float64Name, read(module.resolve(PACKAGE_DIR).resolve(float64Name + ".java")));
    }

    /** The twin's file in {@code module}. */
    static Path twinPath(Path module, String float64Name) {
        return module.resolve(PACKAGE_DIR).resolve(twinName(float64Name) + ".java");
    }

    /**
     * Writes the twin of {@code float64Name} if it differs from what is generated now.
     *
     * @return whether the file was written
     */
    static boolean update(Path module, String float64Name) {
        String text = expected(module, float64Name);
        Path twin = twinPath(module, float64Name);
        if (Files.exists(twin) && read(twin).equals(text)) {
            return false;
        }
        try {
            Files.writeString(twin, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return true;
    }

    /** The {@code gpuarray} module: {@code start} itself or its {@code gpuarray} folder. */
    static Path moduleDir(Path start) {
        for (Path candidate : List.of(start, start.resolve("gpuarray"))) {
            if (Files.isDirectory(candidate.resolve(PACKAGE_DIR))) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("neither " + start + " nor its gpuarray folder holds " + PACKAGE_DIR);
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
