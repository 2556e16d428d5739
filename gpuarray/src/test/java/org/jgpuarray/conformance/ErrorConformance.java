package org.jgpuarray.conformance;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jgpuarray.DType;
import org.jgpuarray.ElementwiseKernel;
import org.jgpuarray.GPUArray;
import org.jgpuarray.GpuContext;
import org.jgpuarray.device.KernelCompilationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Bad input gets a clear exception naming the problem, on every backend. */
public abstract class ErrorConformance extends ConformanceBase {

    private static void assertMessage(Class<? extends Throwable> type, Executable call, String... fragments) {
        Throwable t = assertThrows(type, call);
        for (String f : fragments) {
            assertTrue(t.getMessage() != null && t.getMessage().contains(f),
                    "message should mention '" + f + "': " + t.getMessage());
        }
    }

    @Test
    void malformedArgumentStrings() {
        assertMessage(IllegalArgumentException.class, () -> ctx.elementwiseKernel("float *x,", "x[i] = 0", "k"),
                "parameter 2");
        assertMessage(IllegalArgumentException.class, () -> ctx.elementwiseKernel("float *", "x[i] = 0", "k"),
                "malformed parameter 1");
        assertMessage(IllegalArgumentException.class, () -> ctx.elementwiseKernel("quaternion *q", "q[i] = 0", "k"),
                "unknown type 'quaternion'");
        assertMessage(IllegalArgumentException.class, () -> ctx.elementwiseKernel("float *x, int x", "x[i] = 0", "k"),
                "appears twice");
        assertMessage(IllegalArgumentException.class, () -> ctx.elementwiseKernel("float *n", "n[i] = 0", "k"),
                "reserved");
        assertMessage(IllegalArgumentException.class, () -> ctx.elementwiseKernel("float *x", "x[i] = 0", "9lives"),
                "kernel name");
        assertMessage(IllegalArgumentException.class, () -> DType.of("float16"), "unknown dtype 'float16'");
    }

    @Test
    void wrongArgumentsAtCall() {
        ElementwiseKernel k = ctx.elementwiseKernel("float a, float *x", "x[i] = a", "set_all");
        try (GPUArray f = ctx.zeros(DType.FLOAT32, 4); GPUArray i = ctx.zeros(DType.INT32, 4)) {
            assertMessage(IllegalArgumentException.class, () -> k.call(f), "takes 2 arguments", "got 1");
            assertMessage(IllegalArgumentException.class, () -> k.call(1f, i), "needs a float32 array, got int32");
            assertMessage(IllegalArgumentException.class, () -> k.call(f, f), "is a scalar, but got a GPUArray");
            assertMessage(IllegalArgumentException.class, () -> k.call("one", f), "must be a number");
            assertMessage(IllegalArgumentException.class, () -> k.call(1f, 2f), "needs a GPUArray");
        }
        ElementwiseKernel ints = ctx.elementwiseKernel("int a, int *x", "x[i] = a", "set_ints");
        try (GPUArray i = ctx.zeros(DType.INT32, 4)) {
            assertMessage(IllegalArgumentException.class, () -> ints.call(2.5, i), "fraction");
            assertMessage(IllegalArgumentException.class, () -> ints.call(1L << 40, i), "out of range for int32");
        }
    }

    @Test
    void shapeAndTypeMismatches() {
        try (GPUArray a = ctx.zeros(DType.FLOAT32, 2, 3); GPUArray b = ctx.zeros(DType.FLOAT32, 3, 2)) {
            assertMessage(IllegalArgumentException.class, () -> a.add(b), "could not be broadcast", "(2, 3)", "(3, 2)");
            assertMessage(IllegalArgumentException.class, () -> a.reshape(4, 2), "cannot reshape", "size 6");
            assertMessage(IllegalArgumentException.class, () -> ctx.toGpu(new float[5], 2, 3),
                    "5 elements", "(2, 3)");
        }
        try (GPUArray i = ctx.zeros(DType.INT32, 3)) {
            assertMessage(IllegalArgumentException.class, () -> i.add(1L << 40), "out of range for int32");
            assertMessage(IllegalArgumentException.class, () -> i.pow(-1), "negative integer powers");
        }
    }

    @Test
    void useAfterClose() {
        GPUArray a = ctx.zeros(DType.FLOAT32, 3);
        a.close();
        a.close();
        assertMessage(IllegalStateException.class, a::toFloatArray, "closed");
        assertMessage(IllegalStateException.class, () -> a.add(1), "closed");
        GpuContext other = GpuContext.create(backend());
        GPUArray b = other.zeros(DType.FLOAT32, 3);
        other.close();
        assertMessage(IllegalStateException.class, b::toFloatArray, "closed");
        assertMessage(IllegalStateException.class, () -> other.zeros(DType.INT32, 1), "closed");
        GpuContext fourth = GpuContext.create(backend());
        ElementwiseKernel noArrays = fourth.elementwiseKernel("int a", "int b = a;", "no_arrays");
        var sum = fourth.reductionKernel(DType.INT32, "0", "a + b", "i", "int unused");
        var scan = fourth.inclusiveScanKernel(DType.INT32, "a + b", "0");
        fourth.close();
        assertMessage(IllegalStateException.class, () -> noArrays.launch(10, 1), "closed");
        assertMessage(IllegalStateException.class, () -> sum.launch(10, 1), "closed");
        assertMessage(IllegalStateException.class, () -> scan.call(b), "closed");
        try (GPUArray mine = ctx.zeros(DType.FLOAT32, 3); GpuContext third = GpuContext.create(backend());
             GPUArray theirs = third.zeros(DType.FLOAT32, 3)) {
            assertMessage(IllegalArgumentException.class, () -> mine.add(theirs), "different contexts");
        }
    }

    @Test
    void compileErrorsCarryTheLogAndNumberedSource() {
        KernelCompilationException e = assertThrows(KernelCompilationException.class,
                () -> ctx.elementwiseKernel("float *x", "x[i] = undefined_thing + ;", "broken"));
        assertTrue(e.getMessage().contains("kernel 'broken' failed to compile"), e.getMessage());
        assertTrue(e.log().length() > 0, "the compiler's log is kept");
        String firstLogLine = e.log().strip().lines().findFirst().orElseThrow();
        assertTrue(e.getMessage().contains(firstLogLine), "the message shows the log: " + e.getMessage());
        assertTrue(e.numberedSource().contains("undefined_thing"), e.numberedSource());
        assertTrue(e.details().contains(e.numberedSource()), "details() has the numbered source");
        assertTrue(e.details().contains(String.join(" ", e.options())), "details() has the options");
    }
}
