package org.jgpuarray.opencl.internal;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jgpuarray.device.DeviceInfo;
import org.jgpuarray.spi.gpu.GpuDevice;
import org.jgpuarray.spi.gpu.CacheSettings;
import org.jgpuarray.device.DeviceType;
import org.jgpuarray.opencl.OpenClBackend;
import org.jgpuarray.device.BackendProbe;

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
        DeviceInfo info = DeviceInfo.builder(ClDiscovery.BACKEND, name, ClDiscovery.deviceType(type)).index(index)
                .vendor("simulated").globalMemoryBytes(1L << 30).maxAllocationBytes(1L << 28).maxWorkGroupSize(256)
                .localMemoryBytes(32768).properties(Map.of("deviceType", type)).build();
        return new ClDeviceHandle(null, null, info, true, name, new long[] {256, 256, 256});
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
        return h.with(copy(i, i.name() + " (fp64 hidden)", i.type(), i.maxWorkGroupSize(), i.localMemoryBytes())
                .fp64(false).properties(properties).build());
    }

    /** The first device, claiming smaller work-group and local-memory limits (and to be a GPU). */
    static ClDeviceHandle limited(int maxWorkGroupSize, long localMemoryBytes) {
        ClDeviceHandle h = real();
        DeviceInfo i = h.info();
        return h.with(copy(i, i.name(), DeviceType.GPU, maxWorkGroupSize, localMemoryBytes).fp64(i.fp64())
                .properties(i.properties()).build());
    }

    /** Opens a device over a (simulated) handle, with no disk cache. */
    static GpuDevice open(ClDeviceHandle handle) {
        return new GpuDevice(OpenClDriver.open(handle), CacheSettings.disabled(), OpenClBackend.NAME);
    }

    private static DeviceInfo.Builder copy(DeviceInfo i, String name, DeviceType type, int maxWorkGroupSize,
                                           long localMemoryBytes) {
        return DeviceInfo.builder(i.backend(), name, type).index(i.index()).vendor(i.vendor())
                .computeUnits(i.computeUnits()).globalMemoryBytes(i.globalMemoryBytes())
                .maxAllocationBytes(i.maxAllocationBytes()).localMemoryBytes(localMemoryBytes)
                .maxWorkGroupSize(maxWorkGroupSize).clockMhz(i.clockMhz()).driverVersion(i.driverVersion());
    }
}
