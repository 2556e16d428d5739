package org.jgpuarray.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.jgpuarray.modules.ModulePathHarness;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CUDA backend on a real module path: a user module that requires only the core finds it through
 * {@code uses}/{@code provides}, with JCuda, JCublas and JNA as automatic modules, on every machine;
 * where a GPU is present it also runs a kernel and a sum on it. JCuda looks for its natives only inside
 * the {@code jcuda} module, so the natives jars are patched into it, as the README tells users to.
 */
@Tag("cuda")
@Tag("gpu")
class CudaModulePathTest {

    @Test
    void userModuleFindsAndRunsTheCudaBackend(@TempDir Path dir) throws Exception {
        List<Path> resolved = ModulePathHarness.modulePath("org.jgpuarray.core");
        assertTrue(resolved.stream().anyMatch(p -> p.toString().contains("cuda-backend")
                || p.getFileName().toString().startsWith("jgpuarray-cuda")), "service binding: " + resolved);
        List<Path> natives = resolved.stream().filter(p -> p.getFileName().toString().contains("-natives-"))
                .collect(Collectors.toList());
        List<Path> modulePath = new ArrayList<>(resolved);
        modulePath.removeAll(natives);
        Path out = dir.resolve("out");
        ModulePathHarness.Compilation c = ModulePathHarness.compile(
                ModulePathHarness.writeDemo(dir.resolve("src")), out, modulePath);
        assertTrue(c.success(), c.diagnostics());
        modulePath.add(out);
        List<String> options = new ArrayList<>(List.of("-Xmx512m"));
        if (!natives.isEmpty()) {
            options.addAll(List.of("--patch-module", "jcuda=" + natives.stream().map(Path::toString)
                    .collect(Collectors.joining(File.pathSeparator))));
        }

        boolean cuda = new CudaBackend().probe().available();
        String[] backends = cuda ? new String[] {"cpu", "cuda"} : new String[] {"cpu"};
        ModulePathHarness.Run run = ModulePathHarness.run(modulePath, "demo/demo.Main", dir, Duration.ofMinutes(3),
                options, backends);

        assertEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().contains("backend cuda available=" + cuda), run.output());
        CudaDeviceTest.requireCuda("CudaModulePathTest");
        assertTrue(run.output().contains("ran cuda in module org.jgpuarray.core: last=1999.0 sum=1000000.0 correct"),
                run.output());
    }
}
