package org.jgpuarray.samples.query;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jgpuarray.device.DeviceInfo;
import org.jgpuarray.device.BackendProbe;

/** Prints probes grouped like {@code clinfo} and CUDA's {@code deviceQuery}: backend, device, fields. */
final class DeviceQueryText {
    private static final String FIELD = "    %-30s %s%n";
    /** Properties that repeat a common field, left out of the text (the JSON keeps them). */
    private static final Set<String> SHOWN_ABOVE = Set.of("name", "vendor", "type", "device type",
            "compute units", "max compute units", "global memory", "global mem", "fp64");

    private DeviceQueryText() {
    }

    /**
     * Writes the report.
     *
     * @param probes the probes; not modified
     * @param out    modified: receives the text
     */
    static void print(List<BackendProbe> probes, PrintWriter out) {
        long available = probes.stream().filter(BackendProbe::available).count();
        out.printf("jgpuarray device-query: %d backend%s, %d available%n", probes.size(),
                probes.size() == 1 ? "" : "s", available);
        for (BackendProbe p : probes) {
            out.println();
            if (!p.available()) {
                out.printf("Backend %s: not available: %s%n", p.backend(), p.reason());
                continue;
            }
            out.printf("Backend %s: %d device%s%n", p.backend(), p.devices().size(), p.devices().size() == 1 ? "" : "s");
            for (DeviceInfo d : p.devices()) {
                printDevice(d, out);
            }
        }
        out.flush();
    }

    private static void printDevice(DeviceInfo d, PrintWriter out) {
        out.printf("  Device %d: %s%n", d.index(), d.name());
        out.printf(FIELD, "Name", d.name());
        out.printf(FIELD, "Vendor", d.vendor().isEmpty() ? "(not reported)" : d.vendor());
        out.printf(FIELD, "Type", d.type());
        out.printf(FIELD, "Compute units", d.computeUnits());
        out.printf(FIELD, "Global memory", DeviceFields.bytes(d.globalMemoryBytes()));
        out.printf(FIELD, "Double precision (fp64)", d.fp64() ? "yes" : "no");
        for (Map.Entry<String, Object> e : d.properties().entrySet()) {
            if (SHOWN_ABOVE.contains(DeviceFields.label(e.getKey()).toLowerCase(Locale.ROOT))) {
                continue;
            }
            out.printf(FIELD, DeviceFields.label(e.getKey()), DeviceFields.value(e.getKey(), e.getValue()));
        }
    }
}
