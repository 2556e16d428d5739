package org.jgpuarray.cuda.internal.compiler;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A CUDA compute capability, such as 8.0 (A100) or 9.0 (H100), named {@code sm_80} as a real
 * architecture and {@code compute_80} as a virtual one. Immutable; ordered by capability.
 *
 * @param major the major version, 1 to 99
 * @param minor the minor version, 0 to 9
 */
public record GpuArch(int major, int minor) implements Comparable<GpuArch> {
    private static final Pattern NAMED = Pattern.compile("(?:sm|compute)_(\\d{2,3})");
    private static final Pattern DOTTED = Pattern.compile("(\\d{1,2})\\.(\\d)");

    public GpuArch {
        if (major < 1 || major > 99 || minor < 0 || minor > 9) {
            throw new IllegalArgumentException("not a compute capability: " + major + "." + minor);
        }
    }

    /** The capability {@code major.minor}. */
    public static GpuArch of(int major, int minor) {
        return new GpuArch(major, minor);
    }

    /** The capability of a two- or three-digit number as NVRTC lists them: 80 is 8.0, 121 is 12.1. */
    public static GpuArch fromNumber(int number) {
        return new GpuArch(number / 10, number % 10);
    }

    /**
     * Parses {@code sm_80}, {@code compute_90}, {@code 8.6} or {@code 86}.
     *
     * @throws IllegalArgumentException when the text is none of these
     */
    public static GpuArch parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        Matcher named = NAMED.matcher(t);
        if (named.matches()) {
            return fromNumber(Integer.parseInt(named.group(1)));
        }
        Matcher dotted = DOTTED.matcher(t);
        if (dotted.matches()) {
            return new GpuArch(Integer.parseInt(dotted.group(1)), Integer.parseInt(dotted.group(2)));
        }
        if (t.matches("\\d{2,3}")) {
            return fromNumber(Integer.parseInt(t));
        }
        throw new IllegalArgumentException("not a GPU architecture: '" + text + "' (expected sm_80, compute_80 or 8.0)");
    }

    /** {@code major * 10 + minor}, e.g. 90. */
    public int number() {
        return major * 10 + minor;
    }

    /** The real architecture's name, e.g. {@code sm_90}. */
    public String sm() {
        return "sm_" + number();
    }

    /** The virtual architecture's name, e.g. {@code compute_90}. */
    public String compute() {
        return "compute_" + number();
    }

    @Override
    public int compareTo(GpuArch other) {
        return Integer.compare(number(), other.number());
    }

    /** The dotted capability, e.g. {@code 9.0}. */
    @Override
    public String toString() {
        return major + "." + minor;
    }
}
