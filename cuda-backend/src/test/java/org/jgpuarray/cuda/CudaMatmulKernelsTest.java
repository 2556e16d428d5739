package org.jgpuarray.cuda;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.stream.Stream;
import org.jgpuarray.cuda.internal.compiler.CompileTarget;
import org.jgpuarray.cuda.internal.compiler.CompilerSelection;
import org.jgpuarray.cuda.internal.compiler.CudaCompiler;
import org.jgpuarray.cuda.internal.compiler.GpuArch;
import org.jgpuarray.kernels.Dialect;
import org.jgpuarray.kernels.ScalarType;
import org.jgpuarray.kernels.c.CSource;
import org.jgpuarray.kernels.lib.GemmKernels;
import org.jgpuarray.kernels.lib.GemmTiling;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;

/**
 * Without a GPU, the CUDA side of {@link CudaMatmulConformanceTest}: the strided-batched GEMM programs that
 * matmul runs on CUDA (the integer ones, which cuBLAS lacks, and the float ones of the portable fallback),
 * in every tiling, compile to PTX for sm_80 with the compiler the backend would choose (NVRTC in CI), each
 * kernel with its 17 parameters. The calls themselves are checked against the fake driver and cuBLAS by
 * {@code FakeLibrariesTest} (scenarios "batched matmul as strided-batched gemm" and "int32 matmul on the
 * portable kernel"). Skipped, with the reason, where no CUDA compiler is found.
 */
@Tag("cuda")
class CudaMatmulKernelsTest {
    private static final GpuArch ARCH = GpuArch.of(8, 0);

    @TestFactory
    Stream<DynamicTest> gemmProgramsCompileForEveryType() {
        CompilerSelection.Choice choice = CompilerSelection.select(System::getenv, CompilerSelection.DEFAULT_TOOLKITS);
        if (choice.compiler() == null) {
            System.out.println("SKIPPED " + getClass().getSimpleName() + ": " + choice.reason());
        }
        assumeTrue(choice.compiler() != null, choice::reason);
        CudaCompiler compiler = choice.compiler();
        return Stream.of(ScalarType.INT32, ScalarType.INT64, ScalarType.FLOAT32, ScalarType.FLOAT64)
                .flatMap(t -> Stream.of(GemmTiling.GPU, GemmTiling.LARGE, GemmTiling.SMALL).map(tiling ->
                        DynamicTest.dynamicTest(t.numpyName() + " " + tiling + " (" + compiler.description() + ")",
                                () -> compiles(compiler, GemmKernels.program(Dialect.CUDA, t, tiling)))));
    }

    private static void compiles(CudaCompiler compiler, CSource program) {
        String ptx = compiler.compile("gemm", program.source(), List.of(), CompileTarget.ptx(ARCH)).ptxText();
        for (String kernel : program.kernelNames()) {
            int entry = ptx.indexOf(".entry " + kernel + "(");
            assertTrue(entry >= 0, "PTX lacks " + kernel);
            String params = ptx.substring(entry, ptx.indexOf(')', entry));
            assertTrue(params.contains(kernel + "_param_16") && !params.contains(kernel + "_param_17"),
                    kernel + " takes 17 parameters: " + params);
        }
    }
}
