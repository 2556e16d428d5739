package org.jgpuarray.samples;

import picocli.CommandLine;

/** Entry point of the runnable jar: {@code java -jar jgpuarray.jar <command> ...}. */
public final class Main {
    private Main() {
    }

    /**
     * Runs the command line and exits with its status.
     *
     * @param args the command and its options; not modified
     */
    public static void main(String[] args) {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true"); // charts are drawn into files only
        }
        System.exit(commandLine().execute(args));
    }

    /**
     * The {@code jgpuarray} command line with every subcommand, ready to {@code execute}; tests set its
     * output and error writers to capture what it prints.
     */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new JgpuarrayCommand());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        return cl;
    }
}
