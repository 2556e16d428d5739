package org.jgpuarray.samples.recipes;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Optional;
import org.jgpuarray.DType;
import org.jgpuarray.device.DeviceInfo;
import org.jgpuarray.GPUArray;
import org.jgpuarray.GpuContext;
import org.jgpuarray.SourceModule;

/**
 * "Building a PyOpenCL application": the sum of two int vectors of 100 elements with a raw kernel, after
 * printing the device it runs on.
 */
final class VectorSumRecipe implements Recipe {
    private static final int N = 100;

    private static final String OPENCL = """
            __kernel void vector_add(__global const int *a, __global const int *b, __global int *c) {
                int gid = get_global_id(0);
                c[gid] = a[gid] + b[gid];
            }
            """;

    private static final String CUDA = """
            extern "C" __global__ void vector_add(const int *a, const int *b, int *c) {
                int gid = blockIdx.x * blockDim.x + threadIdx.x;
                c[gid] = a[gid] + b[gid];
            }
            """;

    @Override
    public String name() {
        return "vector-sum";
    }

    @Override
    public String title() {
        return "sum of two vectors with a raw kernel (PyOpenCL application)";
    }

    @Override
    public Outcome run(GpuContext context, PrintWriter out) {
        Optional<String> source = RawKernels.sourceFor(context, CUDA, OPENCL);
        if (source.isEmpty()) {
            return RawKernels.skipped(context);
        }
        HostRandom random = new HostRandom(100);
        int[] a = random.randint(0, 100, N);
        int[] b = random.randint(0, 100, N);
        DeviceInfo device = context.device();
        out.println("SUM OF TWO VECTORS ON " + context.backendName().toUpperCase(java.util.Locale.ROOT));
        out.println("Backend Selected = " + context.backendName());
        out.println("Device Selected = " + device.name());
        out.println("Device Memory: " + (device.globalMemoryBytes() >> 30) + " GB");
        out.println("Device Computational Units = " + device.computeUnits());
        device.properties().forEach((k, v) -> {
            if (k.toLowerCase(java.util.Locale.ROOT).contains("local")) {
                out.println(k + " = " + v);
            }
        });
        int[] c;
        try (SourceModule module = context.sourceModule(source.get());
             GPUArray aGpu = context.toGpu(a);
             GPUArray bGpu = context.toGpu(b);
             GPUArray cGpu = context.empty(DType.INT32, N)) {
            module.function("vector_add").launchGlobal(new long[] {N}, new long[] {N / 4}, aGpu, bGpu, cGpu);
            c = cGpu.toIntArray();
        }
        out.println("a = " + NumpyText.vector(a));
        out.println("b = " + NumpyText.vector(b));
        out.println("c = " + NumpyText.vector(c));
        int[] expected = new int[N];
        Arrays.setAll(expected, k -> a[k] + b[k]);
        return Outcome.check(Arrays.equals(expected, c), "c == a + b for all " + N + " elements");
    }
}
