package org.jgpuarray.samples.jmh;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * {@code jgpuarray jmh [JMH options]}: runs the JMH micro-benchmarks of this package (all of them when
 * no pattern is given); every argument goes to JMH unchanged, e.g. {@code -f 1 -wi 2 -i 3 Elementwise}
 * or {@code -h} for JMH's own help. Run from the runnable jar, so that JMH's forked JVMs find the classes.
 */
@Command(name = "jmh", header = "Runs the JMH micro-benchmarks of the CPU backend.", description = {"Runs the JMH micro-benchmarks (fused elementwise vs separate calls vs",
        "Java loops; sum and dot vs Java loops; sort vs Arrays.parallelSort; CPU backend, 2^24 floats).",
        "Arguments go to JMH, e.g. -f 1 -i 3."})
public final class JmhCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Unmatched
    private List<String> jmhArguments = new ArrayList<>();

    /** Runs JMH; returns 0, or 1 when JMH failed, 2 for bad JMH options. */
    @Override
    public Integer call() {
        try {
            CommandLineOptions options = new CommandLineOptions(jmhArguments.toArray(String[]::new));
            if (options.shouldHelp()) {
                try {
                    options.showHelp();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                return 0;
            }
            if (options.shouldList()) {
                new Runner(options).list();
                return 0;
            }
            new Runner(options).run();
            return 0;
        } catch (CommandLineOptionException e) {
            spec.commandLine().getErr().println("jmh: " + e.getMessage());
            return 2;
        } catch (RunnerException e) {
            spec.commandLine().getErr().println("jmh: " + e.getMessage());
            return 1;
        }
    }
}
