package demo;

import org.jgpuarray.DType;
import org.jgpuarray.ElementwiseKernel;
import org.jgpuarray.GPUArray;
import org.jgpuarray.GpuContext;
import org.jgpuarray.device.BackendProbe;

/**
 * Lists the backends ServiceLoader finds, then on each backend named in the arguments runs a user
 * kernel (y = 2x + 1 over 0..999) and a sum, printing a line that ModulePathTest checks.
 */
public final class Main {
    public static void main(String[] args) {
        for (BackendProbe probe : GpuContext.probeBackends()) {
            System.out.println("backend " + probe.backend() + " available=" + probe.available());
        }
        for (String backend : args) {
            try (GpuContext context = GpuContext.create(backend)) {
                int n = 1000;
                GPUArray x = context.arange(DType.FLOAT32, n);
                GPUArray y = context.empty(DType.FLOAT32, n);
                ElementwiseKernel axpb = context.elementwiseKernel(
                        "float a, float *x, float b, float *y", "y[i] = a*x[i] + b", "axpb");
                axpb.call(2.0f, x, 1.0f, y);
                double sum = y.sum().item();
                float last = y.toFloatArray()[n - 1];
                boolean right = sum == (double) n * n && last == 2 * n - 1;
                System.out.println("ran " + context.backendName() + " in module "
                        + GpuContext.class.getModule().getName() + ": last=" + last + " sum=" + sum
                        + (right ? " correct" : " WRONG"));
            }
        }
    }
}
