package org.jgpuarray.spi.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jgpuarray.device.DeviceInfo;
import org.jgpuarray.device.DeviceType;
import org.junit.jupiter.api.Test;

/** Block sizes and grid sizes for GPUs and CPU devices. No device needed. */
class LaunchGeometryTest {
    private static LaunchGeometry geometry(DeviceType type, int units, long maxBlock, long localBytes) {
        DeviceInfo info = DeviceInfo.builder("test", "device", type).computeUnits(units).localMemoryBytes(localBytes)
                .maxWorkGroupSize((int) maxBlock).build();
        return new LaunchGeometry(info, new LaunchLimits(new long[] {1L << 31, 65535, 65535},
                new long[] {maxBlock, maxBlock, 64}, maxBlock, localBytes, localBytes));
    }

    @Test
    void groupsCoverSmallInputsAndAreCappedForLargeOnes() {
        LaunchGeometry gpu = geometry(DeviceType.GPU, 132, 1024, 48 * 1024);
        LaunchGeometry cpu = geometry(DeviceType.CPU, 8, 4096, 1 << 20);
        assertEquals(1, gpu.elementwiseBlocks(1, 256));
        assertEquals(4, gpu.elementwiseBlocks(1000, 256));
        assertEquals(132L * 8 * 4, gpu.elementwiseBlocks(1L << 40, 256), "four waves of resident blocks");
        assertEquals(256, gpu.elementwiseBlock(4096));
        assertEquals(1024, cpu.elementwiseBlock(4096), "CPUs vectorize across a work-group: large groups");
        assertEquals(512, cpu.elementwiseBlock(1000));
        assertEquals(1L << 20, cpu.elementwiseBlocks(1L << 30, 1024), "one work-item per element on CPUs");
        assertEquals(1L << 22, cpu.elementwiseBlocks(1L << 40, 1024), "then grid-stride");
        assertEquals(1, gpu.reductionBlocks(0, 256), "an empty reduction still writes the neutral value");
        assertEquals(40, gpu.reductionBlocks(10_000, 256));
        assertEquals(132L * 8 * 2, gpu.reductionBlocks(1L << 33, 256), "two waves");
        assertEquals(4096, cpu.reductionBlocks(1L << 24, 256), "16 elements per work-item on CPUs");
        assertEquals(1 << 16, cpu.reductionBlocks(1L << 40, 256));
    }

    @Test
    void cpuElementwiseGroupsCoverTheInputExactlyWhereAPowerOfTwoOfAtLeast64DividesIt() {
        LaunchGeometry cpu = geometry(DeviceType.CPU, 8, 4096, 1 << 20);
        LaunchGeometry gpu = geometry(DeviceType.GPU, 132, 1024, 48 * 1024);
        assertEquals(1024, cpu.elementwiseCoveringBlock(1L << 24, 1024), "already whole groups");
        assertEquals(64, cpu.elementwiseCoveringBlock(64L * 250_001, 1024));
        assertEquals(256, cpu.elementwiseCoveringBlock(256L * 62_501, 1024));
        assertEquals(512, cpu.elementwiseCoveringBlock(3L * 2048, 512), "never above the kernel's block");
        assertEquals(1024, cpu.elementwiseCoveringBlock(32L * 3, 1024), "32 is too small a group: loop instead");
        assertEquals(1024, cpu.elementwiseCoveringBlock(1_000_003, 1024), "odd: loop");
        assertEquals(1024, cpu.elementwiseCoveringBlock(64L * ((1L << 22) + 1), 1024), "too many groups of 64");
        assertEquals(256, gpu.elementwiseCoveringBlock(64L * 250_001, 256), "GPUs keep their block");
    }

    @Test
    void blockSizeFollowsWorkGroupAndLocalMemoryLimits() {
        LaunchGeometry limited = geometry(DeviceType.GPU, 4, 1024, 16384);
        assertEquals(256, limited.block(4, 1), "reduction of floats");
        assertEquals(256, limited.block(4, 8), "scan of floats: 10.3 KiB");
        assertEquals(128, limited.block(8, 8), "scan of doubles: 18.5 KiB at 256 does not fit");
        assertEquals(64, geometry(DeviceType.GPU, 4, 100, 1 << 20).block(8, 8), "largest power of two within 100");
        assertEquals(1, geometry(DeviceType.GPU, 1, 1, 1 << 20).elementwiseBlock(1024));
    }

    @Test
    void cpuScansWorkSequentiallyPerThread() {
        LaunchGeometry cpu = geometry(DeviceType.CPU, 2, 4096, 1 << 20);
        assertEquals(LaunchGeometry.CPU_SCAN_ITEMS, cpu.scanItems(8));
        assertEquals(LaunchGeometry.CPU_SCAN_BLOCK, cpu.block(8, cpu.scanItems(8)));
        LaunchGeometry tight = geometry(DeviceType.CPU, 2, 4096, 32 * 1024);
        assertTrue(tight.scanItems(8) < LaunchGeometry.CPU_SCAN_ITEMS, "fewer items when local memory is small");
        assertTrue(LaunchGeometry.localBytes(LaunchGeometry.CPU_SCAN_BLOCK, 8, tight.scanItems(8)) <= 32 * 1024);
        assertEquals(8, geometry(DeviceType.GPU, 2, 1024, 48 * 1024).scanItems(8));
    }
}
