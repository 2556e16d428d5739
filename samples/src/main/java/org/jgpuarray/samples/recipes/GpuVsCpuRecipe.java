package org.jgpuarray.samples.recipes;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Locale;
import org.jgpuarray.DType;
import org.jgpuarray.ElementwiseKernel;
import org.jgpuarray.GPUArray;
import org.jgpuarray.GpuContext;
import org.jgpuarray.RawKernel;
import org.jgpuarray.SourceModule;
import org.jgpuarray.device.DeviceTimer;

/**
 * "Testing your GPU application": the vector sum of 10000 elements timed on the device (kernel time
 * from the device's timer) and on the CPU, then compared. Uses the raw kernel on CUDA and OpenCL and
 * the same body as an ElementwiseKernel on the CPU backend, saying which.
 */
final class GpuVsCpuRecipe implements Recipe {
    private static final int N = 10000;

    private static final String OPENCL = """
            __kernel void vector_add(__global const float *a, __global const float *b, __global float *c) {
                int gid = get_global_id(0);
                c[gid] = a[gid] + b[gid];
            }
            """;

    private static final String CUDA = """
            extern "C" __global__ void vector_add(const float *a, const float *b, float *c, int n) {
                int gid = blockIdx.x * blockDim.x + threadIdx.x;
                if (gid < n) {
                    c[gid] = a[gid] + b[gid];
                }
            }
            """;

    @Override
    public String name() {
        return "gpu-vs-cpu";
    }

    @Override
    public String title() {
        return "vector sum timed on the device and on the CPU (testing your GPU application)";
    }

    @Override
    public Outcome run(GpuContext context, PrintWriter out) {
        HostRandom random = new HostRandom(10000);
        float[] a = random.rand(N);
        float[] b = random.rand(N);
        float[] device;
        long deviceNanos;
        try (GPUArray aGpu = context.toGpu(a); GPUArray bGpu = context.toGpu(b);
             GPUArray cGpu = context.empty(DType.FLOAT32, N);
             SourceModule module = RawKernels.sourceFor(context, CUDA, OPENCL).map(context::sourceModule).orElse(null)) {
            Runnable launch = launcher(context, module, aGpu, bGpu, cGpu, out);
            launch.run(); // warm-up: the book's first call compiles
            DeviceTimer timer = context.startTimer();
            launch.run();
            deviceNanos = timer.stopNanos();
            device = cGpu.toFloatArray();
        }
        long t0 = System.nanoTime();
        float[] cpu = new float[N];
        for (int k = 0; k < N; k++) {
            cpu[k] = a[k] + b[k];
        }
        long cpuNanos = System.nanoTime() - t0;
        out.printf(Locale.ROOT, "%s Kernel evaluation Time: %.6f s%n", context.backendName().toUpperCase(Locale.ROOT),
                deviceNanos / 1e9);
        out.printf(Locale.ROOT, "CPU Time: %.6f s%n", cpuNanos / 1e9);
        boolean equal = Arrays.equals(device, cpu);
        out.println(equal ? "The results are equal" : "The results differ");
        return Outcome.check(equal, "device and CPU sums identical for all " + N + " elements");
    }

    /** The raw kernel's launch where there is a module, else the same sum as an ElementwiseKernel. */
    private static Runnable launcher(GpuContext context, SourceModule module, GPUArray a, GPUArray b, GPUArray c,
                                     PrintWriter out) {
        if (module == null) {
            ElementwiseKernel sum = context.elementwiseKernel("float *a, float *b, float *c", "c[i] = a[i] + b[i]",
                    "vector_add");
            out.println("kernel: ElementwiseKernel (the " + context.backendName() + " backend runs no raw source)");
            return () -> sum.call(a, b, c);
        }
        RawKernel kernel = module.function("vector_add");
        out.println("kernel: raw " + context.backendName() + " source");
        return context.backendName().equals("cuda")
                ? () -> kernel.launch(new long[] {(N + 255) / 256}, new long[] {256}, a, b, c, N)
                : () -> kernel.launchGlobal(new long[] {N}, new long[] {16}, a, b, c);
    }
}
