package org.jgpuarray.cuda.internal.binding;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds a shared library of one of several major versions by soname, newest first. Each soname is
 * handed to the dynamic loader as it is ({@code LD_LIBRARY_PATH}, the ldconfig cache), then looked for
 * as a file in the {@code lib64} and {@code lib} folders of the toolkit roots ({@code CUDA_HOME},
 * {@code CUDA_PATH}, {@code /usr/local/cuda}). The first candidate that loads and binds wins. When none
 * does, the reason names the sonames tried and, for any library that was there but failed (a missing
 * dependency, a missing symbol), what failed. Stateless.
 */
public final class SonameSearch {
    /** Loads and binds one candidate, throwing {@link LinkageError} or a runtime exception when it cannot. */
    @FunctionalInterface
    public interface Loader<T> {
        /** Binds the library named {@code nameOrPath}, checking the symbols it needs. */
        T load(String nameOrPath);
    }

    private SonameSearch() {
    }

    /**
     * The names to try, in order: for each soname, the soname itself, then each root's {@code lib64} and
     * {@code lib} file of that name where it exists.
     *
     * @param sonames newest first, e.g. {@code libcufft.so.12, libcufft.so.11}
     * @param roots   toolkit roots
     */
    public static List<String> candidates(List<String> sonames, List<Path> roots) {
        List<String> names = new ArrayList<>();
        for (String soname : sonames) {
            names.add(soname);
            for (Path root : roots) {
                for (String lib : new String[] {"lib64", "lib"}) {
                    Path file = root.resolve(lib).resolve(soname);
                    if (Files.exists(file) && !names.contains(file.toString())) {
                        names.add(file.toString());
                    }
                }
            }
        }
        return names;
    }

    /**
     * Tries every candidate in order.
     *
     * @param library what is looked for, for the reason, e.g. {@code cuBLAS}
     * @param sonames newest first
     * @param roots   toolkit roots searched after the dynamic loader
     * @param loader  binds one candidate
     * @return the first candidate that binds, or the reason none does
     */
    public static <T> NativeBinding<T> search(String library, List<String> sonames, List<Path> roots, Loader<T> loader) {
        List<String> failures = new ArrayList<>();
        for (String name : candidates(sonames, roots)) {
            try {
                return NativeBinding.found(loader.load(name), name);
            } catch (LinkageError | RuntimeException e) {
                failure(e, name).ifPresent(f -> failures.add(name + ": " + f));
            }
        }
        StringBuilder reason = new StringBuilder("no ").append(library).append(" library loads (tried ")
                .append(String.join(", ", sonames));
        if (!roots.isEmpty()) {
            reason.append(" on the loader's path and under ")
                    .append(String.join(", ", roots.stream().map(Path::toString).toList()));
        }
        reason.append(')');
        failures.forEach(f -> reason.append("; ").append(f));
        return NativeBinding.absent(reason.toString());
    }

    /**
     * Why loading {@code name} failed, or empty when the library simply is not there (the dynamic
     * loader's "cannot open shared object file" for that very name).
     */
    public static Optional<String> failure(Throwable e, String name) {
        List<String> lines = (e.getMessage() == null ? "" : e.getMessage()).lines().map(String::trim).filter(l -> !l.isEmpty())
                .toList();
        if (lines.stream().anyMatch(l -> l.startsWith(name + ": cannot open shared object file"))) {
            return Optional.empty();
        }
        return Optional.of(lines.stream()
                .filter(l -> !l.startsWith("Unable to load library") && !l.startsWith("Native library ("))
                .findFirst().orElse(e.getClass().getSimpleName()));
    }
}
