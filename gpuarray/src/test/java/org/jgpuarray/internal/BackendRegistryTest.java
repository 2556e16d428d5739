package org.jgpuarray.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.jgpuarray.device.BackendUnavailableException;
import org.jgpuarray.device.DeviceInfo;
import org.jgpuarray.device.DeviceType;
import org.jgpuarray.device.BackendProbe;
import org.jgpuarray.spi.Backend;
import org.junit.jupiter.api.Test;

class BackendRegistryTest {
    private static final BackendProbe TWO_DEVICES = BackendProbe.available("opencl", List.of(
            DeviceInfo.builder("opencl", "NVIDIA H100", DeviceType.GPU).vendor("NVIDIA").computeUnits(132)
                    .globalMemoryBytes(80L << 30).fp64(true).build(),
            DeviceInfo.builder("opencl", "pthread-Intel Xeon", DeviceType.CPU).index(1).vendor("Portable CL")
                    .computeUnits(2).globalMemoryBytes(8L << 30).fp64(true).build()));

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
        assertTrue(BackendRegistry.find("cpu").probe().available());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BackendRegistry.open("vulkan", null));
        assertTrue(e.getMessage().contains("unknown backend 'vulkan'"), e.getMessage());
        assertTrue(e.getMessage().contains("backends present: [cpu]"), e.getMessage());
    }

    @Test
    void aMissingProjectBackendNamesItsArtifact() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BackendRegistry.open("opencl", null));
        assertTrue(e.getMessage().contains("org.jgpuarray:jgpuarray-opencl"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> BackendRegistry.open(" CUDA ", null));
        assertTrue(e.getMessage().contains("org.jgpuarray:jgpuarray-cuda"), e.getMessage());
    }

    @Test
    void blankNamesAreRefusedInsteadOfPickingABackend() {
        for (String blank : new String[] {"", " ", "\t"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> BackendRegistry.open(blank, null));
            assertTrue(e.getMessage().contains("blank"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> BackendRegistry.open("cpu", "  "));
    }

    @Test
    void thePropertyWinsOverTheEnvironmentVariable() {
        Map<String, String> properties = Map.of(BackendRegistry.BACKEND_PROPERTY, "cpu");
        Map<String, String> environment = Map.of(BackendRegistry.BACKEND_VARIABLE, "vulkan");
        try (var device = BackendRegistry.open(null, null, properties::get, environment::get)) {
            assertEquals("cpu", device.info().backend());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BackendRegistry.open(null, null, k -> null, environment::get));
        assertTrue(e.getMessage().contains("vulkan"), e.getMessage());
    }

    @Test
    void discoveryKeepsTheFirstOfTwoBackendsWithOneNameAndRefusesOtherSpiVersions() {
        Backend first = new NamedBackend("twin", Backend.SPI_VERSION, 5);
        Backend second = new NamedBackend("twin", Backend.SPI_VERSION, 9);
        Backend old = new NamedBackend("old", Backend.SPI_VERSION - 1, 7);
        Backend good = new NamedBackend("good", Backend.SPI_VERSION, 1);
        List<Backend> found = BackendRegistry.discover(List.of(first, second, old, good).iterator());
        assertEquals(List.of(first, good), found);
    }

    @Test
    void discoveryIsDoneOnce() {
        assertSame(BackendRegistry.backends(), BackendRegistry.backends());
    }

    /** A backend that only has a name, a version and a priority. */
    private record NamedBackend(String name, int spiVersion, int priority) implements Backend {
        @Override
        public BackendProbe probe() {
            return BackendProbe.unavailable(name, "test backend");
        }

        @Override
        public org.jgpuarray.spi.BackendDevice open(int deviceIndex) {
            throw new UnsupportedOperationException();
        }
    }
}
