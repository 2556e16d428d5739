package org.jgpuarray.cuda;

import java.io.File;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** Runs a main class of the test class path in a child JVM, for tests that must not share this process's CUDA state. */
public final class ChildJvm {
    /**
     * The exit code and the merged output of a finished child.
     *
     * @param exitCode the process's exit code
     * @param output   stdout and stderr
     */
    public record Result(int exitCode, String output) {
    }

    private ChildJvm() {
    }

    /**
     * Runs {@code mainClass} with the test class path and extra environment variables (a null value
     * removes a variable), waiting at most {@code timeoutSeconds}.
     */
    public static Result run(Class<?> mainClass, Map<String, String> environment, long timeoutSeconds)
            throws Exception {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classpath(), mainClass.getName());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        environment.forEach((k, v) -> {
            if (v == null) {
                builder.environment().remove(k);
            } else {
                builder.environment().put(k, v);
            }
        });
        Process child = builder.start();
        child.getOutputStream().close();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!child.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            child.destroyForcibly();
            return new Result(-1, output + "\n(killed after " + timeoutSeconds + " s)");
        }
        return new Result(child.exitValue(), output);
    }

    /** The test class path, from java.class.path and any URL class loader (surefire, the console launcher). */
    static String classpath() throws URISyntaxException {
        Set<String> entries = new LinkedHashSet<>(List.of(System.getProperty("java.class.path").split(File.pathSeparator)));
        for (ClassLoader l = ChildJvm.class.getClassLoader(); l != null; l = l.getParent()) {
            if (l instanceof URLClassLoader u) {
                for (URL url : u.getURLs()) {
                    entries.add(Path.of(url.toURI()).toString());
                }
            }
        }
        return String.join(File.pathSeparator, entries);
    }
}
