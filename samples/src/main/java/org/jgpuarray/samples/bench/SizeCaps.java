package org.jgpuarray.samples.bench;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Per-workload size limits of one option, e.g. {@code --max-size gemm=2^20,fft=2^22}: a workload
 * without a limit has none. Immutable.
 *
 * @param option the option the limits come from, quoted in skip reasons
 * @param limits the largest size to run by workload name
 */
public record SizeCaps(String option, Map<String, Long> limits) {
    /** Copies the map, keeping its order. */
    public SizeCaps {
        limits = Collections.unmodifiableMap(new LinkedHashMap<>(limits));
    }

    /**
     * Parses {@code NAME=SIZE,...} on top of {@code defaults}: a named workload gets the new limit,
     * {@code NAME=none} lifts its limit, unnamed ones keep the default.
     *
     * @param defaults the limits before the option; not modified
     * @param text     the option's value; empty for none
     * @param known    the workload names a limit may name
     * @throws IllegalArgumentException for a malformed item, an unknown workload or a bad size, quoting it
     */
    public static SizeCaps parse(SizeCaps defaults, String text, Collection<String> known) {
        Map<String, Long> limits = new LinkedHashMap<>(defaults.limits());
        for (String raw : text.split(",")) {
            String item = raw.trim();
            if (item.isEmpty()) {
                continue;
            }
            int eq = item.indexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException(defaults.option() + ": '" + item
                        + "' is not WORKLOAD=SIZE (e.g. gemm=2^20 or fft=none)");
            }
            String name = item.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            if (!known.contains(name)) {
                throw new IllegalArgumentException(defaults.option() + ": unknown workload '" + name + "'; known: "
                        + String.join(", ", known));
            }
            String value = item.substring(eq + 1).trim();
            if (value.equalsIgnoreCase("none")) {
                limits.remove(name);
            } else {
                limits.put(name, SizeList.parse(value).get(0));
            }
        }
        return new SizeCaps(defaults.option(), limits);
    }

    /** Why {@code size} is over this workload's limit, or empty when it is not. */
    public Optional<String> exceeded(String workload, long size) {
        Long max = limits.get(workload);
        return max != null && size > max
                ? Optional.of("over " + option + " " + workload + "=" + SizeList.format(max))
                : Optional.empty();
    }

    /** The limits as the option would read, e.g. {@code gemm=2^20,fft=2^22}, or {@code none}. */
    public String text() {
        if (limits.isEmpty()) {
            return "none";
        }
        StringBuilder s = new StringBuilder();
        limits.forEach((name, max) -> s.append(s.length() == 0 ? "" : ",").append(name).append('=')
                .append(SizeList.format(max)));
        return s.toString();
    }
}
