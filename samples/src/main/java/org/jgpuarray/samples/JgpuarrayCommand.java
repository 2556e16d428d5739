package org.jgpuarray.samples;

import org.jgpuarray.samples.bench.BenchCommand;
import org.jgpuarray.samples.jmh.JmhCommand;
import org.jgpuarray.samples.query.DeviceQueryCommand;
import org.jgpuarray.samples.recipes.RecipesCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level {@code jgpuarray} command: prints its help when called without a subcommand. */
@Command(name = "jgpuarray", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"GPU arrays and run-time compiled kernels for Java: CUDA, OpenCL and a",
                "pure-Java CPU backend.", "",
                "Backend choice: JGPUARRAY_BACKEND=cuda|opencl|cpu,",
                "JGPUARRAY_DEVICE=<index or part of the device name>."},
        subcommands = {DeviceQueryCommand.class, BenchCommand.class, RecipesCommand.class, JmhCommand.class,
                HelpCommand.class})
public final class JgpuarrayCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    /** Prints the usage help. */
    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
