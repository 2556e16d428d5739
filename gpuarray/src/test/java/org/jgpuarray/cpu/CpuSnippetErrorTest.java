package org.jgpuarray.cpu;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jgpuarray.DType;
import org.jgpuarray.device.DeviceException;
import org.jgpuarray.ElementwiseKernel;
import org.jgpuarray.GPUArray;
import org.jgpuarray.GpuContext;
import org.jgpuarray.device.KernelCompilationException;
import org.jgpuarray.kernels.SnippetSyntaxException;
import org.junit.jupiter.api.Test;

/** What the CPU backend says about snippets it cannot run. */
class CpuSnippetErrorTest {

    @Test
    void unsupportedConstructIsNamedWithItsColumn() {
        try (GpuContext ctx = GpuContext.create("cpu")) {
            KernelCompilationException e = assertThrows(KernelCompilationException.class,
                    () -> ctx.elementwiseKernel("float *x", "x[i] = *x;", "deref"));
            SnippetSyntaxException cause = assertInstanceOf(SnippetSyntaxException.class, e.getCause());
            assertTrue(e.getMessage().contains("column 8"), e.getMessage());
            assertTrue(cause.construct().contains("dereference"), cause.construct());
            assertTrue(e.numberedSource().contains("1| x[i] = *x;"), e.numberedSource());
            e = assertThrows(KernelCompilationException.class,
                    () -> ctx.elementwiseKernel("float *x", "x[i] = threadIdx.x;", "gpu_only"));
            assertTrue(e.getMessage().contains("threadIdx"), e.getMessage());
        }
    }

    @Test
    void integerDivisionByZeroIsADeviceErrorNotACrash() {
        try (GpuContext ctx = GpuContext.create("cpu"); GPUArray x = ctx.zeros(DType.INT32, 4)) {
            ElementwiseKernel k = ctx.elementwiseKernel("int *x", "x[i] = 1 / x[i]", "divide");
            DeviceException e = assertThrows(DeviceException.class, () -> k.call(x));
            assertTrue(e.getMessage().contains("divide") && e.getMessage().contains("ArithmeticException"),
                    e.getMessage());
        }
    }
}
