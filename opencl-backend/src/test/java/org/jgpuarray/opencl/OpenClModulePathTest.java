package org.jgpuarray.opencl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jgpuarray.modules.ModulePathHarness;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OpenCL backend on a real module path: a user module that requires only the core finds it through
 * {@code uses}/{@code provides} (service binding brings the module in) and, where OpenCL has a device,
 * runs a kernel and a sum on it, with JOCL as an automatic module loading its natives from its own jar.
 */
@Tag("opencl")
class OpenClModulePathTest {

    @Test
    void userModuleFindsAndRunsTheOpenClBackend(@TempDir Path dir) throws Exception {
        List<Path> modulePath = ModulePathHarness.modulePath("org.jgpuarray.core");
        assertTrue(modulePath.stream().anyMatch(p -> p.toString().contains("opencl-backend")
                || p.getFileName().toString().startsWith("jgpuarray-opencl")), "service binding: " + modulePath);
        Path out = dir.resolve("out");
        ModulePathHarness.Compilation c = ModulePathHarness.compile(
                ModulePathHarness.writeDemo(dir.resolve("src")), out, modulePath);
        assertTrue(c.success(), c.diagnostics());
        List<Path> withDemo = new ArrayList<>(modulePath);
        withDemo.add(out);
        List<String> options = new ArrayList<>(List.of("-Xmx512m"));
        String cacheDir = System.getProperty("jgpuarray.cache.dir");
        if (cacheDir != null) {
            options.add("-Djgpuarray.cache.dir=" + cacheDir);
        }

        boolean openCl = new OpenClBackend().probe().available();
        String[] backends = openCl ? new String[] {"cpu", "opencl"} : new String[] {"cpu"};
        ModulePathHarness.Run run = ModulePathHarness.run(withDemo, "demo/demo.Main", dir, Duration.ofMinutes(3),
                options, backends);

        assertEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().contains("backend opencl available=" + openCl), run.output());
        assertTrue(run.output().contains("ran cpu in module org.jgpuarray.core: last=1999.0 sum=1000000.0 correct"),
                run.output());
        OpenClTestDevices.assumeOpenCl();
        assertTrue(run.output().contains("ran opencl in module org.jgpuarray.core: last=1999.0 sum=1000000.0 correct"),
                run.output());
    }
}
