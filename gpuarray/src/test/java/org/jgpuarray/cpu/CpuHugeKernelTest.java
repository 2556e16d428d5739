package org.jgpuarray.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.jgpuarray.DType;
import org.jgpuarray.ElementwiseKernel;
import org.jgpuarray.GPUArray;
import org.jgpuarray.GpuContext;
import org.jgpuarray.kernels.ArgumentList;
import org.jgpuarray.kernels.ElementwiseSpec;
import org.jgpuarray.kernels.IndexSpace;
import org.jgpuarray.kernels.java.JavaElementwiseKernel;
import org.jgpuarray.kernels.java.JavaSourceGenerator;
import org.junit.jupiter.api.Test;

/**
 * Elementwise operations so large that the usual generated kernel, which holds a strided operation three
 * times, would have a method past HotSpot's JIT limit and run interpreted (20x slower): such a kernel is
 * compiled in its compact form, and computes the same.
 */
class CpuHugeKernelTest {
    private static final int TERMS = 150;
    private static final long SEED = 31L;

    @Test
    void aStridedKernelPastTheJitLimitIsCompiledInItsCompactForm() {
        assertTrue(compiled(operation(TERMS)).startsWith("CompactElementwise_"), "150 terms");
        assertTrue(compiled(operation(3)).startsWith("Elementwise_"), "3 terms keep the fast loops");
    }

    @Test
    void aHugeOperationOverATransposedViewComputesRight() {
        int rows = 131;
        int cols = 257;
        Random r = new Random(SEED);
        float[] base = new float[rows * cols]; // (cols, rows), read transposed
        for (int k = 0; k < base.length; k++) {
            base[k] = r.nextFloat() * 200 - 100;
        }
        try (GpuContext ctx = GpuContext.create("cpu");
             GPUArray x = ctx.toGpu(base).reshape(cols, rows);
             GPUArray y = ctx.full(DType.FLOAT32, Float.NaN, rows, cols)) {
            ElementwiseKernel huge = ctx.elementwiseKernel("float *x, float *y",
                    operation(TERMS).replace("jga_at_x", "i").replace("jga_at_y", "i"), "huge_transposed");
            huge.call(x.T(), y);
            float[] got = y.toFloatArray();
            for (int row = 0; row < rows; row++) {
                for (int col = 0; col < cols; col++) {
                    double v = base[col * rows + row];
                    double expected = 0;
                    for (int t = 0; t < TERMS; t++) {
                        expected += v * (t + 0.5) + (v > t ? v : -v);
                    }
                    assertEquals(expected, got[row * cols + col], 1e-4 * Math.abs(expected) + 1e-2,
                            "element (" + row + ", " + col + ") (seed " + SEED + ")");
                }
            }
        }
    }

    /** {@code terms} statements, each a multiply-add and a conditional: about 20 bytes of bytecode each. */
    private static String operation(int terms) {
        StringBuilder s = new StringBuilder("float v = x[jga_at_x]; float acc = 0;");
        for (int t = 0; t < terms; t++) {
            s.append(" acc += v * ").append(t).append(".5f + (v > ").append(t).append(" ? v : -v);");
        }
        return s.append(" y[jga_at_y] = acc;").toString();
    }

    /** The simple class name of the kernel the CPU backend's compiler makes of the operation over a 2-D space. */
    private static String compiled(String operation) {
        IndexSpace space = new IndexSpace(2, List.of("x", "y"));
        ElementwiseSpec spec = new ElementwiseSpec("huge", ArgumentList.parse("float *x, float *y, "
                + space.declaration()), operation, "", "", "", space);
        JavaElementwiseKernel kernel = JavaKernelCompiler.compile("huge", () -> JavaSourceGenerator.elementwise(spec),
                () -> JavaSourceGenerator.elementwiseCompact(spec), JavaElementwiseKernel.class);
        return kernel.getClass().getSimpleName();
    }
}
