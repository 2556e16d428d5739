package org.jgpuarray.cuda.fake;

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
import org.jgpuarray.cuda.ChildProcess;
import org.jgpuarray.cuda.internal.binding.LibrarySwitch;
import org.jgpuarray.cuda.internal.compiler.CompilerSelection;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;

/**
 * Exercises the driver-API layer without a GPU: builds the fake {@code libcuda.so.1} of
 * {@code src/test/c/fake_libcuda.c} with the machine's C compiler and runs {@link FakeDriverScenarios}
 * in a child JVM that loads it, once with the compiler the backend chooses and once with nvcc; each
 * scenario is a test of its own ({@link ScenarioReport}). The CUDA libraries are switched off
 * ({@code JGPUARRAY_CUDA_LIBRARIES=none}), so the core's portable kernels serve BLAS, FFT and random
 * numbers ({@link FakeLibrariesTest} puts fake libraries in). Skipped, with the reason printed, where
 * there is no C compiler or no CUDA compiler.
 */
@Tag("cuda")
class FakeDriverTest {
    @TestFactory
    Stream<DynamicNode> scenariosAgainstTheFakeDriver() throws IOException, InterruptedException {
        Optional<Path> cc = FakeNatives.compiler();
        skipUnless(cc.isPresent(), "no C compiler (cc, gcc, clang) on PATH to build the fake libcuda.so.1");
        CompilerSelection.Choice choice = CompilerSelection.select(System::getenv, CompilerSelection.DEFAULT_TOOLKITS);
        skipUnless(choice.compiler() != null, choice.reason());
        Path lib = FakeNatives.driver(cc.get());
        List<String> compilers = new ArrayList<>(List.of(""));
        boolean nvcc = CompilerSelection.candidate("nvcc", System::getenv, CompilerSelection.DEFAULT_TOOLKITS)
                .compiler() != null;
        if (nvcc && !choice.compiler().id().equals("nvcc")) {
            compilers.add("nvcc");
        }
        List<DynamicNode> runs = new ArrayList<>();
        for (String compiler : compilers) {
            String label = compiler.isEmpty() ? choice.compiler().id() : compiler;
            runs.add(DynamicContainer.dynamicContainer("fake driver with " + label, ScenarioReport.tests(
                    "fake driver with " + label, FakeDriverScenarios.names(), () -> runScenarios(lib, compiler, label))));
        }
        return runs.stream();
    }

    private static ChildProcess.Result runScenarios(Path lib, String compiler, String label) throws Exception {
        Path log = FakeNatives.TARGET.resolve("driver-" + label + ".log").toAbsolutePath();
        Files.deleteIfExists(log);
        Map<String, String> env = new HashMap<>();
        env.put("LD_LIBRARY_PATH", FakeNatives.libraryPath(lib));
        env.put("FAKE_CUDA_LOG", log.toString());
        Path fail = FakeNatives.TARGET.resolve("driver-" + label + ".fail").toAbsolutePath();
        Files.deleteIfExists(fail);
        env.put("FAKE_CUDA_FAIL", fail.toString());
        env.put("FAKE_CUDA_CC", "129");
        env.put("JGPUARRAY_CACHE_DIR", FakeNatives.TARGET.resolve("cache-" + label).toAbsolutePath().toString());
        env.put(LibrarySwitch.VARIABLE, "none");
        env.put("JGPUARRAY_BACKEND", null);
        env.put(CompilerSelection.VARIABLE, compiler.isEmpty() ? null : compiler);
        return ChildJvm.run(FakeDriverScenarios.class, env, 300);
    }

    private static void skipUnless(boolean condition, String reason) {
        if (!condition) {
            System.out.println("SKIPPED FakeDriverTest: " + reason);
        }
        assumeTrue(condition, reason);
    }
}
