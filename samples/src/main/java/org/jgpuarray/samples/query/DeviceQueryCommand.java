package org.jgpuarray.samples.query;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jgpuarray.device.BackendProbe;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code jgpuarray device-query [--json]}: every backend and device with the fields of PyCUDA's and
 * PyOpenCL's device probes, and for an absent backend the reason. Exit status 0 when at least one
 * backend works, 1 otherwise. {@code --spark-resources [--backend NAME]} prints one backend's devices as
 * Spark's GPU discovery script must ({@link SparkResources}).
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

    @Option(names = "--spark-resources", description = {"Print the devices of one backend as Apache Spark's GPU",
            "discovery script must: {\"name\": \"gpu\", \"addresses\": [\"0\", ...]}",
            "(exit status 1, with the reason, when that backend cannot start)."})
    private boolean sparkResources;

    @Option(names = "--backend", paramLabel = "NAME", defaultValue = "cuda",
            description = "The backend for --spark-resources: cuda (default), opencl or cpu.")
    private String backend;

    /** Probes and prints; returns the exit status. */
    @Override
    public Integer call() {
        List<BackendProbe> probes = BackendSurvey.probeAll();
        PrintWriter out = spec.commandLine().getOut();
        if (sparkResources) {
            return printSparkResources(probes, out);
        }
        if (json) {
            out.println(DeviceQueryJson.text(probes));
            out.flush();
        } else {
            DeviceQueryText.print(probes, out);
        }
        return BackendSurvey.anyAvailable(probes) ? 0 : 1;
    }

    private int printSparkResources(List<BackendProbe> probes, PrintWriter out) {
        Optional<String> resources = SparkResources.json(backend, probes);
        if (resources.isEmpty()) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("jgpuarray device-query: the " + backend + " backend cannot start here: "
                    + SparkResources.reason(backend, probes));
            err.flush();
            return 1;
        }
        out.println(resources.get());
        out.flush();
        return 0;
    }
}
