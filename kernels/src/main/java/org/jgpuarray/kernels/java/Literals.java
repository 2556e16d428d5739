package org.jgpuarray.kernels.java;

import java.math.BigInteger;
import java.util.Locale;

/**
 * Reads C numeric literals with C's typing rules: a decimal integer is {@code int} when it fits, else
 * {@code long}; a hexadecimal or octal one that fits only as {@code unsigned} is rejected, as is any
 * {@code u} suffix and {@code LL} (long long); {@code L} makes {@code long}; floating literals are {@code double}, or
 * {@code float} with an {@code f} suffix.
 */
final class Literals {
    private static final BigInteger INT_MAX = BigInteger.valueOf(Integer.MAX_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private Literals() {
    }

    /** The integer literal at {@code t} as a typed constant. */
    static TExpr.Constant integer(Token t) {
        String s = t.text().toLowerCase(Locale.ROOT);
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == 'l' || s.charAt(end - 1) == 'u')) {
            end--;
        }
        String suffix = s.substring(end);
        if (suffix.contains("u")) {
            throw Diagnostics.unsupported(t, "unsigned", "literal " + t.text() + " is unsigned in C");
        }
        if (suffix.equals("ll")) {
            throw Diagnostics.unsupported(t, "long long", "literal " + t.text() + ": " + TypeParser.LONG_LONG
                    + " (suffix L)");
        }
        if (!suffix.isEmpty() && !suffix.equals("l")) {
            throw Diagnostics.syntax(t, "invalid suffix on integer literal " + t.text());
        }
        BigInteger value = digits(t, s.substring(0, end));
        boolean decimal = !(s.length() > 1 && s.charAt(0) == '0');
        boolean isLong = !suffix.isEmpty();
        if (!isLong && value.compareTo(INT_MAX) <= 0) {
            return new TExpr.Constant(value.intValue(), CType.INT);
        }
        if (!isLong && !decimal && value.bitLength() <= 32) {
            throw Diagnostics.unsupported(t, "unsigned", "literal " + t.text() + " has type unsigned int in C");
        }
        if (value.compareTo(LONG_MAX) <= 0) {
            return new TExpr.Constant(value.longValue(), CType.LONG);
        }
        if (!decimal && value.bitLength() <= 64) {
            throw Diagnostics.unsupported(t, "unsigned", "literal " + t.text() + " has type unsigned long long in C");
        }
        throw Diagnostics.syntax(t, "integer literal " + t.text() + " is too large");
    }

    private static BigInteger digits(Token t, String s) {
        try {
            if (s.startsWith("0x")) {
                return new BigInteger(s.substring(2), 16);
            }
            if (s.length() > 1 && s.charAt(0) == '0') {
                return new BigInteger(s.substring(1), 8);
            }
            return new BigInteger(s, 10);
        } catch (NumberFormatException e) {
            throw Diagnostics.syntax(t, "malformed integer literal " + t.text());
        }
    }

    /** The floating literal at {@code t} as a typed constant. */
    static TExpr.Constant floating(Token t) {
        String s = t.text();
        if (s.startsWith("0x") || s.startsWith("0X")) {
            throw Diagnostics.unsupported(t, "hexadecimal floating literal");
        }
        char last = Character.toLowerCase(s.charAt(s.length() - 1));
        if (last == 'l') {
            throw Diagnostics.unsupported(t, "long double", "literal " + s + " is long double in C");
        }
        boolean isFloat = last == 'f';
        String number = isFloat ? s.substring(0, s.length() - 1) : s;
        if (!number.matches("([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?")) {
            throw Diagnostics.syntax(t, "malformed floating literal " + s);
        }
        if (isFloat) {
            return new TExpr.Constant(Float.parseFloat(number), CType.FLOAT);
        }
        return new TExpr.Constant(Double.parseDouble(number), CType.DOUBLE);
    }
}
