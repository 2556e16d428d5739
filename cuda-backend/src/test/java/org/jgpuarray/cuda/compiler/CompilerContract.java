package org.jgpuarray.cuda.compiler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jgpuarray.device.KernelCompilationException;
import org.jgpuarray.cuda.internal.compiler.BinaryKind;
import org.jgpuarray.cuda.internal.compiler.CompileTarget;
import org.jgpuarray.cuda.internal.compiler.CompilerCandidate;
import org.jgpuarray.cuda.internal.compiler.CudaBinary;
import org.jgpuarray.cuda.internal.compiler.CudaCompiler;
import org.jgpuarray.cuda.internal.compiler.GpuArch;
import org.jgpuarray.kernels.ElementwiseSpec;
import org.jgpuarray.kernels.c.CSource;
import org.jgpuarray.kernels.c.CSourceGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * What every CUDA compiler must do, without a GPU: compile every generated program for sm_80, give
 * broken sources back as {@link KernelCompilationException}s with the log and numbered source, build
 * cubins, honour options. A subclass names the compiler; where that compiler is absent the whole class
 * is skipped with the reason printed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class CompilerContract {
    /** The architecture every program is compiled for: the A100's, supported by CUDA 11.0 to 13. */
    protected static final GpuArch ARCH = GpuArch.of(8, 0);

    protected CudaCompiler compiler;

    /** Looks for the compiler under test. */
    protected abstract CompilerCandidate locate();

    @BeforeAll
    void findCompiler() {
        CompilerCandidate candidate = locate();
        if (candidate.compiler() == null) {
            System.out.println("SKIPPED " + getClass().getSimpleName() + ": " + candidate.reason());
        }
        assumeTrue(candidate.compiler() != null, candidate::reason);
        compiler = candidate.compiler();
        System.out.println(getClass().getSimpleName() + " uses " + compiler.description());
    }

    /**
     * Compiles every generated program to PTX for compute_80; each must define all its kernels. A
     * compiler run per program would take minutes (NVRTC and nvcc spend most of their time starting),
     * so the built-in programs are compiled in batches: one translation unit with the prelude once and
     * each program's own text in a namespace of its own (their {@code extern "C"} kernels keep their
     * names). A batch that fails is compiled program by program, so that the failure names the
     * program. The user kernels, the scans and every {@value #VERBATIM_EVERY}th built-in program are
     * also compiled alone, verbatim.
     */
    @TestFactory
    Stream<DynamicTest> everyGeneratedProgramCompiles() {
        Map<String, CSource> programs = GeneratedPrograms.all();
        Map<String, Object> batched = compileBuiltinsInBatches(programs);
        List<String> alone = new ArrayList<>();
        int k = 0;
        for (String name : programs.keySet()) {
            if (!batched.containsKey(name) || k++ % VERBATIM_EVERY == 0) {
                alone.add(name);
            }
        }
        Map<String, Object> verbatim = new java.util.concurrent.ConcurrentHashMap<>();
        alone.parallelStream().forEach(name -> verbatim.put(name, ptxOrFailure(name, programs.get(name))));
        return programs.entrySet().stream().map(e -> DynamicTest.dynamicTest(
                e.getKey() + (verbatim.containsKey(e.getKey()) ? "" : " (batched)"), () -> {
                    if (batched.containsKey(e.getKey())) {
                        assertCompiled(batched.get(e.getKey()), e.getValue());
                    }
                    if (verbatim.containsKey(e.getKey())) {
                        assertCompiled(verbatim.get(e.getKey()), e.getValue());
                    }
                }));
    }

    /** Built-in programs compiled alone as well as in their batch: one in this many. */
    protected static final int VERBATIM_EVERY = 32;
    private static final int BATCH = 80;

    private static void assertCompiled(Object result, CSource source) {
        if (result instanceof RuntimeException failure) {
            throw failure;
        }
        assertDefinesKernels((String) result, source);
    }

    /** The PTX (a String) or the exception of each built-in program, compiled in batches. */
    protected Map<String, Object> compileBuiltinsInBatches(Map<String, CSource> programs) {
        List<String> builtins = new ArrayList<>(org.jgpuarray.BuiltinCatalog.specs().keySet());
        List<List<String>> batches = new ArrayList<>();
        for (int k = 0; k < builtins.size(); k += BATCH) {
            batches.add(builtins.subList(k, Math.min(builtins.size(), k + BATCH)));
        }
        Map<String, Object> results = new java.util.concurrent.ConcurrentHashMap<>();
        batches.parallelStream().forEach(batch -> {
            String ptx = compileBatch(batch, programs);
            batch.forEach(name -> results.put(name, ptx != null ? ptx : ptxOrFailure(name, programs.get(name))));
        });
        return results;
    }

    /** The PTX of one batch, or null when it does not compile (its programs are then compiled alone). */
    private String compileBatch(List<String> batch, Map<String, CSource> programs) {
        String prelude = CSourceGenerator.prelude(org.jgpuarray.kernels.Dialect.CUDA);
        StringBuilder unit = new StringBuilder(prelude);
        int k = 0;
        for (String name : batch) {
            String source = programs.get(name).source();
            if (!source.startsWith(prelude)) {
                return null;
            }
            unit.append("\nnamespace jga_program_").append(k++).append(" {\n")
                    .append(source.substring(prelude.length())).append("\n}\n");
        }
        try {
            return compiler.compile("batch", unit.toString(), List.of(), CompileTarget.ptx(ARCH)).ptxText();
        } catch (RuntimeException e) {
            System.out.println("a batch failed; compiling its programs one by one: "
                    + e.getMessage().lines().limit(5).toList());
            return null;
        }
    }

    /** The PTX of one program, or the exception it raised. */
    protected Object ptxOrFailure(String name, CSource source) {
        try {
            return compiler.compile(name, source.source(), List.of(), CompileTarget.ptx(ARCH)).ptxText();
        } catch (RuntimeException e) {
            return e;
        }
    }

    protected static void assertDefinesKernels(String ptx, CSource source) {
        for (String kernel : source.kernelNames()) {
            assertTrue(ptx.contains(".entry " + kernel + "("), () -> "PTX lacks kernel " + kernel);
        }
    }

    @Test
    void brokenSnippetGivesTheLogAndNumberedSource() {
        CSource broken = CSourceGenerator.elementwise(ElementwiseSpec.of("broken", "float *x",
                "x[i] = undefined_thing + ;"), org.jgpuarray.kernels.Dialect.CUDA);
        KernelCompilationException e = assertThrows(KernelCompilationException.class,
                () -> compiler.compile("broken", broken.source(), List.of(), CompileTarget.ptx(ARCH)));
        assertEquals("broken", e.kernelName());
        assertTrue(e.log().contains("undefined_thing"), e.log());
        assertTrue(e.log().toLowerCase().contains("error"), e.log());
        assertTrue(e.numberedSource().contains("| " + "        x[i] = undefined_thing + ;"), e.numberedSource());
        assertTrue(e.options().stream().anyMatch(o -> o.contains("compute_80")), e.options().toString());
        assertTrue(e.getMessage().contains("undefined_thing"), "the message shows the log: " + e.getMessage());
    }

    @Test
    void cubinForTheRealArchitecture() {
        assumeTrue(compiler.supportedArchs().contains(ARCH), () -> compiler.description() + " cannot build sm_80 cubins");
        CSource program = GeneratedPrograms.all().get("sum_float32");
        CudaBinary cubin = compiler.compile("sum_float32", program.source(), List.of(), CompileTarget.cubin(ARCH));
        assertEquals(BinaryKind.CUBIN, cubin.kind());
        byte[] elf = {0x7f, 'E', 'L', 'F'};
        assertArrayEquals(elf, java.util.Arrays.copyOf(cubin.image(), 4), "a cubin is an ELF file");
        String symbols = new String(cubin.image(), StandardCharsets.ISO_8859_1);
        for (String kernel : program.kernelNames()) {
            assertTrue(symbols.contains(kernel), "the cubin defines " + kernel);
        }
    }

    @Test
    void targetPolicy() {
        List<GpuArch> archs = compiler.supportedArchs();
        assumeTrue(!archs.isEmpty(), "the compiler lists no architectures");
        GpuArch newest = archs.get(archs.size() - 1);
        assertEquals(CompileTarget.cubin(newest), compiler.targetFor(newest));
        GpuArch future = GpuArch.of(99, 0);
        assertEquals(CompileTarget.ptx(newest), compiler.targetFor(future), "a newer GPU gets PTX the driver JITs");
    }

    @Test
    void programNamesMayHoldSlashes() {
        String source = "extern \"C\" __global__ void named(int *x) { x[threadIdx.x] = 1; }\n";
        String ptx = compiler.compile("sort/int32", source, List.of(), CompileTarget.ptx(ARCH)).ptxText();
        assertTrue(ptx.contains(".entry named("), "the portable libraries name their programs like this");
    }

    @Test
    void optionsReachTheCompiler() {
        String source = "extern \"C\" __global__ void fill(int *x) { x[threadIdx.x] = JGA_VALUE; }\n";
        String ptx = compiler.compile("options", source, List.of("-DJGA_VALUE=424242"), CompileTarget.ptx(ARCH)).ptxText();
        assertTrue(ptx.contains("424242"), ptx);
    }

    @Test
    void pycudaRecipesCompile() {
        Map<String, String> recipes = Map.of(
                "doublify", RawRecipes.DOUBLIFY, "double_matrix", RawRecipes.DOUBLE_5X5,
                "MatrixMulKernel", RawRecipes.MATRIX_MUL);
        List<String> missing = new ArrayList<>();
        recipes.forEach((kernel, source) -> {
            String ptx = compiler.compile(kernel, source, List.of(), CompileTarget.ptx(ARCH)).ptxText();
            if (!ptx.contains(kernel)) {
                missing.add(kernel);
            }
        });
        assertTrue(missing.isEmpty(), "PTX lacks " + missing);
    }

    /** A preamble of C++ helpers: templates, functions in namespace and linkage blocks, member functions. */
    static final String CPP_PREAMBLE = "template <typename T> T sq(T v) { return v * v; }\n"
            + "namespace { float half(float v) { return v / 2; } }\n"
            + "extern \"C\" { float twice(float v) { return 2 * v; } }\n"
            + "struct Scale {\n  float by;\n  float apply(float v) const { return by * v; }\n};\n";

    /**
     * Every helper of a C++ preamble becomes device code: {@code __device__} after a template header, inside
     * namespace and {@code extern "C"} blocks, on member functions (a host function called from the kernel,
     * or {@code __device__ template}, would not compile).
     */
    @Test
    void preambleTemplatesAndBlocksCompile() {
        CSource program = CSourceGenerator.elementwise(new ElementwiseSpec("cpp_helpers",
                org.jgpuarray.kernels.ArgumentList.parse("float *x"),
                "Scale s = {3.0f}; x[i] = s.apply(sq(half(twice(x[i]))))", CPP_PREAMBLE, "", ""),
                org.jgpuarray.kernels.Dialect.CUDA);
        String ptx = compiler.compile("cpp_helpers", program.source(), List.of(), CompileTarget.ptx(ARCH)).ptxText();
        assertDefinesKernels(ptx, program);
    }

    /** A raw program that includes a CUDA header (PyCUDA's examples do), with {@code __half} arithmetic. */
    static final String HALF_PROGRAM = "#include <cuda_fp16.h>\n"
            + "extern \"C\" __global__ void halve(__half *x)\n"
            + "{ x[threadIdx.x] = __hmul(x[threadIdx.x], __float2half(0.5f)); }\n";

    /**
     * CUDA's headers resolve for every compiler: nvcc finds its own; NVRTC gets the include folder of the toolkit
     * of its own version where one is installed, and otherwise fails with a message that says what to do.
     */
    @Test
    void toolkitHeadersResolveOrTheErrorSaysWhatToDo() {
        try {
            String ptx = compiler.compile("halve", HALF_PROGRAM, List.of(), CompileTarget.ptx(ARCH)).ptxText();
            assertTrue(ptx.contains(".entry halve("), "PTX lacks halve");
        } catch (KernelCompilationException e) {
            assertTrue(compiler.id().contains("nvrtc"), "nvcc has its own headers: " + e.getMessage());
            assertTrue(e.getMessage().contains("CUDA_HOME") && e.getMessage().contains("nvcc")
                    && e.getMessage().contains("CUDA " + compiler.version()), e.getMessage());
            System.out.println(getClass().getSimpleName() + ": no headers for " + compiler.description() + ": "
                    + e.log().lines().reduce((a, b) -> b).orElse(""));
        }
    }
}
