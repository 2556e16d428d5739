package org.jgpuarray.cuda.fake;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
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
 * The CUDA backend's cuBLAS, cuFFT and cuRAND providers without a GPU: builds the fake driver and fake
 * libraries of {@code src/test/c} and runs {@link FakeLibraryScenarios} in child JVMs that load them,
 * once with JCublas2 (a fake {@code libcublas.so.12} with the symbol versions JCublas2's natives need),
 * cuFFT (fake {@code libcufft.so.12} beside an older {@code .so.11}) and cuRAND, and once with cuBLAS
 * bound through JNA (a fake {@code libcublas.so.13}, {@code JGPUARRAY_CUDA_LIBRARIES=cublas-jna}). The
 * fake directories come first on {@code LD_LIBRARY_PATH}, so real libraries elsewhere are not picked.
 * Each scenario is a test of its own ({@link ScenarioReport}).
 * Skipped, with the reason printed, where there is no C compiler or no CUDA compiler.
 */
@Tag("cuda")
class FakeLibrariesTest {
    @TestFactory
    Stream<DynamicNode> librariesAgainstTheFakes() throws IOException, InterruptedException {
        Optional<Path> cc = FakeNatives.compiler();
        skipUnless(cc.isPresent(), "no C compiler (cc, gcc, clang) on PATH to build the fake CUDA libraries");
        CompilerSelection.Choice choice = CompilerSelection.select(System::getenv, CompilerSelection.DEFAULT_TOOLKITS);
        skipUnless(choice.compiler() != null, choice.reason());
        Path driver = FakeNatives.driver(cc.get());
        FakeNatives.library(cc.get(), "libs-jcublas2", "fake_libcublas.c", "libcublas.so.12", 12, 6, 4);
        FakeNatives.library(cc.get(), "libs-jcublas2", "fake_libcufft.c", "libcufft.so.12", 12, 0, 0);
        FakeNatives.library(cc.get(), "libs-jcublas2", "fake_libcufft.c", "libcufft.so.11", 11, 2, 6);
        FakeNatives.library(cc.get(), "libs-jcublas2", "fake_libcurand.c", "libcurand.so.10", 10, 4, 0);
        FakeNatives.library(cc.get(), "libs-jna", "fake_libcublas.c", "libcublas.so.13", 13, 0, 2);
        return Stream.of(
                run("JCublas2, cuFFT and cuRAND on the fakes", false,
                        () -> runScenarios(driver, "libs-jcublas2", "jcublas2", null)),
                run("cuBLAS through JNA on the fakes", true, () -> runScenarios(driver, "libs-jna", "jna", "cublas-jna")));
    }

    private static DynamicNode run(String label, boolean jna, Callable<ChildProcess.Result> child) {
        return DynamicContainer.dynamicContainer(label, ScenarioReport.tests(label, FakeLibraryScenarios.names(jna), child));
    }

    private static ChildProcess.Result runScenarios(Path driver, String libraries, String expect, String allowed)
            throws Exception {
        Path log = FakeNatives.TARGET.resolve("libraries-" + expect + ".log").toAbsolutePath();
        Files.deleteIfExists(log);
        Map<String, String> env = new HashMap<>();
        env.put("LD_LIBRARY_PATH", FakeNatives.libraryPath(FakeNatives.folder(libraries), driver));
        env.put("FAKE_CUDA_LOG", log.toString());
        env.put("FAKE_CUDA_FAIL", FakeNatives.TARGET.resolve("fail-" + expect).toAbsolutePath().toString());
        env.put("FAKE_CUDA_CC", "129");
        env.put("FAKE_EXPECT", expect);
        env.put("JGPUARRAY_CACHE_DIR", FakeNatives.TARGET.resolve("cache-libraries").toAbsolutePath().toString());
        env.put("JGPUARRAY_BACKEND", null);
        env.put(LibrarySwitch.VARIABLE, allowed);
        return ChildJvm.run(FakeLibraryScenarios.class, env, 300);
    }

    private static void skipUnless(boolean condition, String reason) {
        if (!condition) {
            System.out.println("SKIPPED FakeLibrariesTest: " + reason);
        }
        assumeTrue(condition, reason);
    }
}
