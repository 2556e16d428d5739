package org.jgpuarray.samples.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.jgpuarray.samples.Cli;
import org.junit.jupiter.api.Test;

class DeviceQueryCommandTest {
    @Test
    void jsonParsesAndListsTheCpuBackendAsAvailable() throws Exception {
        Cli.Result r = Cli.run("device-query", "--json");
        assertEquals(0, r.exit(), r::toString);
        JsonNode backends = new ObjectMapper().readTree(r.out()).get("backends");
        List<String> names = new ArrayList<>();
        backends.forEach(b -> names.add(b.get("name").asText()));
        assertTrue(names.containsAll(List.of("cuda", "opencl", "cpu")), names::toString);
        for (JsonNode b : backends) {
            if (b.get("available").asBoolean()) {
                assertTrue(b.get("devices").size() > 0, b::toString);
            } else {
                assertFalse(b.get("reason").asText().isBlank(), () -> "no reason for " + b);
            }
        }
        JsonNode cpu = find(backends, "cpu");
        assertTrue(cpu.get("available").asBoolean(), cpu::toString);
        JsonNode device = cpu.get("devices").get(0);
        assertFalse(device.get("name").asText().isBlank());
        assertTrue(device.get("computeUnits").asInt() >= 1, device::toString);
        assertTrue(device.get("globalMemBytes").asLong() > 0, device::toString);
        assertTrue(device.get("fp64").isBoolean(), device::toString);
        assertTrue(device.get("properties").isObject(), device::toString);
    }

    @Test
    void textGroupsDevicesByBackendAndSaysWhyOneIsAbsent() {
        Cli.Result r = Cli.run("device-query");
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.out().contains("Backend cpu: 1 device"), r::toString);
        assertTrue(r.out().contains("Compute units"), r::toString);
        assertTrue(r.out().contains("Global memory"), r::toString);
        boolean everyBackendAccountedFor = BackendSurvey.probeAll().stream().allMatch(p -> p.available()
                ? r.out().contains("Backend " + p.backend() + ": ")
                : r.out().contains("Backend " + p.backend() + ": not available: " + p.reason()));
        assertTrue(everyBackendAccountedFor, r::toString);
    }

    @Test
    void sparkResourcesListOneBackendsDevicesAsSparkReadsThem() throws Exception {
        Cli.Result cpu = Cli.run("device-query", "--spark-resources", "--backend", "cpu");
        assertEquals(0, cpu.exit(), cpu::toString);
        assertEquals("{\"name\": \"gpu\", \"addresses\": [\"cpu:0\"]}", cpu.out().trim());
        JsonNode parsed = new ObjectMapper().readTree(cpu.out());
        assertEquals("gpu", parsed.get("name").asText());
        for (var probe : BackendSurvey.probeAll()) {
            Cli.Result r = Cli.run("device-query", "--spark-resources", "--backend", probe.backend());
            if (probe.available()) {
                JsonNode addresses = new ObjectMapper().readTree(r.out()).get("addresses");
                assertEquals(probe.devices().size(), addresses.size(), r::toString);
                String first = probe.backend().equals("cuda") ? "0" : probe.backend() + ":0";
                assertEquals(first, addresses.get(0).asText(), r::toString);
            } else {
                assertEquals(1, r.exit(), r::toString);
                assertTrue(r.err().contains(probe.reason()), r::toString);
                assertEquals("", r.out(), "nothing Spark would read as a device list");
            }
        }
        Cli.Result unknown = Cli.run("device-query", "--spark-resources", "--backend", "tpu");
        assertEquals(1, unknown.exit());
        assertTrue(unknown.err().contains("no backend named 'tpu'"), unknown::toString);
    }

    @Test
    void labelsReadAsWords() {
        assertEquals("Max work group size", DeviceFields.label("maxWorkGroupSize"));
        assertEquals("OpenCL C version", DeviceFields.label("openclCVersion"));
        assertEquals("L2 cache", DeviceFields.label("l2CacheBytes"));
        assertEquals("Max clock MHz", DeviceFields.label("maxClockMHz"));
        assertEquals("1.0 KiB (1024 bytes)", DeviceFields.value("localMemBytes", 1024L));
        assertEquals("yes", DeviceFields.value("fp64", true));
    }

    private static JsonNode find(JsonNode backends, String name) {
        for (JsonNode b : backends) {
            if (b.get("name").asText().equals(name)) {
                return b;
            }
        }
        throw new AssertionError("no backend " + name + " in " + backends);
    }
}
