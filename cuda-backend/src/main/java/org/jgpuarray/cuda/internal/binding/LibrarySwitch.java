package org.jgpuarray.cuda.internal.binding;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which vendor libraries the CUDA backend may bind, from the environment variable {@value #VARIABLE}: a
 * comma-separated list of {@code cublas} (JCublas2 where {@code libcublas.so.12} loads, else cuBLAS
 * through JNA), {@code cublas-jna} (cuBLAS through JNA only), {@code cufft}, {@code curand}; or
 * {@code none} (the portable kernels for everything); unset or {@code all} for every library. Meant for
 * comparing implementations and for tests. Immutable.
 *
 * @param enabled the identifiers allowed
 * @param setting the variable's value as given ("" when unset)
 */
public record LibrarySwitch(Set<String> enabled, String setting) {
    /** The environment variable. */
    public static final String VARIABLE = "JGPUARRAY_CUDA_LIBRARIES";
    /** The identifiers it knows, besides {@code none} and {@code all}. */
    public static final List<String> IDS = List.of("cublas", "cublas-jna", "cufft", "curand");

    public LibrarySwitch {
        enabled = Set.copyOf(enabled);
        setting = setting == null ? "" : setting;
    }

    /** Every library allowed. */
    public static LibrarySwitch all() {
        return new LibrarySwitch(Set.copyOf(IDS), "");
    }

    /** The switch of the variable's value {@code value} (null for unset). */
    public static LibrarySwitch parse(String value) {
        if (value == null || value.isBlank()) {
            return all();
        }
        Set<String> ids = new LinkedHashSet<>();
        for (String part : value.toLowerCase(Locale.ROOT).split(",")) {
            String id = part.trim();
            if (id.equals("all")) {
                ids.addAll(IDS);
            } else if (IDS.contains(id)) {
                ids.add(id);
            }
        }
        return new LibrarySwitch(ids, value.trim());
    }

    /** The switch of this process's environment. */
    public static LibrarySwitch fromEnvironment() {
        return parse(System.getenv(VARIABLE));
    }

    /** Whether cuBLAS may be bound through JCublas2. */
    public boolean allowsJcublas2() {
        return enabled.contains("cublas");
    }

    /** Whether {@code library} ({@code cublas}, {@code cufft} or {@code curand}) may be bound through JNA. */
    public boolean allowsJna(String library) {
        return enabled.contains(library) || library.equals("cublas") && enabled.contains("cublas-jna");
    }

    /** The reason a library is not bound when the switch refuses it. */
    public String refusal() {
        return "disabled by " + VARIABLE + "=" + setting + " (known: " + String.join(", ", IDS) + ", none, all)";
    }
}
