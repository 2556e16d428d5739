package org.jgpuarray.cuda.fake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jgpuarray.cuda.ChildJvm;
import org.jgpuarray.cuda.internal.compiler.CompilerSelection;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Exercises the driver-API layer without a GPU: builds the fake {@code libcuda.so.1} of
 * {@code src/test/c/fake_libcuda.c} with the machine's C compiler and runs {@link FakeDriverScenarios}
 * in a child JVM that loads it, once with the compiler the backend chooses and once with nvcc. Skipped,
 * with the reason printed, where there is no C compiler or no CUDA compiler.
 */
class FakeDriverTest {
    private static final Path TARGET = Path.of("target", "fake-cuda");

    @TestFactory
    Stream<DynamicTest> scenariosAgainstTheFakeDriver() throws IOException, InterruptedException {
        Optional<Path> cc = Stream.of("cc", "gcc", "clang").map(FakeDriverTest::onPath)
                .flatMap(Optional::stream).findFirst();
        skipUnless(cc.isPresent(), "no C compiler (cc, gcc, clang) on PATH to build the fake libcuda.so.1");
        CompilerSelection.Choice choice = CompilerSelection.select(System::getenv, CompilerSelection.DEFAULT_TOOLKITS);
        skipUnless(choice.compiler() != null, choice.reason());
        Path lib = buildFake(cc.get());
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
        Path log = TARGET.resolve("driver-" + label + ".log").toAbsolutePath();
        Files.deleteIfExists(log);
        Map<String, String> env = new HashMap<>();
        env.put("LD_LIBRARY_PATH", lib.getParent() + File.pathSeparator
                + Optional.ofNullable(System.getenv("LD_LIBRARY_PATH")).orElse(""));
        env.put("FAKE_CUDA_LOG", log.toString());
        env.put("FAKE_CUDA_CC", "129");
        env.put("JGPUARRAY_CACHE_DIR", TARGET.resolve("cache-" + label).toAbsolutePath().toString());
        env.put("JGPUARRAY_BACKEND", null);
        env.put(CompilerSelection.VARIABLE, compiler.isEmpty() ? null : compiler);
        ChildJvm.Result result = ChildJvm.run(FakeDriverScenarios.class, env, 300);
        System.out.println("--- fake driver with " + label + " ---\n" + result.output());
        assertEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains("OK everything released"), result.output());
    }

    private static Path buildFake(Path cc) throws IOException, InterruptedException {
        Files.createDirectories(TARGET);
        Path lib = TARGET.resolve("lib").resolve("libcuda.so.1").toAbsolutePath();
        Files.createDirectories(lib.getParent());
        Process p = new ProcessBuilder(cc.toString(), "-shared", "-fPIC", "-O1", "-o", lib.toString(),
                Path.of("src", "test", "c", "fake_libcuda.c").toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0, "building the fake driver failed:\n" + out);
        return lib;
    }

    private static Optional<Path> onPath(String program) {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        return Stream.of(path.split(File.pathSeparator)).filter(s -> !s.isBlank()).map(s -> Path.of(s, program))
                .filter(Files::isExecutable).findFirst();
    }

    private static void skipUnless(boolean condition, String reason) {
        if (!condition) {
            System.out.println("SKIPPED FakeDriverTest: " + reason);
        }
        assumeTrue(condition, reason);
    }
}
