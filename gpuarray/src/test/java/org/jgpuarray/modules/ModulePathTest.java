package org.jgpuarray.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The module descriptors, proven on a real module path: a user module that requires
 * {@code org.jgpuarray.core} compiles against the API alone, cannot even name an internal, SPI or kernels
 * class, and runs the CPU backend, found through {@code uses}/{@code provides}, with generated Java
 * kernels compiled by Janino (which needs the kernels module's run-time export to Janino's loader).
 */
class ModulePathTest {
    private static List<Path> modulePath;

    @BeforeAll
    static void buildModulePath() {
        modulePath = ModulePathHarness.modulePath("org.jgpuarray.core");
    }

    @Test
    void modulePathHoldsTheProjectsModules() {
        String path = modulePath.toString();
        assertTrue(path.contains("gpuarray"), path);
        assertTrue(path.contains("kernels"), path);
        assertTrue(path.contains("janino"), path);
    }

    @Test
    void userModuleOfApiPackagesCompiles(@TempDir Path dir) throws IOException {
        ModulePathHarness.Compilation c = ModulePathHarness.compile(
                ModulePathHarness.writeDemo(dir.resolve("src")), dir.resolve("out"), modulePath);
        assertTrue(c.success(), c.diagnostics());
    }

    /** Each class is public in its own package; only the module boundary keeps the user out. */
    @ParameterizedTest
    @CsvSource({
        "org.jgpuarray.internal.BackendRegistry, org.jgpuarray.core",
        "org.jgpuarray.internal.portable.PortableLibraries, org.jgpuarray.core",
        "org.jgpuarray.cpu.CpuBackend, org.jgpuarray.core",
        "org.jgpuarray.spi.Backend, org.jgpuarray.core",
        "org.jgpuarray.kernels.ElementwiseSpec, org.jgpuarray.kernels",
        "org.jgpuarray.kernels.java.CMath, org.jgpuarray.kernels",
    })
    void userModuleCannotNameImplementation(String className, String owner, @TempDir Path dir) throws IOException {
        Path src = ModulePathHarness.writeDemo(dir.resolve("src"));
        // reading the kernels module too, so that only its exports can refuse the user
        Files.writeString(src.resolve("module-info.java"),
                "module demo { requires org.jgpuarray.core; requires org.jgpuarray.kernels; }\n");
        Files.writeString(src.resolve("demo/Leak.java"), "package demo;\n\nimport " + className + ";\n\n"
                + "final class Leak {\n    Class<?> type = " + className.substring(className.lastIndexOf('.') + 1)
                + ".class;\n}\n");

        ModulePathHarness.Compilation c = ModulePathHarness.compile(src, dir.resolve("out"), modulePath);

        assertFalse(c.success(), "compiled although it names " + className);
        String pkg = className.substring(0, className.lastIndexOf('.'));
        assertTrue(c.diagnostics().contains("package " + pkg + " is not visible"), c.diagnostics());
        assertTrue(c.diagnostics().contains("declared in module " + owner + ", which does not export it"),
                c.diagnostics());
    }

    @Test
    void userModuleRunsTheCpuBackendOnTheModulePath(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        ModulePathHarness.Compilation c = ModulePathHarness.compile(
                ModulePathHarness.writeDemo(dir.resolve("src")), out, modulePath);
        assertTrue(c.success(), c.diagnostics());
        List<Path> withDemo = new java.util.ArrayList<>(modulePath);
        withDemo.add(out);

        ModulePathHarness.Run run = ModulePathHarness.run(withDemo, "demo/demo.Main", dir, Duration.ofMinutes(2),
                List.of("-Xmx512m"), "cpu");

        assertEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().contains("backend cpu available=true"), run.output());
        assertTrue(run.output().contains("ran cpu in module org.jgpuarray.core: last=1999.0 sum=1000000.0 correct"),
                run.output());
    }
}
