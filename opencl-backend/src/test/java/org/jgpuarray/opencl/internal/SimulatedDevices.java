package org.jgpuarray.opencl.internal;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jgpuarray.device.DeviceInfo;
import org.jgpuarray.opencl.OpenClBackend;
import org.jgpuarray.device.BackendProbe;

/**
 * The first real OpenCL device with some of its reported capabilities overridden, to exercise the
 * paths of devices this machine does not have (no fp64, small work-groups, little local memory).
 */
final class SimulatedDevices {
    private SimulatedDevices() {
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
        DeviceInfo info = DeviceInfo.builder(i.backend(), i.name() + " (fp64 hidden)", i.type()).index(i.index())
                .vendor(i.vendor()).computeUnits(i.computeUnits()).globalMemoryBytes(i.globalMemoryBytes())
                .maxAllocationBytes(i.maxAllocationBytes()).localMemoryBytes(i.localMemoryBytes())
                .maxWorkGroupSize(i.maxWorkGroupSize()).clockMhz(i.clockMhz()).driverVersion(i.driverVersion())
                .fp64(false).properties(properties).build();
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
