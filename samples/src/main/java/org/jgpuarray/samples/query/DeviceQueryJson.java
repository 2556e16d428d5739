package org.jgpuarray.samples.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jgpuarray.device.DeviceInfo;
import org.jgpuarray.samples.json.JsonWriter;
import org.jgpuarray.device.BackendProbe;

/**
 * The JSON document of {@code device-query --json}:
 * {@code {"backends":[{"name":"cpu","available":true,"devices":[{"index":0,"name":...,"computeUnits":...,
 * "globalMemBytes":...,"fp64":...,"properties":{...}}]},{"name":"cuda","available":false,"reason":"..."}]}}.
 */
final class DeviceQueryJson {
    private DeviceQueryJson() {
    }

    /** The document as a map tree, ready for {@link JsonWriter}. */
    static Map<String, Object> document(List<BackendProbe> probes) {
        List<Object> backends = new ArrayList<>();
        for (BackendProbe p : probes) {
            Map<String, Object> b = new LinkedHashMap<>();
            b.put("name", p.backend());
            b.put("available", p.available());
            if (!p.available()) {
                b.put("reason", p.reason());
            }
            List<Object> devices = new ArrayList<>();
            for (DeviceInfo d : p.devices()) {
                Map<String, Object> dev = DeviceFields.common(d);
                dev.put("properties", d.properties());
                devices.add(dev);
            }
            b.put("devices", devices);
            backends.add(b);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("backends", backends);
        return doc;
    }

    /** The document as JSON text. */
    static String text(List<BackendProbe> probes) {
        return JsonWriter.write(document(probes));
    }
}
