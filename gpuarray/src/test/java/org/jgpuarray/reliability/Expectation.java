package org.jgpuarray.reliability;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * What a case must do: throw a named exception type whose message names the problem, or return a value
 * checked independently of the library. Anything else (another exception type, a message that does not
 * name the problem, a wrong value, a value where an exception was due) is a failure.
 */
public interface Expectation {
    /**
     * Judges what the body did.
     *
     * @param result the body's return value (null when it threw)
     * @param thrown what it threw, or null
     * @return null when the expectation is met, else why not
     */
    String judge(Object result, Throwable thrown);

    /** Throws {@code type} (or a subtype) with a message containing every fragment, ignoring case. */
    static Expectation fails(Class<? extends Throwable> type, String... fragments) {
        return (result, thrown) -> {
            if (thrown == null) {
                return "returned " + Verdict.describe(result) + " instead of throwing " + type.getSimpleName();
            }
            if (!type.isInstance(thrown)) {
                return "threw " + Verdict.describe(thrown) + ", expected " + type.getSimpleName();
            }
            String message = thrown.getMessage();
            if (message == null || message.isBlank()) {
                return "threw " + thrown.getClass().getSimpleName() + " without a message";
            }
            if (thrown instanceof NullPointerException && message.startsWith("Cannot ")) {
                return "a NullPointerException from inside the library (the JVM's helpful message), not a check that"
                        + " names the parameter: " + Verdict.describe(thrown);
            }
            String lower = message.toLowerCase(Locale.ROOT);
            for (String f : fragments) {
                if (!lower.contains(f.toLowerCase(Locale.ROOT))) {
                    return "message does not mention '" + f + "': " + Verdict.describe(thrown);
                }
            }
            return null;
        };
    }

    /** Returns a value equal to {@code expected}: primitive arrays element by element, NaN equal to NaN. */
    static Expectation returns(Object expected) {
        return satisfies("equal to " + Verdict.describe(expected), r -> deepEquals(expected, r));
    }

    /** Finishes without an exception. */
    static Expectation succeeds() {
        return satisfies("any result", r -> true);
    }

    /** Returns a value meeting {@code check}, described as {@code what} in failures. */
    static Expectation satisfies(String what, Predicate<Object> check) {
        return (result, thrown) -> {
            if (thrown != null) {
                return "threw " + Verdict.describe(thrown) + ", expected " + what;
            }
            return check.test(result) ? null : "returned " + Verdict.describe(result) + ", expected " + what;
        };
    }

    /** Returns float values within {@code tolerance} (absolute plus relative) of {@code expected}. */
    static Expectation close(double[] expected, double tolerance) {
        return satisfies(Arrays.toString(expected) + " within " + tolerance, r -> {
            double[] actual = Verdict.doubles(r);
            if (actual == null || actual.length != expected.length) {
                return false;
            }
            for (int k = 0; k < expected.length; k++) {
                if (!(Math.abs(actual[k] - expected[k]) <= tolerance * (1 + Math.abs(expected[k])))) {
                    return false;
                }
            }
            return true;
        });
    }

    /** Meets at least one of the expectations: for behaviour that differs by backend within the contract. */
    static Expectation anyOf(Expectation... choices) {
        return (result, thrown) -> {
            List<String> why = new ArrayList<>();
            for (Expectation e : choices) {
                String failure = e.judge(result, thrown);
                if (failure == null) {
                    return null;
                }
                why.add(failure);
            }
            return String.join("; or ", why);
        };
    }

    private static boolean deepEquals(Object expected, Object actual) {
        if (expected != null && actual != null && expected.getClass() != actual.getClass()) {
            return false;
        }
        return Arrays.deepEquals(new Object[] {expected}, new Object[] {actual});
    }
}
