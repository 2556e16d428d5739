package org.jgpuarray.opencl.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.jgpuarray.UnsupportedCapabilityException;
import org.jgpuarray.kernels.ArgumentList;
import org.jgpuarray.kernels.ElementwiseSpec;
import org.jgpuarray.kernels.ReductionSpec;
import org.jgpuarray.kernels.ScalarType;
import org.jgpuarray.kernels.ScanSpec;
import org.jgpuarray.opencl.ProgramCacheSettings;
import org.jgpuarray.spi.DeviceBuffer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The real device with reported capabilities overridden: no fp64, small work-groups, little local memory. */
@Tag("opencl")
class SimulatedDeviceTest {

    @Test
    void deviceWithoutFp64RefusesDoubleKernelsBeforeBuilding() {
        try (ClRuntime runtime = ClRuntime.open(SimulatedDevices.withoutFp64(), ProgramCacheSettings.disabled())) {
            KernelFactory kernels = runtime.kernels();
            UnsupportedCapabilityException e = assertThrows(UnsupportedCapabilityException.class,
                    () -> kernels.elementwise(ElementwiseSpec.of("dscale", "double *x", "x[i] *= 2")));
            assertEquals("fp64", e.capability());
            assertTrue(e.getMessage().contains("dscale") && e.getMessage().contains("fp64 hidden"), e.getMessage());
            assertThrows(UnsupportedCapabilityException.class, () -> kernels.reduction(new ReductionSpec("dsum",
                    ScalarType.FLOAT64, "0", "a+b", "x[i]", ArgumentList.parse("float *x"), "")));
            assertThrows(UnsupportedCapabilityException.class, () -> kernels.scan(new ScanSpec("dscan",
                    ScalarType.FLOAT64, "a+b", "0", true, "")));
            assertEquals(0, runtime.programs().statistics().sourceBuilds(), "refused before any build");
            kernels.elementwise(ElementwiseSpec.of("fscale", "float *x", "x[i] *= 2"));
            assertEquals(1, runtime.programs().statistics().sourceBuilds(), "float kernels still build");
        }
    }

    @Test
    void blockSizeFollowsWorkGroupAndLocalMemoryLimits() {
        try (ClRuntime runtime = ClRuntime.open(SimulatedDevices.limited(1024, 16384), ProgramCacheSettings.disabled())) {
            assertEquals(256, runtime.kernels().firstBlock(4, 1), "reduction of floats");
            assertEquals(256, runtime.kernels().firstBlock(4, 8), "scan of floats: 10.3 KiB");
            assertEquals(128, runtime.kernels().firstBlock(8, 8), "scan of doubles: 18.5 KiB at 256 does not fit");
        }
        try (ClRuntime runtime = ClRuntime.open(SimulatedDevices.limited(100, 1 << 20), ProgramCacheSettings.disabled())) {
            assertEquals(64, runtime.kernels().firstBlock(8, 8), "largest power of two within 100");
        }
    }

    @Test
    void reductionsAndScansRunWithABlockOf64() {
        try (ClRuntime runtime = ClRuntime.open(SimulatedDevices.limited(64, 1 << 20), ProgramCacheSettings.disabled())) {
            int n = 300_007; // two levels of tile totals with tiles of 64 * 8
            long[] x = new long[n];
            Random r = new Random(64);
            long sum = 0;
            long[] inclusive = new long[n];
            for (int k = 0; k < n; k++) {
                x[k] = r.nextInt(2001) - 1000;
                sum += x[k];
                inclusive[k] = sum;
            }
            ClMemory memory = runtime.memory();
            DeviceBuffer in = memory.allocate(8L * n);
            DeviceBuffer out = memory.allocate(8L * n);
            DeviceBuffer result = memory.allocate(8);
            memory.write(x, 0, in, 0, n);
            runtime.kernels().reduction(new ReductionSpec("small_sum", ScalarType.INT64, "0", "a+b", "x[i]",
                    ArgumentList.parse("long *x"), "")).launch(n, new Object[] {in}, result);
            long[] total = new long[1];
            memory.read(result, 0, total, 0, 1);
            assertEquals(sum, total[0], "sum with JGA_BLOCK=64");
            runtime.kernels().scan(new ScanSpec("small_scan", ScalarType.INT64, "a+b", "0", true, ""))
                    .launch(n, in, out);
            long[] scanned = new long[n];
            memory.read(out, 0, scanned, 0, n);
            assertArrayEquals(inclusive, scanned, "inclusive scan with JGA_BLOCK=64");
        }
    }
}
