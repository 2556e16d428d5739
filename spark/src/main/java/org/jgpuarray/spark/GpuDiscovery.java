package org.jgpuarray.spark;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.jgpuarray.GpuContext;
import org.jgpuarray.device.BackendProbe;
import org.jgpuarray.device.DeviceInfo;

/**
 * Spark's GPU discovery, from jgpuarray's device probe: prints the JSON that Spark's resource scheduling
 * reads from {@code spark.worker.resource.gpu.discoveryScript} (or the executor's), such as
 * {@code {"name": "gpu", "addresses": ["0", "1"]}}. The script {@code bin/jgpuarray-gpu-discovery.sh} runs
 * this class; {@code jgpuarray device-query --spark-resources} prints the same.
 *
 * <p>CUDA devices are listed by their ordinals ({@code "0"}, {@code "1"}, as NVIDIA's own discovery script
 * and Kubernetes' device plugin name them); OpenCL devices, on request, as {@code "opencl:0"},
 * {@code "opencl:1"}, so that {@link ExecutorGpu} knows which backend an address belongs to. A backend
 * that cannot start makes the discovery fail with the reason, never an empty list in silence.
 *
 * <p>Arguments: {@code [--backend cuda|opencl|cpu] [--resource-name gpu]}; the environment variable
 * {@value #BACKEND_VARIABLE} chooses the backend when the argument is absent (Spark passes none).
 */
public final class GpuDiscovery {
    /** Environment variable naming the backend whose devices are listed; {@code cuda} when unset. */
    public static final String BACKEND_VARIABLE = "JGPUARRAY_SPARK_BACKEND";

    private GpuDiscovery() {
    }

    /**
     * Prints the resource JSON to standard output, or the reason to standard error and exits with status 1.
     *
     * @param args {@code --backend NAME} and {@code --resource-name NAME}, both optional; not modified
     */
    public static void main(String[] args) {
        Map<String, String> options = options(args);
        String backend = options.getOrDefault("--backend", fromEnvironment());
        String resource = options.getOrDefault("--resource-name", "gpu");
        BackendProbe probe = GpuContext.probeBackends().stream().filter(p -> p.backend().equals(backend)).findFirst()
                .orElse(BackendProbe.unavailable(backend, "the " + backend + " backend is not on the class path"));
        if (!probe.available()) {
            fail("jgpuarray GPU discovery: the " + backend + " backend cannot start here: " + probe.reason());
        }
        System.out.println(json(resource, probe.devices()));
    }

    /**
     * The JSON Spark reads: the resource name and one address per device (see {@link GpuAddress}).
     *
     * @param devices one backend's devices; not modified
     */
    public static String json(String resource, List<DeviceInfo> devices) {
        String addresses = devices.stream().map(d -> "\"" + GpuAddress.of(d) + "\"").collect(Collectors.joining(", "));
        return "{\"name\": \"" + resource + "\", \"addresses\": [" + addresses + "]}";
    }

    private static String fromEnvironment() {
        String chosen = System.getenv(BACKEND_VARIABLE);
        return chosen == null || chosen.isBlank() ? "cuda" : chosen.trim().toLowerCase(Locale.ROOT);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new java.util.HashMap<>();
        for (int k = 0; k < args.length; k++) {
            if ((args[k].equals("--backend") || args[k].equals("--resource-name")) && k + 1 < args.length) {
                options.put(args[k], args[++k].toLowerCase(Locale.ROOT));
            } else {
                fail("usage: GpuDiscovery [--backend cuda|opencl|cpu] [--resource-name gpu]; got " + List.of(args));
            }
        }
        return options;
    }

    private static void fail(String message) {
        PrintStream err = System.err;
        err.println(message);
        System.exit(1);
    }
}
