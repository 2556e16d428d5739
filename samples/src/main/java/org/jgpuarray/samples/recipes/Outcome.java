package org.jgpuarray.samples.recipes;

/**
 * How a recipe ended.
 *
 * @param status OK, FAILED or SKIPPED
 * @param detail what was checked, or why it failed or was skipped
 */
public record Outcome(Status status, String detail) {
    /** The three endings. */
    public enum Status {
        /** The recipe ran and its check passed. */
        OK,
        /** The recipe ran and its check failed, or it threw. */
        FAILED,
        /** The recipe needs a backend this context is not (raw kernels need CUDA or OpenCL). */
        SKIPPED
    }

    /** A passed check. */
    public static Outcome ok(String detail) {
        return new Outcome(Status.OK, detail);
    }

    /** A failed check. */
    public static Outcome failed(String detail) {
        return new Outcome(Status.FAILED, detail);
    }

    /** A recipe that cannot run on this backend. */
    public static Outcome skipped(String detail) {
        return new Outcome(Status.SKIPPED, detail);
    }

    /** OK when {@code passed}, else FAILED, with the same detail. */
    public static Outcome check(boolean passed, String detail) {
        return passed ? ok(detail) : failed(detail);
    }

    /** The line a recipe ends with, e.g. {@code OK (dot product is 21253400)} or {@code SKIPPED (needs ...)}. */
    public String line() {
        return status + (detail.isEmpty() ? "" : " (" + detail + ")");
    }
}
