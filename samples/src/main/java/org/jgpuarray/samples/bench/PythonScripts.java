package org.jgpuarray.samples.bench;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Where the bench finds its Python peer scripts ({@code bench/*.py}) and the interpreters to run them with. */
final class PythonScripts {
    private PythonScripts() {
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
