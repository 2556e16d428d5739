package org.jgpuarray.opencl.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.jgpuarray.device.ProgramCacheStatistics;
import org.jgpuarray.device.UnsupportedCapabilityException;
import org.jgpuarray.kernels.ArgumentList;
import org.jgpuarray.kernels.ElementwiseSpec;
import org.jgpuarray.kernels.ReductionSpec;
import org.jgpuarray.kernels.ScalarType;
import org.jgpuarray.kernels.ScanSpec;
import org.jgpuarray.spi.DeviceBuffer;
import org.jgpuarray.spi.HostArray;
import org.jgpuarray.spi.gpu.GpuDevice;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The real device with reported capabilities overridden: no fp64, small work-groups, little local memory. */
@Tag("opencl")
class SimulatedDeviceTest {

    @Test
    void deviceWithoutFp64RefusesDoubleKernelsBeforeBuilding() {
        try (GpuDevice device = SimulatedDevices.open(SimulatedDevices.withoutFp64())) {
            UnsupportedCapabilityException e = assertThrows(UnsupportedCapabilityException.class,
                    () -> device.compile(ElementwiseSpec.of("dscale", "double *x", "x[i] *= 2")));
            assertEquals("fp64", e.capability());
            assertTrue(e.getMessage().contains("dscale") && e.getMessage().contains("fp64 hidden"), e.getMessage());
            assertThrows(UnsupportedCapabilityException.class, () -> device.compile(new ReductionSpec("dsum",
                    ScalarType.FLOAT64, "0", "a+b", "x[i]", ArgumentList.parse("float *x"), "")));
            assertThrows(UnsupportedCapabilityException.class, () -> device.compile(new ScanSpec("dscan",
                    ScalarType.FLOAT64, "a+b", "0", true, "")));
            assertEquals(0, builds(device), "refused before any build");
            device.compile(ElementwiseSpec.of("fscale", "float *x", "x[i] *= 2"));
            assertEquals(1, builds(device), "float kernels still build");
        }
    }

    @Test
    void reductionsAndScansRunWithABlockOf64() {
        try (GpuDevice device = SimulatedDevices.open(SimulatedDevices.limited(64, 1 << 20))) {
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
            DeviceBuffer in = device.allocate(ScalarType.INT64, n);
            DeviceBuffer out = device.allocate(ScalarType.INT64, n);
            DeviceBuffer result = device.allocate(ScalarType.INT64, 1);
            device.copyFromHost(new HostArray.Longs(x), 0, in, 0, n);
            device.compile(new ReductionSpec("small_sum", ScalarType.INT64, "0", "a+b", "x[i]",
                    ArgumentList.parse("long *x"), "")).launch(n, new Object[] {in}, result);
            long[] total = new long[1];
            device.copyToHost(result, 0, new HostArray.Longs(total), 0, 1);
            assertEquals(sum, total[0], "sum with JGA_BLOCK=64");
            device.compile(new ScanSpec("small_scan", ScalarType.INT64, "a+b", "0", true, "")).launch(n, in, out);
            long[] scanned = new long[n];
            device.copyToHost(out, 0, new HostArray.Longs(scanned), 0, n);
            assertArrayEquals(inclusive, scanned, "inclusive scan with JGA_BLOCK=64");
        }
    }

    private static long builds(GpuDevice device) {
        return device.unwrap(ProgramCacheStatistics.class).orElseThrow().sourceBuilds();
    }
}
