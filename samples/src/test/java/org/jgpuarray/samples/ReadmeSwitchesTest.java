package org.jgpuarray.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every environment variable and system property the library reads is in the README's table of
 * switches: a switch added in code without a line there fails here.
 */
class ReadmeSwitchesTest {
    private static final Pattern VARIABLE = Pattern.compile("\"(JGPUARRAY_[A-Z0-9_]+)\"");
    private static final Pattern PROPERTY = Pattern.compile("\"(jgpuarray\\.[A-Za-z0-9.]+)\"");
    private static final List<String> LIBRARY_MODULES = List.of("kernels", "gpuarray", "opencl-backend", "cuda-backend",
            "spark");

    @Test
    void everySwitchInTheLibraryIsDocumented() throws IOException {
        Path repository = Path.of(System.getProperty("user.dir")).getParent();
        String readme = Files.readString(repository.resolve("README.md"));
        Set<String> switches = new TreeSet<>();
        for (String module : LIBRARY_MODULES) {
            try (Stream<Path> files = Files.walk(repository.resolve(module).resolve("src/main/java"))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    String source = Files.readString(file);
                    collect(VARIABLE.matcher(source), switches);
                    collect(PROPERTY.matcher(source), switches);
                }
            }
        }
        assertFalse(switches.isEmpty(), "found no switches at all: is " + repository + " the repository?");
        Set<String> missing = new TreeSet<>();
        for (String name : switches) {
            if (!readme.contains("`" + name) && !readme.contains("-D" + name)) {
                missing.add(name);
            }
        }
        assertEquals(Set.of(), missing, "switches read by the library but missing from README.md");
    }

    private static void collect(Matcher matcher, Set<String> into) {
        while (matcher.find()) {
            into.add(matcher.group(1));
        }
    }
}
