package org.jgpuarray.kernels;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parameters of a kernel, parsed from a C-style argument string such as
 * {@code "float a, float *x, const float *y, int n_iter"}. Immutable.
 *
 * <p>Each parameter is {@code [const] type [*] name}; {@code type} is one of the names accepted by
 * {@link ScalarType#fromSnippetName(String)}. Names must be distinct, and may not be {@code i} or
 * {@code n}, which every kernel defines as the element index and the element count.
 */
public record ArgumentList(List<Argument> arguments) {
    private static final Pattern PARAMETER = Pattern.compile(
            "\\s*(?:const\\s+)?([A-Za-z_][A-Za-z_0-9]*(?:\\s+[A-Za-z_][A-Za-z_0-9]*)*?)\\s*(\\*?)\\s*"
                    + "(?:const\\s+|__restrict__\\s+|restrict\\s+)?([A-Za-z_][A-Za-z_0-9]*)\\s*");

    public ArgumentList {
        arguments = List.copyOf(arguments);
        Set<String> seen = new HashSet<>();
        for (Argument a : arguments) {
            if (Identifiers.isReserved(a.name())) {
                throw new IllegalArgumentException("argument name '" + a.name()
                        + "' is reserved (i and n are the index and length every kernel defines; C keywords are not names)");
            }
            if (!seen.add(a.name())) {
                throw new IllegalArgumentException("argument name '" + a.name() + "' appears twice");
            }
        }
    }

    /**
     * Parses an argument string.
     *
     * @param text e.g. {@code "float a, float *x"}; not modified
     * @return the parsed list
     * @throws IllegalArgumentException naming the bad parameter and its position when the text is malformed
     *                                  or names an unknown type
     */
    public static ArgumentList parse(String text) {
        Objects.requireNonNull(text, "argument string");
        List<Argument> parsed = new ArrayList<>();
        if (text.isBlank()) {
            return new ArgumentList(parsed);
        }
        String[] parts = text.split(",", -1);
        for (int k = 0; k < parts.length; k++) {
            parsed.add(parseOne(text, parts[k], k + 1));
        }
        return new ArgumentList(parsed);
    }

    private static Argument parseOne(String whole, String part, int position) {
        Matcher m = PARAMETER.matcher(part);
        if (part.isBlank() || !m.matches()) {
            throw new IllegalArgumentException("malformed parameter " + position + " ('" + part.trim()
                    + "') in argument string \"" + whole + "\"; expected '[const] type [*] name', e.g. 'float *x'");
        }
        String typeName = m.group(1);
        ScalarType type = ScalarType.fromSnippetName(typeName).orElseThrow(() -> new IllegalArgumentException(
                "unknown type '" + typeName + "' in parameter " + position + " ('" + part.trim()
                        + "') of argument string \"" + whole
                        + "\"; known: float, double, int, int32_t, long, long long, int64_t, ptrdiff_t, bool"));
        return new Argument(m.group(3), type, !m.group(2).isEmpty());
    }

    /** Number of parameters. */
    public int size() {
        return arguments.size();
    }

    /** The parameter at {@code index}. */
    public Argument get(int index) {
        return arguments.get(index);
    }

    /** The first array parameter, whose length an elementwise call takes as {@code n} by default. */
    public Optional<Argument> firstArray() {
        return arguments.stream().filter(Argument::array).findFirst();
    }

    /** The list written back as an argument string, e.g. {@code "float a, float *x"}. */
    public String declaration() {
        return String.join(", ", arguments.stream().map(Argument::declaration).toList());
    }

    @Override
    public String toString() {
        return declaration();
    }
}
