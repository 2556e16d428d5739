package org.jgpuarray.cuda;

import java.io.File;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs a main class of the test class path in a child JVM, for tests that must not share this process's
 * CUDA state; a child that outlives its timeout is killed with its descendants ({@link ChildProcess}).
 */
public final class ChildJvm {
    private ChildJvm() {
    }

    /**
     * Runs {@code mainClass} with the test class path and extra environment variables (a null value
     * removes a variable), waiting at most {@code timeoutSeconds}.
     *
     * @return the exit code and output; after a timeout, exit code -1, {@code timedOut} and the output so far
     */
    public static ChildProcess.Result run(Class<?> mainClass, Map<String, String> environment, long timeoutSeconds)
            throws Exception {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classpath(), mainClass.getName());
        ProcessBuilder builder = new ProcessBuilder(command);
        environment.forEach((k, v) -> {
            if (v == null) {
                builder.environment().remove(k);
            } else {
                builder.environment().put(k, v);
            }
        });
        return ChildProcess.run(builder, Duration.ofSeconds(timeoutSeconds));
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
