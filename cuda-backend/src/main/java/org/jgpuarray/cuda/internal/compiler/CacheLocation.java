package org.jgpuarray.cuda.internal.compiler;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Where compiled PTX and cubins are cached on disk, if anywhere. First match wins:
 * <ol>
 *   <li>no disk cache when the environment variable {@value #ENABLED_VARIABLE} or the system property
 *       {@value #ENABLED_PROPERTY} is {@code 0}, {@code false}, {@code off} or {@code no};</li>
 *   <li>{@code <root>/cuda}, the root being the system property {@value #DIR_PROPERTY}, else the
 *       environment variable {@value #DIR_VARIABLE}, else {@code $XDG_CACHE_HOME/jgpuarray}, else
 *       {@code ~/.cache/jgpuarray}.</li>
 * </ol>
 */
public final class CacheLocation {
    /** Environment variable: {@code 0} turns the disk cache off. */
    public static final String ENABLED_VARIABLE = "JGPUARRAY_CACHE";
    /** System property: {@code false} turns the disk cache off. */
    public static final String ENABLED_PROPERTY = "jgpuarray.cache";
    /** Environment variable naming the cache root (CUDA binaries go to its {@code cuda} folder). */
    public static final String DIR_VARIABLE = "JGPUARRAY_CACHE_DIR";
    /** System property naming the cache root. */
    public static final String DIR_PROPERTY = "jgpuarray.cache.dir";

    private static final Set<String> OFF = Set.of("0", "false", "off", "no");

    private CacheLocation() {
    }

    /** The folder for this process's system properties and environment, or empty when caching is off. */
    public static Optional<Path> fromEnvironment() {
        return resolve(System::getProperty, System::getenv);
    }

    /**
     * The folder for the given lookups.
     *
     * @param properties  system property lookup (null for unset)
     * @param environment environment lookup (null for unset)
     */
    public static Optional<Path> resolve(UnaryOperator<String> properties, UnaryOperator<String> environment) {
        if (isOff(properties.apply(ENABLED_PROPERTY)) || isOff(environment.apply(ENABLED_VARIABLE))) {
            return Optional.empty();
        }
        Path root = nonBlank(properties.apply(DIR_PROPERTY)).or(() -> nonBlank(environment.apply(DIR_VARIABLE)))
                .map(Path::of)
                .or(() -> nonBlank(environment.apply("XDG_CACHE_HOME")).map(x -> Path.of(x, "jgpuarray")))
                .orElseGet(() -> Path.of(System.getProperty("user.home"), ".cache", "jgpuarray"));
        return Optional.of(root.resolve("cuda"));
    }

    private static boolean isOff(String value) {
        return value != null && OFF.contains(value.trim().toLowerCase(Locale.ROOT));
    }

    private static Optional<String> nonBlank(String value) {
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }
}
