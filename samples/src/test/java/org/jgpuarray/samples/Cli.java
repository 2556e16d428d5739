package org.jgpuarray.samples;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the jgpuarray command line in-process and captures what it prints. */
public final class Cli {
    /**
     * What one run returned and printed.
     *
     * @param exit the exit status
     * @param out  standard output
     * @param err  standard error
     */
    public record Result(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- out\n" + out + "\n--- err\n" + err;
        }
    }

    private Cli() {
    }

    /** Executes {@code jgpuarray args...}. */
    public static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.commandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
                .execute(args);
        return new Result(exit, out.toString(), err.toString());
    }
}
