package org.jgpuarray.samples.query;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.jgpuarray.device.BackendProbe;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code jgpuarray device-query [--json]}: every backend and device with the fields of PyCUDA's and
 * PyOpenCL's device probes, and for an absent backend the reason. Exit status 0 when at least one
 * backend works, 1 otherwise.
 */
@Command(name = "device-query", mixinStandardHelpOptions = true,
        header = "Lists every backend and device, or why a backend is absent.",
        description = {"Lists every backend (CUDA, OpenCL, CPU) and device with its properties;",
                "an absent backend gets one line saying why. Exit status 0 when at least",
                "one backend works."})
public final class DeviceQueryCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--json", description = "Print one JSON document instead of text.")
    private boolean json;

    /** Probes and prints; returns the exit status. */
    @Override
    public Integer call() {
        List<BackendProbe> probes = BackendSurvey.probeAll();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(DeviceQueryJson.text(probes));
            out.flush();
        } else {
            DeviceQueryText.print(probes, out);
        }
        return BackendSurvey.anyAvailable(probes) ? 0 : 1;
    }
}
