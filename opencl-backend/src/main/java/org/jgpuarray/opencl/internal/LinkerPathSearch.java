package org.jgpuarray.opencl.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where JNA cannot call {@code dlopen}: looks for the file in the directories the dynamic linker searches
 * for a name its cache does not list ({@code LD_LIBRARY_PATH}, then the system library directories), and
 * reports a missing one as {@code dlopen} words it.
 *
 * @param directories the directories, in search order
 */
record LinkerPathSearch(List<Path> directories) {

    /** The search this process's linker does, from {@code LD_LIBRARY_PATH} and the JVM's architecture. */
    static LinkerPathSearch system() {
        return of(System.getenv("LD_LIBRARY_PATH"), System.getProperty("os.arch"));
    }

    /**
     * The search for a given environment.
     *
     * @param ldLibraryPath the value of {@code LD_LIBRARY_PATH}, or null
     * @param osArch        Java's {@code os.arch}, e.g. {@code amd64}
     */
    static LinkerPathSearch of(String ldLibraryPath, String osArch) {
        List<Path> dirs = new ArrayList<>();
        if (ldLibraryPath != null) {
            for (String d : ldLibraryPath.split("[:;]")) {
                if (!d.isEmpty()) {
                    dirs.add(Path.of(d));
                }
            }
        }
        String multiarch = ("amd64".equals(osArch) ? "x86_64" : osArch) + "-linux-gnu";
        for (String d : List.of("/lib/" + multiarch, "/usr/lib/" + multiarch, "/lib64", "/usr/lib64", "/lib",
                "/usr/lib")) {
            dirs.add(Path.of(d));
        }
        return new LinkerPathSearch(List.copyOf(dirs));
    }

    /**
     * Looks for {@code name}, following symbolic links (a dangling link is no library).
     *
     * @return empty when found; otherwise an error worded as {@code dlopen}'s
     */
    Optional<String> find(String name) {
        for (Path d : directories) {
            if (Files.exists(d.resolve(name))) {
                return Optional.empty();
            }
        }
        return Optional.of(name + ": cannot open shared object file: No such file or directory");
    }
}
