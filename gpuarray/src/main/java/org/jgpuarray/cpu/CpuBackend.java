package org.jgpuarray.cpu;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jgpuarray.BackendUnavailableException;
import org.jgpuarray.DeviceInfo;
import org.jgpuarray.spi.Backend;
import org.jgpuarray.spi.BackendDevice;
import org.jgpuarray.spi.BackendProbe;

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
        return new DeviceInfo(NAME, 0, cpu.getOrDefault("model name", System.getProperty("os.arch")),
                cpu.getOrDefault("vendor_id", ""), "CPU", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory(), true, properties);
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
