package org.jgpuarray.samples.query;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jgpuarray.device.BackendProbe;
import org.jgpuarray.device.DeviceInfo;

/**
 * The devices of one backend as Apache Spark's resource discovery reads them:
 * {@code {"name": "gpu", "addresses": ["0", "1"]}}. Addresses are written as jgpuarray-spark's
 * {@code GpuAddress} reads them: CUDA ordinals bare (NVIDIA's and Kubernetes' convention), other backends
 * as {@code backend:index}. (The spark module's {@code GpuDiscovery} prints the same; this command cannot
 * depend on that module, which needs Spark.)
 */
final class SparkResources {
    private SparkResources() {
    }

    /**
     * The JSON for the backend's devices, or empty when that backend cannot start.
     *
     * @param backend {@code cuda}, {@code opencl} or {@code cpu}
     * @param probes  every backend's probe; not modified
     */
    static Optional<String> json(String backend, List<BackendProbe> probes) {
        String wanted = backend.toLowerCase(Locale.ROOT);
        return probes.stream().filter(p -> p.backend().equals(wanted) && p.available()).findFirst()
                .map(p -> "{\"name\": \"gpu\", \"addresses\": [" + p.devices().stream()
                        .map(d -> "\"" + address(d) + "\"").collect(Collectors.joining(", ")) + "]}");
    }

    /** Why the backend cannot start, for the error line. */
    static String reason(String backend, List<BackendProbe> probes) {
        String wanted = backend.toLowerCase(Locale.ROOT);
        return probes.stream().filter(p -> p.backend().equals(wanted)).findFirst().map(BackendProbe::reason)
                .orElse("no backend named '" + backend + "'; the backends are " + BackendSurvey.KNOWN_BACKENDS);
    }

    private static String address(DeviceInfo device) {
        return device.backend().equals("cuda") ? Integer.toString(device.index())
                : device.backend() + ":" + device.index();
    }
}
