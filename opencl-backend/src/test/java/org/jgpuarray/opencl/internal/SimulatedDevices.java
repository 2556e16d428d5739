package org.jgpuarray.opencl.internal;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jgpuarray.DeviceInfo;
import org.jgpuarray.opencl.OpenClBackend;
import org.jgpuarray.spi.BackendProbe;

/**
 * The first real OpenCL device with some of its reported capabilities overridden, to exercise the
 * paths of devices this machine does not have (no fp64, small work-groups, little local memory).
 */
final class SimulatedDevices {
    private SimulatedDevices() {
    }

    /**
     * A device that exists only as a description: no platform or device id, so nothing may be opened on
     * it; for the logic that works on descriptions alone, such as the device order.
     *
     * @param name its name
     * @param type GPU, ACCELERATOR, CPU, CUSTOM or DEFAULT, as {@link ClDiscovery} names the OpenCL types
     * @param index the index it was found with
     */
    static ClDeviceHandle described(String name, String type, int index) {
        DeviceInfo info = new DeviceInfo(ClDiscovery.BACKEND, index, name, "simulated", type, 1, 1L << 30, false,
                Map.of("deviceType", type));
        return new ClDeviceHandle(null, null, info, "GPU".equals(type), 1L << 28, 256, 32768, true, name);
    }

    /** The first device as discovered; skips the test when OpenCL has no device here. */
    static ClDeviceHandle real() {
        BackendProbe probe = new OpenClBackend().probe();
        if (!probe.available()) {
            System.out.println("SKIPPED: no OpenCL device: " + probe.reason());
        }
        assumeTrue(probe.available(), () -> "no OpenCL device: " + probe.reason());
        return ClDiscovery.devices().get(0);
    }

    /** The first device, claiming it has no double precision. */
    static ClDeviceHandle withoutFp64() {
        ClDeviceHandle h = real();
        DeviceInfo i = h.info();
        Map<String, Object> properties = new LinkedHashMap<>(i.properties());
        properties.put("fp64", false);
        DeviceInfo info = new DeviceInfo(i.backend(), i.index(), i.name() + " (fp64 hidden)", i.vendor(), i.type(),
                i.computeUnits(), i.globalMemoryBytes(), false, properties);
        return new ClDeviceHandle(h.platform(), h.device(), info, h.gpu(), h.maxAllocationBytes(),
                h.maxWorkGroupSize(), h.localMemoryBytes(), h.compilerAvailable(), h.fingerprint());
    }

    /** The first device, claiming smaller work-group and local-memory limits (and to be a GPU). */
    static ClDeviceHandle limited(long maxWorkGroupSize, long localMemoryBytes) {
        ClDeviceHandle h = real();
        return new ClDeviceHandle(h.platform(), h.device(), h.info(), true, h.maxAllocationBytes(),
                maxWorkGroupSize, localMemoryBytes, h.compilerAvailable(), h.fingerprint());
    }
}
