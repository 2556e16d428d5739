package org.jgpuarray.cuda.fake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.jgpuarray.cuda.ChildJvm;
import org.jgpuarray.cuda.internal.binding.LibrarySwitch;
import org.jgpuarray.cuda.internal.compiler.CompilerSelection;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Exercises the driver-API layer without a GPU: builds the fake {@code libcuda.so.1} of
 * {@code src/test/c/fake_libcuda.c} with the machine's C compiler and runs {@link FakeDriverScenarios}
 * in a child JVM that loads it, once with the compiler the backend chooses and once with nvcc. The CUDA
 * libraries are switched off ({@code JGPUARRAY_CUDA_LIBRARIES=none}), so the core's portable kernels
 * serve BLAS, FFT and random numbers ({@link FakeLibrariesTest} puts fake libraries in). Skipped, with
 * the reason printed, where there is no C compiler or no CUDA compiler.
 */
class FakeDriverTest {
    @TestFactory
    Stream<DynamicTest> scenariosAgainstTheFakeDriver() throws IOException, InterruptedException {
        Optional<Path> cc = FakeNatives.compiler();
        skipUnless(cc.isPresent(), "no C compiler (cc, gcc, clang) on PATH to build the fake libcuda.so.1");
        CompilerSelection.Choice choice = CompilerSelection.select(System::getenv, CompilerSelection.DEFAULT_TOOLKITS);
        skipUnless(choice.compiler() != null, choice.reason());
        Path lib = FakeNatives.driver(cc.get());
        List<String> runs = new ArrayList<>(List.of(""));
        boolean nvcc = CompilerSelection.candidate("nvcc", System::getenv, CompilerSelection.DEFAULT_TOOLKITS)
                .compiler() != null;
        if (nvcc && !choice.compiler().id().equals("nvcc")) {
            runs.add("nvcc");
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (String compiler : runs) {
            String label = compiler.isEmpty() ? choice.compiler().id() : compiler;
            tests.add(DynamicTest.dynamicTest("fake driver with " + label, () -> runScenarios(lib, compiler, label)));
        }
        return tests.stream();
    }

    private static void runScenarios(Path lib, String compiler, String label) throws Exception {
        Path log = FakeNatives.TARGET.resolve("driver-" + label + ".log").toAbsolutePath();
        Files.deleteIfExists(log);
        Map<String, String> env = new HashMap<>();
        env.put("LD_LIBRARY_PATH", FakeNatives.libraryPath(lib));
        env.put("FAKE_CUDA_LOG", log.toString());
        env.put("FAKE_CUDA_CC", "129");
        env.put("JGPUARRAY_CACHE_DIR", FakeNatives.TARGET.resolve("cache-" + label).toAbsolutePath().toString());
        env.put(LibrarySwitch.VARIABLE, "none");
        env.put("JGPUARRAY_BACKEND", null);
        env.put(CompilerSelection.VARIABLE, compiler.isEmpty() ? null : compiler);
        ChildJvm.Result result = ChildJvm.run(FakeDriverScenarios.class, env, 300);
        System.out.println("--- fake driver with " + label + " ---\n" + result.output());
        assertEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains("OK everything released"), result.output());
    }

    private static void skipUnless(boolean condition, String reason) {
        if (!condition) {
            System.out.println("SKIPPED FakeDriverTest: " + reason);
        }
        assumeTrue(condition, reason);
    }
}
