package org.jgpuarray.samples.recipes;

import java.io.PrintWriter;
import java.util.Map;
import org.jgpuarray.device.DeviceInfo;
import org.jgpuarray.GpuContext;
import org.jgpuarray.samples.ArtifactVersion;
import org.jgpuarray.samples.VersionProvider;
import org.jgpuarray.samples.query.BackendSurvey;
import org.jgpuarray.device.BackendProbe;

/**
 * The book's device queries (PyCUDA's {@code deviceQuery} and PyOpenCL's platform/device listing):
 * versions of jgpuarray and of the bindings, then every device of the context's backend.
 */
final class DeviceInfoRecipe implements Recipe {
    @Override
    public String name() {
        return "device-info";
    }

    @Override
    public String title() {
        return "device query: versions and the devices of this backend (PyCUDA/PyOpenCL device info)";
    }

    @Override
    public Outcome run(GpuContext context, PrintWriter out) {
        out.printf("jgpuarray version: %s (Java %s)%n", VersionProvider.jgpuarrayVersion(),
                System.getProperty("java.version"));
        out.printf("JCuda version (PyCUDA's role): %s%n", ArtifactVersion.of("org.jcuda", "jcuda"));
        out.printf("JOCL version (PyOpenCL's role): %s%n", ArtifactVersion.of("org.jocl", "jocl"));
        BackendProbe probe = BackendSurvey.probeAll().stream().filter(p -> p.backend().equals(context.backendName()))
                .findFirst().orElseThrow();
        out.printf("Detected %d %s device(s)%n", probe.devices().size(), context.backendName());
        for (DeviceInfo d : probe.devices()) {
            out.printf("Device %d: %s%n", d.index(), d.name());
            out.printf("    Vendor: %s%n", d.vendor());
            out.printf("    Type: %s%n", d.type());
            out.printf("    Compute units: %d%n", d.computeUnits());
            out.printf("    Total memory: %d megabytes%n", d.globalMemoryBytes() >> 20);
            out.printf("    Double precision: %s%n", d.fp64() ? "yes" : "no");
            for (Map.Entry<String, Object> e : d.properties().entrySet()) {
                out.printf("    %s: %s%n", e.getKey(), e.getValue());
            }
        }
        DeviceInfo used = context.device();
        out.printf("This context computes on device %d: %s%n", used.index(), used.name());
        return Outcome.check(!used.name().isBlank() && used.computeUnits() > 0,
                used.computeUnits() + " compute units on " + used.name());
    }
}
