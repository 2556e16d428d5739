package org.jgpuarray.samples.query;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jgpuarray.device.DeviceInfo;

/**
 * The fields of a {@link DeviceInfo} as {@code device-query} shows them: the common ones under fixed
 * names, then the backend's own properties in the order it reports them, with readable labels and
 * byte counts in KiB/MiB/GiB.
 */
final class DeviceFields {
    private static final Map<String, String> WORDS = Map.ofEntries(Map.entry("os", "OS"),
            Map.entry("opencl", "OpenCL"), Map.entry("cuda", "CUDA"), Map.entry("java", "Java"), Map.entry("vm", "VM"),
            Map.entry("id", "ID"), Map.entry("l2", "L2"), Map.entry("ecc", "ECC"), Map.entry("mhz", "MHz"),
            Map.entry("ghz", "GHz"), Map.entry("pci", "PCI"), Map.entry("nvrtc", "NVRTC"), Map.entry("cl", "CL"),
            Map.entry("icd", "ICD"));

    private DeviceFields() {
    }

    /** The common fields under the JSON names of {@code device-query --json}. */
    static Map<String, Object> common(DeviceInfo d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("index", d.index());
        m.put("name", d.name());
        m.put("vendor", d.vendor());
        m.put("type", d.type());
        m.put("computeUnits", d.computeUnits());
        m.put("globalMemBytes", d.globalMemoryBytes());
        m.put("fp64", d.fp64());
        return m;
    }

    /** A property key as a label: {@code maxWorkGroupSize} becomes {@code Max work group size}. */
    static String label(String key) {
        String[] words = key.replace("MHz", "Mhz").replace("GHz", "Ghz")
                .replaceAll("([a-z0-9])([A-Z])", "$1 $2").replaceAll("([A-Z]+)([A-Z][a-z])", "$1 $2")
                .replace('_', ' ').trim().split("\\s+");
        StringBuilder label = new StringBuilder();
        for (String w : words) {
            String lower = w.toLowerCase(Locale.ROOT);
            String word = w.length() == 1 ? w : WORDS.getOrDefault(lower, lower);
            if (label.length() == 0) {
                label.append(Character.toUpperCase(word.charAt(0))).append(word, 1, word.length());
            } else {
                label.append(' ').append(word);
            }
        }
        String text = label.toString();
        if (text.endsWith(" bytes") && text.length() > " bytes".length()) {
            text = text.substring(0, text.length() - " bytes".length()); // the value says "bytes"
        }
        return text.isEmpty() ? key : text;
    }

    /** A value as text: booleans as yes/no, byte counts (keys ending in "bytes") in binary units. */
    static String value(String key, Object value) {
        if (value instanceof Boolean b) {
            return b ? "yes" : "no";
        }
        if (value instanceof Number n && key.toLowerCase(Locale.ROOT).endsWith("bytes")) {
            return bytes(n.longValue());
        }
        return String.valueOf(value);
    }

    /** {@code 6442450944} as {@code 6.0 GiB (6442450944 bytes)}. */
    static String bytes(long n) {
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        if (n < 1024) {
            return n + " bytes";
        }
        double v = n;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s (%d bytes)", v, units[u], n);
    }
}
