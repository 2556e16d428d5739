package org.jgpuarray.cuda.internal.binding;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where a shared library would be found, without loading it: the directories of {@code LD_LIBRARY_PATH},
 * the paths the dynamic loader's cache ({@code /etc/ld.so.cache}) lists for the soname, the system library
 * directories, then the {@code lib64} and {@code lib} folders of the toolkit roots, in the order
 * {@link SonameSearch}'s loads try them. For reporting what would load (the device probe) at no cost; what
 * actually loads is decided on first use. Immutable.
 *
 * @param searchPath the directories of {@code LD_LIBRARY_PATH}, searched first
 * @param cache      the loader's cache file (its paths ending in the soname are taken), or null for none
 * @param system     the system library directories, searched after the cache
 */
public record LibraryFiles(List<Path> searchPath, Path cache, List<Path> system) {
    private static final Path LOADER_CACHE = Path.of("/etc/ld.so.cache");

    public LibraryFiles {
        searchPath = List.copyOf(searchPath);
        system = List.copyOf(system);
    }

    /** This process's search: {@code LD_LIBRARY_PATH}, the loader's cache, the system directories. */
    public static LibraryFiles ofThisProcess() {
        List<Path> dirs = new ArrayList<>();
        String ldLibraryPath = System.getenv("LD_LIBRARY_PATH");
        if (ldLibraryPath != null) {
            for (String d : ldLibraryPath.split(":")) {
                if (!d.isBlank()) {
                    dirs.add(Path.of(d));
                }
            }
        }
        String arch = System.getProperty("os.arch");
        String multiarch = ("amd64".equals(arch) ? "x86_64" : arch) + "-linux-gnu";
        List<Path> system = List.of("/lib/" + multiarch, "/usr/lib/" + multiarch, "/lib64", "/usr/lib64", "/lib",
                "/usr/lib").stream().map(Path::of).toList();
        return new LibraryFiles(dirs, LOADER_CACHE, system);
    }

    /**
     * The first file of {@code soname}: in the search path, else where the loader's cache says, else in the
     * system directories, else under the roots.
     *
     * @param roots toolkit roots whose {@code lib64} and {@code lib} are searched last
     */
    public Optional<Path> locate(String soname, List<Path> roots) {
        Optional<Path> found = first(searchPath, soname).or(() -> fromCache(soname)).or(() -> first(system, soname));
        if (found.isPresent()) {
            return found;
        }
        List<Path> toolkits = new ArrayList<>();
        for (Path root : roots) {
            toolkits.add(root.resolve("lib64"));
            toolkits.add(root.resolve("lib"));
        }
        return first(toolkits, soname);
    }

    private static Optional<Path> first(List<Path> directories, String soname) {
        return directories.stream().map(d -> d.resolve(soname)).filter(Files::exists).findFirst();
    }

    /** A path the loader's cache lists for {@code soname} that exists. */
    private Optional<Path> fromCache(String soname) {
        if (cache == null || !Files.isRegularFile(cache)) {
            return Optional.empty();
        }
        try {
            String text = new String(Files.readAllBytes(cache), StandardCharsets.ISO_8859_1);
            String suffix = "/" + soname + "\0";
            for (int at = text.indexOf(suffix); at >= 0; at = text.indexOf(suffix, at + 1)) {
                int begin = text.lastIndexOf('\0', at) + 1;
                Path p = Path.of(text.substring(begin, at + suffix.length() - 1));
                if (p.isAbsolute() && Files.exists(p)) {
                    return Optional.of(p);
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            // no cache to consult
        }
        return Optional.empty();
    }
}
