package org.jgpuarray.opencl.internal;

import static org.jgpuarray.opencl.internal.SimulatedDevices.described;
import static org.jocl.CL.CL_DEVICE_TYPE_ACCELERATOR;
import static org.jocl.CL.CL_DEVICE_TYPE_CPU;
import static org.jocl.CL.CL_DEVICE_TYPE_CUSTOM;
import static org.jocl.CL.CL_DEVICE_TYPE_DEFAULT;
import static org.jocl.CL.CL_DEVICE_TYPE_GPU;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.jgpuarray.device.DeviceType;
import org.junit.jupiter.api.Test;

/**
 * The device order of {@code JGPUARRAY_DEVICE} and {@code GpuContext.create()}, on constructed device
 * descriptions, so that it is checked on every machine whatever devices it has (none needed).
 */
class ClDiscoveryOrderTest {
    @Test
    void devicesAreIndexedGpusFirst() {
        List<ClDeviceHandle> found = List.of(described("pocl cpu", "CPU", 0), described("gpu a", "GPU", 0),
                described("fpga", "ACCELERATOR", 0), described("custom", "CUSTOM", 0), described("gpu b", "GPU", 0),
                described("second cpu", "CPU", 0));
        List<ClDeviceHandle> ordered = ClDiscovery.inPreferenceOrder(found);
        assertEquals(List.of("gpu a", "gpu b", "fpga", "custom", "pocl cpu", "second cpu"),
                ordered.stream().map(ClDeviceHandle::name).toList(),
                "GPUs, accelerators (custom devices count as accelerators), CPUs; stable");
        for (int k = 0; k < ordered.size(); k++) {
            assertEquals(k, ordered.get(k).info().index(), "index of " + ordered.get(k).name());
        }
        assertEquals(List.of(true, true, false, false, false, false),
                ordered.stream().map(h -> h.info().type() == DeviceType.GPU).toList());
    }

    @Test
    void noDevicesStayNoDevices() {
        assertEquals(List.of(), ClDiscovery.inPreferenceOrder(List.of()));
    }

    @Test
    void typeNamesFollowTheMostSpecificBit() {
        assertEquals("GPU", ClDiscovery.typeName(CL_DEVICE_TYPE_GPU | CL_DEVICE_TYPE_DEFAULT));
        assertEquals("ACCELERATOR", ClDiscovery.typeName(CL_DEVICE_TYPE_ACCELERATOR));
        assertEquals("CPU", ClDiscovery.typeName(CL_DEVICE_TYPE_CPU | CL_DEVICE_TYPE_DEFAULT));
        assertEquals("CUSTOM", ClDiscovery.typeName(CL_DEVICE_TYPE_CUSTOM));
        assertEquals("DEFAULT", ClDiscovery.typeName(CL_DEVICE_TYPE_DEFAULT));
    }
}
