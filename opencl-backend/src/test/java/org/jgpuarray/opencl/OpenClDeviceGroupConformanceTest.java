package org.jgpuarray.opencl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.jgpuarray.GpuContext;
import org.jgpuarray.conformance.DeviceGroupConformance;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The device-group suite on OpenCL, run (as {@link OpenClMultiDeviceConformanceTest}) where PoCL exposes two
 * devices, so that the group's members are different OpenCL devices.
 */
@Tag("opencl")
class OpenClDeviceGroupConformanceTest extends DeviceGroupConformance {
    @Override
    protected String backend() {
        return "opencl";
    }

    /** Proves the build's set-up: where POCL_DEVICES asks for several devices, PoCL lists that many. */
    @Test
    void poclListsTheDevicesItWasAskedFor() {
        String requested = System.getenv("POCL_DEVICES");
        assumeTrue(requested != null && !requested.isBlank(), "POCL_DEVICES is not set for this JVM");
        long pocl = GpuContext.devices("opencl").stream()
                .filter(d -> String.valueOf(d.properties().get("platformName")).contains("Portable Computing Language"))
                .count();
        assertEquals(requested.trim().split("\\s+").length, pocl, "PoCL devices for POCL_DEVICES=" + requested);
    }
}
