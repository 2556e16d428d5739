package org.jgpuarray.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jgpuarray.device.DeviceInfo;
import org.jgpuarray.device.DeviceType;
import org.junit.jupiter.api.Test;

/** GPU addresses: CUDA ordinals as NVIDIA's scripts write them, backend:index for the others. */
class GpuAddressTest {
    @Test
    void bareOrdinalsAreCudaDevices() {
        assertEquals(new GpuAddress("cuda", 3), GpuAddress.parse("3"));
        assertEquals(new GpuAddress("cuda", 0), GpuAddress.parse(" 0 "));
        assertEquals("3", new GpuAddress("cuda", 3).toString());
    }

    @Test
    void otherBackendsAreNamed() {
        assertEquals(new GpuAddress("opencl", 1), GpuAddress.parse("opencl:1"));
        assertEquals(new GpuAddress("opencl", 12), GpuAddress.parse("OpenCL:12"));
        assertEquals("opencl:1", new GpuAddress("opencl", 1).toString());
        assertEquals("cpu:0", GpuAddress.of(DeviceInfo.builder("cpu", "x", DeviceType.CPU).build()));
    }

    @Test
    void malformedAddressesAreRefusedByName() {
        for (String bad : List.of("", "gpu", "-1", "opencl:", ":1", "opencl:x", "1.5", "99999999999")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GpuAddress.parse(bad));
            assertTrue(e.getMessage().contains("'" + bad + "'"), e.getMessage());
        }
    }

    @Test
    void discoveryJsonIsSparksResourceFormat() {
        List<DeviceInfo> devices = List.of(DeviceInfo.builder("cuda", "a", DeviceType.GPU).index(0).build(),
                DeviceInfo.builder("cuda", "b", DeviceType.GPU).index(1).build());
        assertEquals("{\"name\": \"gpu\", \"addresses\": [\"0\", \"1\"]}", GpuDiscovery.json("gpu", devices));
        assertEquals("{\"name\": \"gpu\", \"addresses\": []}", GpuDiscovery.json("gpu", List.of()));
    }
}
