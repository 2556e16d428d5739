package org.jgpuarray.cuda;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jgpuarray.device.DeviceInfo;
import org.jgpuarray.cuda.internal.CudaDriver;
import org.jgpuarray.cuda.internal.DeviceLibraries;
import org.jgpuarray.cuda.internal.DriverLibrary;
import org.jgpuarray.cuda.internal.compiler.CompilerCandidate;
import org.jgpuarray.cuda.internal.compiler.CompilerSelection;
import org.jgpuarray.kernels.ArgumentList;
import org.jgpuarray.kernels.ElementwiseSpec;
import org.jgpuarray.kernels.ReductionSpec;
import org.jgpuarray.kernels.ScalarType;
import org.jgpuarray.kernels.ScanSpec;
import org.jgpuarray.spi.DeviceBuffer;
import org.jgpuarray.spi.HostArray;
import org.jgpuarray.spi.gpu.CacheSettings;
import org.jgpuarray.spi.gpu.GpuDevice;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;

/**
 * On a real GPU, every compiler found on the machine (not only the chosen one) builds kernels that
 * load and compute right: an elementwise kernel, a reduction and a multi-tile scan, uncached.
 */
@Tag("cuda")
@Tag("gpu")
class CudaCompilerPathsTest {
    @TestFactory
    Stream<DynamicTest> everyCompilerFoundRunsKernels() {
        DeviceInfo info = CudaDeviceTest.requireCuda(getClass().getSimpleName()).devices().get(0);
        List<DynamicTest> tests = new ArrayList<>();
        for (String id : CompilerSelection.IDS) {
            CompilerCandidate c = CompilerSelection.candidate(id, System::getenv, CompilerSelection.DEFAULT_TOOLKITS);
            if (c.compiler() == null) {
                System.out.println("compiler " + id + " absent: " + c.reason());
                continue;
            }
            tests.add(DynamicTest.dynamicTest(c.compiler().description(), () -> exercise(info, c)));
        }
        return tests.stream();
    }

    private static void exercise(DeviceInfo info, CompilerCandidate c) {
        try (GpuDevice device = new GpuDevice(CudaDriver.open(info, c.compiler(), DriverLibrary.status().driverVersion(),
                (d, b) -> DeviceLibraries.NONE), CacheSettings.disabled(), CudaBackend.NAME)) {
            System.out.println(c.compiler().description() + " -> "
                    + device.unwrap(CudaFeatures.class).orElseThrow().compileTarget());
            int n = 5000;
            float[] x = new float[n];
            float[] y = new float[n];
            int[] ones = new int[n];
            for (int k = 0; k < n; k++) {
                x[k] = k % 13;
                y[k] = k % 7;
                ones[k] = 1;
            }
            DeviceBuffer gx = device.allocate(ScalarType.FLOAT32, n);
            DeviceBuffer gy = device.allocate(ScalarType.FLOAT32, n);
            DeviceBuffer sum = device.allocate(ScalarType.FLOAT32, 1);
            DeviceBuffer gi = device.allocate(ScalarType.INT32, n);
            device.copyFromHost(HostArray.of(x), 0, gx, 0, n);
            device.copyFromHost(HostArray.of(y), 0, gy, 0, n);
            device.copyFromHost(HostArray.of(ones), 0, gi, 0, n);
            device.compile(ElementwiseSpec.of("axpy_path", "float a, float *x, float *y", "y[i] = a * x[i] + y[i]"))
                    .launch(n, new Object[] {2f, gx, gy});
            device.compile(new ReductionSpec("sum_path", ScalarType.FLOAT32, "0", "a + b", "y[i]",
                    ArgumentList.parse("float *y"), "")).launch(n, new Object[] {gy}, sum);
            device.compile(new ScanSpec("count_path", ScalarType.INT32, "a + b", "0", true, "")).launch(n, gi, gi);
            float[] out = new float[n];
            float[] total = new float[1];
            int[] counts = new int[n];
            device.copyToHost(gy, 0, HostArray.of(out), 0, n);
            device.copyToHost(sum, 0, HostArray.of(total), 0, 1);
            device.copyToHost(gi, 0, HostArray.of(counts), 0, n);
            double expected = 0;
            int[] running = new int[n];
            for (int k = 0; k < n; k++) {
                assertEquals(2 * x[k] + y[k], out[k], 0f, "axpy element " + k);
                expected += 2 * x[k] + y[k];
                running[k] = k + 1;
            }
            assertEquals(expected, total[0], 1e-3 * expected);
            assertArrayEquals(running, counts, "inclusive scan over three tiles");
        }
    }
}
