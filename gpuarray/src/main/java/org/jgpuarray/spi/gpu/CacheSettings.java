package org.jgpuarray.spi.gpu;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Where compiled GPU programs are cached on disk, and how much room they may take: the one reader of the
 * cache switches. For each setting the system property wins over the environment variable:
 * <ul>
 *   <li>{@value #ENABLED_PROPERTY} / {@value #ENABLED_VARIABLE}: {@code 0}, {@code false}, {@code off} or
 *       {@code no} turn the disk cache off;</li>
 *   <li>{@value #DIR_PROPERTY} / {@value #DIR_VARIABLE}: the cache root (default
 *       {@code $XDG_CACHE_HOME/jgpuarray}, else {@code ~/.cache/jgpuarray}); each backend uses a folder of its
 *       name below it;</li>
 *   <li>{@value #MAX_BYTES_PROPERTY} / {@value #MAX_BYTES_VARIABLE}: the most bytes a backend's folder may
 *       hold, with an optional {@code k}, {@code m} or {@code g} suffix (default 1 GiB); beyond it the entries
 *       used least recently are deleted.</li>
 * </ul>
 *
 * @param root     the cache root, or null when the disk cache is off
 * @param maxBytes the most bytes per backend folder
 */
public record CacheSettings(Path root, long maxBytes) {
    public static final String ENABLED_PROPERTY = "jgpuarray.cache";
    public static final String ENABLED_VARIABLE = "JGPUARRAY_CACHE";
    public static final String DIR_PROPERTY = "jgpuarray.cache.dir";
    public static final String DIR_VARIABLE = "JGPUARRAY_CACHE_DIR";
    public static final String MAX_BYTES_PROPERTY = "jgpuarray.cache.maxBytes";
    public static final String MAX_BYTES_VARIABLE = "JGPUARRAY_CACHE_MAX_BYTES";
    /** 1 GiB. */
    public static final long DEFAULT_MAX_BYTES = 1L << 30;

    private static final Set<String> OFF = Set.of("0", "false", "off", "no");

    public CacheSettings {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("the disk cache needs a positive size limit, got " + maxBytes);
        }
    }

    /** No disk cache. */
    public static CacheSettings disabled() {
        return new CacheSettings(null, DEFAULT_MAX_BYTES);
    }

    /** A cache under {@code root} with the default size limit. */
    public static CacheSettings at(Path root) {
        return new CacheSettings(root, DEFAULT_MAX_BYTES);
    }

    /** The settings of this process's system properties and environment. */
    public static CacheSettings fromEnvironment() {
        return resolve(System::getProperty, System::getenv);
    }

    /**
     * The settings of the given lookups.
     *
     * @param properties  system property lookup (null for unset)
     * @param environment environment lookup (null for unset)
     * @throws IllegalArgumentException for a size limit that is not a positive number of bytes
     */
    public static CacheSettings resolve(UnaryOperator<String> properties, UnaryOperator<String> environment) {
        long max = setting(MAX_BYTES_PROPERTY, MAX_BYTES_VARIABLE, properties, environment)
                .map(CacheSettings::bytes).orElse(DEFAULT_MAX_BYTES);
        if (setting(ENABLED_PROPERTY, ENABLED_VARIABLE, properties, environment)
                .filter(v -> OFF.contains(v.toLowerCase(Locale.ROOT))).isPresent()) {
            return new CacheSettings(null, max);
        }
        Path root = setting(DIR_PROPERTY, DIR_VARIABLE, properties, environment).map(Path::of)
                .or(() -> Optional.ofNullable(environment.apply("XDG_CACHE_HOME")).filter(x -> !x.isBlank())
                        .map(x -> Path.of(x, "jgpuarray")))
                .orElseGet(() -> Path.of(System.getProperty("user.home"), ".cache", "jgpuarray"));
        return new CacheSettings(root, max);
    }

    /** True when programs are cached on disk. */
    public boolean enabled() {
        return root != null;
    }

    /** The folder of one backend, or empty when the disk cache is off. */
    public Optional<Path> folder(String backend) {
        return Optional.ofNullable(root).map(r -> r.resolve(backend));
    }

    private static Optional<String> setting(String property, String variable, UnaryOperator<String> properties,
                                            UnaryOperator<String> environment) {
        return Optional.ofNullable(properties.apply(property)).filter(v -> !v.isBlank())
                .or(() -> Optional.ofNullable(environment.apply(variable)).filter(v -> !v.isBlank()))
                .map(String::trim);
    }

    static long bytes(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        int shift = t.endsWith("k") ? 10 : t.endsWith("m") ? 20 : t.endsWith("g") ? 30 : 0;
        String digits = shift == 0 ? t : t.substring(0, t.length() - 1).trim();
        try {
            long value = Long.parseLong(digits);
            if (value <= 0 || value > (Long.MAX_VALUE >> shift)) {
                throw new NumberFormatException();
            }
            return value << shift;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the disk cache size limit must be a positive number of bytes, with"
                    + " an optional k, m or g suffix; got '" + text + "'", e);
        }
    }
}
