package org.jgpuarray.cpu;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jgpuarray.device.BackendUnavailableException;
import org.jgpuarray.device.DeviceInfo;
import org.jgpuarray.device.DeviceType;
import org.jgpuarray.spi.Backend;
import org.jgpuarray.spi.BackendDevice;
import org.jgpuarray.device.BackendProbe;

/**
 * The pure-Java backend: always available, runs the same kernel snippets translated to Java and
 * compiled in memory, on all cores. Arrays are Java arrays, so each holds fewer than 2^31 elements.
 */
public final class CpuBackend implements Backend {
    /** The backend's name. */
    public static final String NAME = "cpu";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int priority() {
        return 100;
    }

    @Override
    public int spiVersion() {
        return SPI_VERSION;
    }

    @Override
    public BackendProbe probe() {
        return BackendProbe.available(NAME, List.of(describe()));
    }

    @Override
    public BackendDevice open(int deviceIndex) {
        if (deviceIndex != 0) {
            throw new BackendUnavailableException(NAME, "the CPU backend has one device, 0; asked for " + deviceIndex);
        }
        return new CpuDevice(describe());
    }

    static DeviceInfo describe() {
        Map<String, String> cpu = readCpuInfo();
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("threads", ParallelRanges.parallelism());
        properties.put("javaVersion", System.getProperty("java.version"));
        properties.put("javaVm", System.getProperty("java.vm.name"));
        properties.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        properties.put("kernelCompiler", "Janino (C snippets translated to Java)");
        properties.put("maxArrayElements", Integer.MAX_VALUE - 8);
        return DeviceInfo.builder(NAME, cpu.getOrDefault("model name", System.getProperty("os.arch")), DeviceType.CPU)
                .vendor(cpu.getOrDefault("vendor_id", ""))
                .computeUnits(Runtime.getRuntime().availableProcessors())
                .globalMemoryBytes(Runtime.getRuntime().maxMemory())
                .maxAllocationBytes((long) (Integer.MAX_VALUE - 8) * Long.BYTES)
                .clockMhz(clockMhz(cpu.get("cpu MHz")))
                .driverVersion("Java " + System.getProperty("java.version"))
                .fp64(true)
                .properties(properties)
                .build();
    }

    private static int clockMhz(String text) {
        try {
            return text == null ? 0 : (int) Math.round(Double.parseDouble(text.trim()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Map<String, String> readCpuInfo() {
        Map<String, String> fields = new LinkedHashMap<>();
        Path info = Path.of("/proc/cpuinfo");
        if (!Files.isReadable(info)) {
            return fields;
        }
        try (Stream<String> lines = Files.lines(info)) {
            lines.map(l -> l.split(":", 2)).filter(kv -> kv.length == 2)
                    .forEach(kv -> fields.putIfAbsent(kv[0].trim(), kv[1].trim()));
        } catch (IOException | RuntimeException e) {
            fields.clear();
        }
        return fields;
    }
}
