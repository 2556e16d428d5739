package org.jgpuarray.opencl;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Where an {@link OpenClDevice} caches program binaries on disk, or that it does not. Immutable.
 *
 * <p>Resolution, first match wins:
 * <ol>
 *   <li>off when the system property {@value #ENABLED_PROPERTY} or the environment variable
 *       {@value #ENABLED_VARIABLE} is {@code 0}, {@code false}, {@code off} or {@code no};</li>
 *   <li>{@code <root>/opencl} with root the system property {@value #DIR_PROPERTY}, else the
 *       environment variable {@value #DIR_VARIABLE}, else {@code $XDG_CACHE_HOME/jgpuarray}, else
 *       {@code ~/.cache/jgpuarray}.</li>
 * </ol>
 *
 * @param directory the cache directory, or null when the disk cache is off
 */
public record ProgramCacheSettings(Path directory) {
    /** System property that turns the disk cache off with {@code false} or {@code 0}. */
    public static final String ENABLED_PROPERTY = "jgpuarray.cache";
    /** Environment variable that turns the disk cache off with {@code 0}. */
    public static final String ENABLED_VARIABLE = "JGPUARRAY_CACHE";
    /** System property naming the cache root (the OpenCL binaries go to its {@code opencl} folder). */
    public static final String DIR_PROPERTY = "jgpuarray.cache.dir";
    /** Environment variable naming the cache root. */
    public static final String DIR_VARIABLE = "JGPUARRAY_CACHE_DIR";

    private static final Set<String> OFF = Set.of("0", "false", "off", "no");

    /** No disk cache. */
    public static ProgramCacheSettings disabled() {
        return new ProgramCacheSettings(null);
    }

    /** A cache in exactly this directory. */
    public static ProgramCacheSettings at(Path directory) {
        return new ProgramCacheSettings(directory);
    }

    /** The settings from this process's system properties and environment. */
    public static ProgramCacheSettings fromEnvironment() {
        return resolve(System::getProperty, System::getenv);
    }

    /**
     * The settings from the given lookups.
     *
     * @param properties system property lookup, null for absent
     * @param environment environment lookup, null for absent
     */
    static ProgramCacheSettings resolve(UnaryOperator<String> properties, UnaryOperator<String> environment) {
        if (isOff(properties.apply(ENABLED_PROPERTY)) || isOff(environment.apply(ENABLED_VARIABLE))) {
            return disabled();
        }
        Path root = nonBlank(properties.apply(DIR_PROPERTY)).or(() -> nonBlank(environment.apply(DIR_VARIABLE)))
                .map(Path::of)
                .or(() -> nonBlank(environment.apply("XDG_CACHE_HOME")).map(x -> Path.of(x, "jgpuarray")))
                .orElseGet(() -> Path.of(System.getProperty("user.home"), ".cache", "jgpuarray"));
        return new ProgramCacheSettings(root.resolve("opencl"));
    }

    /** True when binaries are cached on disk. */
    public boolean enabled() {
        return directory != null;
    }

    private static boolean isOff(String value) {
        return value != null && OFF.contains(value.trim().toLowerCase(Locale.ROOT));
    }

    private static Optional<String> nonBlank(String value) {
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }
}
