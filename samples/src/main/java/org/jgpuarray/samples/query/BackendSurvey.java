package org.jgpuarray.samples.query;

import java.util.ArrayList;
import java.util.List;
import org.jgpuarray.GpuContext;
import org.jgpuarray.device.BackendProbe;

/**
 * What every backend finds on this machine: the probes of the backends on the class path, plus an
 * unavailable entry for each known backend that is not installed at all. Ordered CUDA, OpenCL, CPU,
 * then any others.
 */
public final class BackendSurvey {
    /** The backends jgpuarray knows, most preferred first. */
    public static final List<String> KNOWN_BACKENDS = List.of("cuda", "opencl", "cpu");

    private BackendSurvey() {
    }

    /**
     * Probes every backend. Never throws for a broken backend: its probe says why it is unavailable.
     *
     * @return one probe per backend, known ones first
     */
    public static List<BackendProbe> probeAll() {
        List<BackendProbe> found = new ArrayList<>();
        try {
            found.addAll(GpuContext.probeBackends());
        } catch (RuntimeException | LinkageError e) {
            found.add(BackendProbe.unavailable("?", "backend discovery failed: " + e));
        }
        List<BackendProbe> ordered = new ArrayList<>();
        for (String name : KNOWN_BACKENDS) {
            ordered.add(found.stream().filter(p -> p.backend().equals(name)).findFirst()
                    .orElseGet(() -> BackendProbe.unavailable(name, "not installed: no '" + name
                            + "' backend on the class path")));
        }
        found.stream().filter(p -> !KNOWN_BACKENDS.contains(p.backend())).forEach(ordered::add);
        return ordered;
    }

    /** True when at least one probe is available. */
    public static boolean anyAvailable(List<BackendProbe> probes) {
        return probes.stream().anyMatch(BackendProbe::available);
    }
}
