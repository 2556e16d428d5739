package org.jgpuarray.opencl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import org.jgpuarray.device.BackendUnavailableException;
import org.jgpuarray.device.DeviceInfo;
import org.jgpuarray.device.DeviceType;
import org.jgpuarray.GpuContext;
import org.jgpuarray.opencl.internal.LibraryOpener;
import org.jgpuarray.spi.Backend;
import org.jgpuarray.device.BackendProbe;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Discovery, the probe's fields, and the one-line reasons of an unavailable backend. */
class OpenClBackendProbeTest {

    @Test
    void registeredForServiceLoaderWithPriority200() {
        Backend found = ServiceLoader.load(Backend.class).stream().map(ServiceLoader.Provider::get)
                .filter(b -> b.name().equals("opencl")).findFirst().orElseThrow();
        assertInstanceOf(OpenClBackend.class, found);
        assertEquals(200, found.priority());
    }

    @Test
    void missingNativeLibraryIsAnUnavailableProbeNotAnError() {
        BackendProbe probe = OpenClBackend.discover(() -> {
            throw new UnsatisfiedLinkError("Error while loading native library \"JOCL_2_0_5-linux-x86_64\"\nmore");
        }).probe();
        assertFalse(probe.available());
        assertEquals("JOCL's native library did not load: Error while loading native library"
                + " \"JOCL_2_0_5-linux-x86_64\"", probe.reason());
    }

    @Test
    void onlyTheVersionedIcdLoaderNamesTheCauseAndNeverTouchesJocl() {
        LibraryOpener onlySo1 = name -> name.equals("libOpenCL.so.1") ? Optional.empty()
                : Optional.of(name + ": cannot open shared object file: No such file or directory");
        BackendProbe probe = OpenClBackend.discover(onlySo1, () -> {
            throw new AssertionError("JOCL's class initialiser must not run: it prints to standard output");
        }).probe();
        assertFalse(probe.available());
        assertEquals("JOCL needs the unversioned libOpenCL.so (Debian/Ubuntu: apt-get install ocl-icd-opencl-dev);"
                + " this machine has libOpenCL.so.1 only", probe.reason());
    }

    @Test
    void noIcdLoaderNamesTheCauseAndNeverTouchesJocl() {
        BackendProbe probe = OpenClBackend.discover(name -> Optional.of(name + ": cannot open shared object file"),
                () -> {
                    throw new AssertionError("JOCL's class initialiser must not run: it prints to standard output");
                }).probe();
        assertFalse(probe.available());
        assertTrue(probe.reason().startsWith("no OpenCL ICD loader (neither libOpenCL.so nor libOpenCL.so.1"),
                probe.reason());
    }

    @Test
    void aLoadableIcdLoaderGoesOnToDiscovery() {
        BackendProbe probe = OpenClBackend.discover(name -> Optional.empty(), List::of).probe();
        assertTrue(probe.reason().startsWith("no OpenCL platform"), probe.reason());
    }

    @Test
    void zeroPlatformsIsAnUnavailableProbe() {
        BackendProbe probe = OpenClBackend.discover(List::of).probe();
        assertFalse(probe.available());
        assertTrue(probe.reason().startsWith("no OpenCL platform"), probe.reason());
    }

    @Test
    void failingQueryIsAnUnavailableProbe() {
        BackendProbe probe = OpenClBackend.discover(() -> {
            throw new IllegalStateException("clGetPlatformIDs failed: CL_OUT_OF_HOST_MEMORY (-6)\nmore");
        }).probe();
        assertFalse(probe.available());
        assertEquals("OpenCL probe failed: clGetPlatformIDs failed: CL_OUT_OF_HOST_MEMORY (-6)", probe.reason());
    }

    @Test
    @Tag("opencl")
    void everyDeviceReportsThePyOpenClProbeFields() {
        BackendProbe probe = OpenClTestDevices.assumeOpenCl();
        for (DeviceInfo d : probe.devices()) {
            assertEquals("opencl", d.backend());
            assertFalse(d.name().isBlank(), "name");
            assertFalse(d.vendor().isBlank(), "vendor");
            String raw = (String) d.properties().get("deviceType");
            assertEquals(raw.equals("GPU") ? DeviceType.GPU : raw.equals("CPU") ? DeviceType.CPU : DeviceType.ACCELERATOR,
                    d.type(), d.name());
            assertTrue(d.computeUnits() > 0, "compute units");
            assertTrue(d.globalMemoryBytes() > 0, "global memory");
            for (String key : List.of("platformName", "platformVendor", "platformVersion", "platformProfile",
                    "deviceVersion", "driverVersion", "openclCVersion")) {
                assertFalse(String.valueOf(d.properties().get(key)).isBlank(), key + " of " + d.name());
            }
            for (String key : List.of("maxClockMHz", "localMemoryBytes", "constantMemoryBytes", "maxAllocationBytes",
                    "maxWorkGroupSize")) {
                assertTrue(((Number) d.properties().get(key)).longValue() > 0, key + " of " + d.name());
            }
            assertEquals(d.fp64(), d.properties().get("fp64"));
            assertEquals(d.properties().get("maxAllocationBytes"), d.maxAllocationBytes(), "typed max allocation");
            assertEquals(d.properties().get("localMemoryBytes"), d.localMemoryBytes(), "typed local memory");
            assertEquals(((Number) d.properties().get("maxWorkGroupSize")).intValue(), d.maxWorkGroupSize());
            assertEquals(d.properties().get("driverVersion"), d.driverVersion());
        }
    }

    /** The order itself (GPUs first) is checked on constructed devices by {@code ClDiscoveryOrderTest}. */
    @Test
    @Tag("opencl")
    void devicesAreIndexedFromZeroInProbeOrder() {
        List<DeviceInfo> devices = OpenClTestDevices.assumeOpenCl().devices();
        for (int k = 0; k < devices.size(); k++) {
            assertEquals(k, devices.get(k).index(), devices.toString());
        }
    }

    @Test
    @Tag("opencl")
    void contextsOpenByNameAndByDeviceChoice() {
        BackendProbe probe = OpenClTestDevices.assumeOpenCl();
        try (GpuContext byName = GpuContext.create("opencl")) {
            assertEquals("opencl", byName.backendName());
            assertEquals(probe.devices().get(0).name(), byName.device().name());
        }
        String part = probe.devices().get(0).name().substring(0, 3);
        try (GpuContext byPart = GpuContext.create("opencl", part)) {
            assertEquals("opencl", byPart.backendName());
        }
        assertThrows(BackendUnavailableException.class, () -> new OpenClBackend().open(probe.devices().size()));
    }

    @Test
    @Tag("opencl")
    void automaticChoicePrefersOpenClToTheCpu() {
        OpenClTestDevices.assumeOpenCl();
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("JGPUARRAY_BACKEND") == null,
                "JGPUARRAY_BACKEND is set");
        try (GpuContext ctx = GpuContext.create()) {
            assertEquals("opencl", ctx.backendName(), "no CUDA on this class path: OpenCL (200) beats the CPU (100)");
        }
    }
}
