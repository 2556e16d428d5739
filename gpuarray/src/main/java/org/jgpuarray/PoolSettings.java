package org.jgpuarray;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The memory pool's switches, read when a context opens; for each the system property wins over the
 * environment variable:
 * <ul>
 *   <li>{@value #ENABLED_PROPERTY} / {@value #ENABLED_VARIABLE}: {@code 0}, {@code false}, {@code off} or
 *       {@code no} turn the pool off (every array then gets its own allocation, freed when it is);</li>
 *   <li>{@value #LIMIT_PROPERTY} / {@value #LIMIT_VARIABLE}: the pool's cap, in bytes with an optional
 *       {@code k}, {@code m} or {@code g} suffix, or as a fraction of the device's memory ({@code 0.5}).</li>
 * </ul>
 *
 * @param enabled whether freed blocks are kept for reuse
 * @param limit   the cap in bytes, {@link Long#MAX_VALUE} for none
 */
record PoolSettings(boolean enabled, long limit) {
    static final String ENABLED_PROPERTY = "jgpuarray.memory.pool";
    static final String ENABLED_VARIABLE = "JGPUARRAY_MEMORY_POOL";
    static final String LIMIT_PROPERTY = "jgpuarray.memory.limit";
    static final String LIMIT_VARIABLE = "JGPUARRAY_MEMORY_LIMIT";

    private static final Set<String> OFF = Set.of("0", "false", "off", "no");

    /** The settings of this process's system properties and environment for a device of {@code deviceBytes}. */
    static PoolSettings fromEnvironment(long deviceBytes) {
        return resolve(System::getProperty, System::getenv, deviceBytes);
    }

    /**
     * The settings of the given lookups.
     *
     * @param properties  system property lookup (null for unset)
     * @param environment environment lookup (null for unset)
     * @param deviceBytes the device's memory, for a limit given as a fraction
     * @throws IllegalArgumentException for a limit that is neither a positive size nor a fraction in (0, 1]
     */
    static PoolSettings resolve(UnaryOperator<String> properties, UnaryOperator<String> environment,
                                long deviceBytes) {
        boolean enabled = setting(ENABLED_PROPERTY, ENABLED_VARIABLE, properties, environment)
                .filter(v -> OFF.contains(v.toLowerCase(Locale.ROOT))).isEmpty();
        long limit = setting(LIMIT_PROPERTY, LIMIT_VARIABLE, properties, environment)
                .map(v -> limit(v, deviceBytes)).orElse(Long.MAX_VALUE);
        return new PoolSettings(enabled, limit);
    }

    private static Optional<String> setting(String property, String variable, UnaryOperator<String> properties,
                                            UnaryOperator<String> environment) {
        return Optional.ofNullable(properties.apply(property)).filter(v -> !v.isBlank())
                .or(() -> Optional.ofNullable(environment.apply(variable)).filter(v -> !v.isBlank()))
                .map(String::trim);
    }

    /** {@code text} as bytes: a size with an optional suffix, or a fraction of {@code deviceBytes}. */
    static long limit(String text, long deviceBytes) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.contains(".")) {
                double fraction = Double.parseDouble(t);
                if (!(fraction > 0 && fraction <= 1)) {
                    throw new NumberFormatException();
                }
                return Math.max(1, (long) (fraction * deviceBytes));
            }
            int shift = t.endsWith("k") ? 10 : t.endsWith("m") ? 20 : t.endsWith("g") ? 30 : 0;
            long value = Long.parseLong(shift == 0 ? t : t.substring(0, t.length() - 1).trim());
            if (value <= 0 || value > (Long.MAX_VALUE >> shift)) {
                throw new NumberFormatException();
            }
            return value << shift;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(LIMIT_VARIABLE + " must be a positive number of bytes (with an optional"
                    + " k, m or g suffix) or a fraction of the device's memory such as 0.5; got '" + text + "'", e);
        }
    }
}
