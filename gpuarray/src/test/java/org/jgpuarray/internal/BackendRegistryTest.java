package org.jgpuarray.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.jgpuarray.BackendUnavailableException;
import org.jgpuarray.DeviceInfo;
import org.jgpuarray.spi.BackendProbe;
import org.junit.jupiter.api.Test;

class BackendRegistryTest {
    private static final BackendProbe TWO_DEVICES = BackendProbe.available("opencl", List.of(
            new DeviceInfo("opencl", 0, "NVIDIA H100", "NVIDIA", "GPU", 132, 80L << 30, true, Map.of()),
            new DeviceInfo("opencl", 1, "pthread-Intel Xeon", "Portable CL", "CPU", 2, 8L << 30, true, Map.of())));

    @Test
    void choosesDevicesByIndexOrName() {
        assertEquals(0, BackendRegistry.deviceIndex(TWO_DEVICES, null));
        assertEquals(1, BackendRegistry.deviceIndex(TWO_DEVICES, "1"));
        assertEquals(1, BackendRegistry.deviceIndex(TWO_DEVICES, "portable"));
        assertEquals(0, BackendRegistry.deviceIndex(TWO_DEVICES, "h100"));
        BackendUnavailableException e = assertThrows(BackendUnavailableException.class,
                () -> BackendRegistry.deviceIndex(TWO_DEVICES, "7"));
        assertTrue(e.getMessage().contains("only 2"), e.getMessage());
        e = assertThrows(BackendUnavailableException.class, () -> BackendRegistry.deviceIndex(TWO_DEVICES, "radeon"));
        assertTrue(e.getMessage().contains("no device matches 'radeon'"), e.getMessage());
    }

    @Test
    void theCpuBackendIsAlwaysFound() {
        assertTrue(BackendRegistry.find("cpu").isPresent());
        assertTrue(BackendRegistry.find("cpu").orElseThrow().probe().available());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BackendRegistry.open("vulkan", null));
        assertTrue(e.getMessage().contains("unknown backend 'vulkan'"), e.getMessage());
    }
}
