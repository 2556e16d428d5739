package org.jgpuarray.opencl.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jgpuarray.device.DeviceType;

import org.junit.jupiter.api.Test;

/** Block sizes and work-group counts. No device needed. */
class LaunchGeometryTest {

    @Test
    void blockIs256OrTheLargestPowerOfTwoWithinTheLimit() {
        assertEquals(256, LaunchGeometry.blockSize(4096));
        assertEquals(256, LaunchGeometry.blockSize(256));
        assertEquals(128, LaunchGeometry.blockSize(255));
        assertEquals(64, LaunchGeometry.blockSize(100));
        assertEquals(1, LaunchGeometry.blockSize(1));
        assertEquals(1, LaunchGeometry.blockSize(0));
    }

    @Test
    void groupsCoverSmallInputsAndAreCappedForLargeOnes() {
        LaunchGeometry gpu = new LaunchGeometry(true, 132);
        LaunchGeometry cpu = new LaunchGeometry(false, 8);
        assertEquals(1, gpu.elementwiseGroups(1, 256));
        assertEquals(4, gpu.elementwiseGroups(1000, 256));
        assertEquals(132L * 8 * 4, gpu.elementwiseGroups(1L << 40, 256));
        assertEquals(256, gpu.elementwiseLocal(4096));
        assertEquals(1024, cpu.elementwiseLocal(4096), "CPUs vectorize across a work-group: large groups");
        assertEquals(512, cpu.elementwiseLocal(1000));
        assertEquals(1L << 20, cpu.elementwiseGroups(1L << 30, 1024), "one work-item per element on CPUs");
        assertEquals(1L << 22, cpu.elementwiseGroups(1L << 40, 1024), "then grid-stride");
        assertEquals(1, gpu.reductionGroups(0, 256), "an empty reduction still writes the neutral value");
        assertEquals(40, gpu.reductionGroups(10_000, 256));
        assertEquals(gpu.maxReductionGroups(256), gpu.reductionGroups(1L << 33, 256));
        assertEquals(4096, cpu.reductionGroups(1L << 24, 256), "16 elements per work-item on CPUs");
        assertEquals(1 << 16, cpu.reductionGroups(1L << 40, 256));
        assertTrue(gpu.maxReductionGroups(256) <= 4096, "stage 2 loops over at most a few thousand partials");
        assertFalse(new LaunchGeometry(true, 0).computeUnits() < 1);
    }

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
