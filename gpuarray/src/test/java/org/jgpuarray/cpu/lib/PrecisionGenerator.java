package org.jgpuarray.cpu.lib;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes the twins of the CPU library's hand-written float64 classes, as EJML generates its float32 code
 * from its float64 code: {@code DoubleGemm.java} to {@code FloatGemm.java}, and so on for
 * {@link #SOURCES}; GEMM also gets integer twins ({@code LongGemm}, {@code IntGemm}). The rewrite is
 * textual; the conventions that steer it are described in {@code org/jgpuarray/cpu/lib/package-info.java}:
 * {@code double} becomes the twin's type ({@code float}, {@code long}, {@code int}) unless written
 * {@code /}{@code **}{@code /double}, {@code Double} becomes {@code Float} (class names too; {@code Long},
 * {@code Int}), float64 and complex128 become float32 and complex64 (int64 or int32 in an integer twin,
 * which cannot have complex numbers). The leading {@code //} banner of the source is replaced by a
 * "Generated from ... do not edit" header, and the twin's top-level class is package-private.
 *
 * <p>Run {@link #main} from the repository root or the {@code gpuarray} module, or
 * {@code GeneratedPrecisionIsUpToDateTest} with {@code -Djgpuarray.updateGenerated=true}; that test
 * fails while a committed twin differs from what {@link #generate} writes.
 */
final class PrecisionGenerator {
    /** The element type of a twin, and the words of the float64 source it rewrites. */
    enum Twin {
        FLOAT("Float", "float", "float32", "single-precision", "complex64"),
        LONG("Long", "long", "int64", "64-bit integer", null),
        INT("Int", "int", "int32", "32-bit integer", null);

        private final String prefix;
        private final Map<String, String> words;

        Twin(String prefix, String type, String dtype, String precision, String complex) {
            this.prefix = prefix;
            Map<String, String> w = new HashMap<>();
            w.put("double-precision", precision);
            w.put("Double-precision", Character.toUpperCase(precision.charAt(0)) + precision.substring(1));
            w.put("double", type);
            w.put("Double", prefix);
            w.put("float64", dtype);
            w.put("FLOAT64", dtype.toUpperCase(Locale.ROOT));
            if (complex != null) {
                w.put("complex128", complex);
                w.put("COMPLEX128", complex.toUpperCase(Locale.ROOT));
            }
            this.words = Map.copyOf(w);
        }

        /** The replacement of a float64 word; an integer twin has none for the complex types. */
        String rewrite(String word) {
            String out = words.get(word);
            if (out == null) {
                throw new IllegalArgumentException("a " + prefix + " twin cannot rewrite '" + word + "'");
            }
            return out;
        }
    }

    /** The hand-written float64 classes and the twins generated from each, by name. */
    static final Map<String, List<Twin>> SOURCES = Collections.unmodifiableMap(new TreeMap<>(Map.of(
            "DoubleGemm", List.of(Twin.FLOAT, Twin.LONG, Twin.INT),
            "DoubleFftPlan", List.of(Twin.FLOAT),
            "DoubleVectorOps", List.of(Twin.FLOAT))));

    /** Where the sources and their twins are, relative to the {@code gpuarray} module. */
    static final Path PACKAGE_DIR = Path.of("src", "main", "java", "org", "jgpuarray", "cpu", "lib");

    /** How to regenerate, for messages. */
    static final String HOW_TO_REGENERATE = "mvn -B -pl gpuarray -am test -Dtest=GeneratedPrecisionIsUpToDateTest"
            + " -Dsurefire.failIfNoSpecifiedTests=false -Djgpuarray.updateGenerated=true";

    /** A word to rewrite, at the start of a word, with the keep-marker before it if there is one. */
    private static final Pattern WORD = Pattern.compile("(/\\*\\*/)?\\b(double-precision|Double-precision"
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
        SOURCES.forEach((source, twins) -> twins.forEach(twin -> {
            boolean changed = update(module, source, twin);
            System.out.println((changed ? "wrote " : "up to date: ") + twinPath(module, source, twin));
        }));
    }

    /** The twin's class name: {@code DoubleGemm} to {@code FloatGemm} (or {@code LongGemm}, ...). */
    static String twinName(String float64Name, Twin twin) {
        if (!float64Name.startsWith("Double")) {
            throw new IllegalArgumentException("a float64 source's name starts with Double: " + float64Name);
        }
        return twin.prefix + float64Name.substring("Double".length());
    }

    /**
     * A twin of a float64 class.
     *
     * @param float64Name the class name, such as {@code DoubleGemm}
     * @param twin        the twin's element type
     * @param source      its source text; not modified
     * @return the text of the twin's file
     */
    static String generate(String float64Name, Twin twin, String source) {
        String body = BANNER.matcher(source).replaceFirst("");
        Matcher m = WORD.matcher(body);
        StringBuilder out = new StringBuilder();
        out.append("// Generated from ").append(float64Name).append(".java by PrecisionGenerator; do not edit.\n");
        out.append("// Edit ").append(float64Name).append(".java instead and regenerate: see package-info.java.\n");
        while (m.find()) {
            String word = m.group(1) != null ? m.group() : twin.rewrite(m.group(2));
            m.appendReplacement(out, Matcher.quoteReplacement(word));
        }
        m.appendTail(out);
        return PUBLIC_TYPE.matcher(out).replaceFirst("$1");
    }

    /** What the twin of {@code float64Name} in {@code module} should hold, generated from its source now. */
    static String expected(Path module, String float64Name, Twin twin) {
        return generate(float64Name, twin, read(module.resolve(PACKAGE_DIR).resolve(float64Name + ".java")));
    }

    /** The twin's file in {@code module}. */
    static Path twinPath(Path module, String float64Name, Twin twin) {
        return module.resolve(PACKAGE_DIR).resolve(twinName(float64Name, twin) + ".java");
    }

    /**
     * Writes the twin of {@code float64Name} if it differs from what is generated now.
     *
     * @return whether the file was written
     */
    static boolean update(Path module, String float64Name, Twin type) {
        String text = expected(module, float64Name, type);
        Path twin = twinPath(module, float64Name, type);
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
