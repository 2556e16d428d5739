package org.jgpuarray.cuda.fake;

/** Assertions for the scenarios that run in child JVMs (no JUnit there): failures are AssertionErrors. */
final class FakeChecks {
    private FakeChecks() {
    }

    /** Fails with {@code message} unless {@code condition}. */
    static void check(boolean condition, String message) {
        if (!condition) {
            throw new AssertionError(message);
        }
    }

    /** Runs {@code call}, which must throw {@code type}; returns what it threw. */
    static <T extends Throwable> T expect(Class<T> type, Runnable call) {
        try {
            call.run();
        } catch (Throwable t) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            throw new AssertionError("expected " + type.getSimpleName() + ", got " + t, t);
        }
        throw new AssertionError("expected " + type.getSimpleName() + ", nothing was thrown");
    }

    /** Element-wise closeness: |e - a| <= atol + rtol |e|. */
    static void close(double[] expected, double[] actual, double rtol, double atol, String what) {
        check(expected.length == actual.length, what + ": length " + actual.length + ", expected " + expected.length);
        for (int i = 0; i < expected.length; i++) {
            check(Math.abs(expected[i] - actual[i]) <= atol + rtol * Math.abs(expected[i]),
                    what + ": element " + i + " is " + actual[i] + ", expected " + expected[i]);
        }
    }
}
