package org.jgpuarray.opencl.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jgpuarray.device.DeviceType;

import org.junit.jupiter.api.Test;

/** Device ordering, types and fp64 detection. No device needed. */
class ClDiscoveryTest {

    @Test
    void deviceTypeRanksAndFp64Detection() {
        assertTrue(ClDiscovery.typeRank(DeviceType.GPU) < ClDiscovery.typeRank(DeviceType.ACCELERATOR));
        assertTrue(ClDiscovery.typeRank(DeviceType.ACCELERATOR) < ClDiscovery.typeRank(DeviceType.CPU));
        assertEquals(DeviceType.ACCELERATOR, ClDiscovery.deviceType("CUSTOM"));
        assertEquals(DeviceType.CPU, ClDiscovery.deviceType("CPU"));
        assertEquals("GPU", ClDiscovery.typeName(org.jocl.CL.CL_DEVICE_TYPE_GPU | org.jocl.CL.CL_DEVICE_TYPE_DEFAULT));
        assertTrue(ClDiscovery.hasFp64("cl_khr_icd cl_khr_fp64 cl_khr_int64", 0));
        assertTrue(ClDiscovery.hasFp64("cl_amd_fp64", 0));
        assertTrue(ClDiscovery.hasFp64("", 63));
        assertFalse(ClDiscovery.hasFp64("cl_khr_fp16 cl_khr_fp64_extended", 0));
    }
}
