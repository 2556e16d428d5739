package org.jgpuarray.samples.bench;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Where the bench finds its Python peer scripts ({@code bench/*.py}), the interpreters to run them with, and
 * what the scripts share: the {@code device} record and the exit status for a PyOpenCL that cannot be imported.
 */
final class PythonScripts {
    /** Exit status of a peer script that cannot import PyOpenCL (or numpy): the next interpreter may. */
    static final int IMPORT_FAILED = 3;

    /**
     * How a script ended.
     *
     * @param exit its exit status, -1 when it had not ended a minute after its output did (it is then killed)
     * @param said the output lines that were no record, joined
     */
    record Ending(int exit, String said) {
        /** True when the script could not import PyOpenCL. */
        boolean importFailed() {
            return exit == IMPORT_FAILED;
        }
    }

    private PythonScripts() {
    }

    /**
     * Starts {@code command} with its standard error merged into its standard output; null, with the problem
     * added to {@code problems}, when it cannot start.
     */
    static Process start(List<String> command, List<String> problems) {
        try {
            return new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            problems.add(command.get(0) + ": " + e.getMessage());
            return null;
        }
    }

    /** The text of a {@code device} record (platform / device, PyOpenCL version); null for any other line. */
    static String device(String[] fields) {
        return fields[0].equals("device") && fields.length == 4
                ? fields[1] + " / " + fields[2] + ", PyOpenCL " + fields[3] : null;
    }

    /**
     * Waits up to a minute for {@code process} to end after its output did, then kills what is left.
     *
     * @param other the output lines that were no record; not modified
     */
    static Ending end(Process process, List<String> other) throws InterruptedException {
        process.waitFor(1, TimeUnit.MINUTES);
        int exit = process.isAlive() ? -1 : process.exitValue();
        process.destroyForcibly();
        return new Ending(exit, String.join(" ", other).trim());
    }

    /**
     * The interpreters to try: the given one alone, else {@code python3} on the path, then {@code /usr/bin/python3}
     * (where Debian's {@code python3-pyopencl} installs).
     */
    static List<String> interpreters(String python) {
        return python != null ? List.of(python) : List.of("python3", "/usr/bin/python3");
    }

    /**
     * The script under the working directory, else under the repository that holds this jar.
     *
     * @param script the path relative to the repository root, e.g. {@code bench/pyopencl_layouts.py}
     */
    static Optional<Path> locate(String script) {
        Path here = Path.of(script);
        if (Files.isRegularFile(here)) {
            return Optional.of(here);
        }
        var source = PythonScripts.class.getProtectionDomain().getCodeSource();
        if (source == null) {
            return Optional.empty();
        }
        try {
            // samples/target/jgpuarray.jar (or samples/target/classes) -> the repository root
            Path root = Path.of(source.getLocation().toURI()).toAbsolutePath();
            for (int up = 0; up < 3 && root != null; up++) {
                root = root.getParent();
            }
            if (root != null && Files.isRegularFile(root.resolve(script))) {
                return Optional.of(root.resolve(script));
            }
        } catch (URISyntaxException | IllegalArgumentException e) {
            // a code source that is no file: only the working directory counts
        }
        return Optional.empty();
    }
}
