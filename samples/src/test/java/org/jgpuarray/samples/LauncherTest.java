package org.jgpuarray.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./jgpuarray} launcher gives java a {@code libOpenCL.so -> libOpenCL.so.1} link where the machine
 * has only the versioned ICD loader (JOCL 2.0.5 loads the unversioned name only), and nothing otherwise.
 * The launcher runs from a copy beside an empty jar, with a {@code java} that prints its environment.
 */
class LauncherTest {

    @Test
    void linksTheUnversionedIcdLoaderWhereOnlyLibOpenClSo1IsThere(@TempDir Path dir) throws Exception {
        List<String> prefix = WithoutUnversionedOpenCl.prefix(Files.createDirectory(dir.resolve("ns")));
        Run r = launch(dir, prefix, "/custom/lib");
        assumeTrue(r.exit() != WithoutUnversionedOpenCl.SETUP_FAILED, () -> "could not hide libOpenCL.so: " + r);
        Path links = dir.resolve("cache/jgpuarray/opencl-loader");
        assertEquals(0, r.exit(), r::toString);
        assertEquals("LD_LIBRARY_PATH=" + links + ":/custom/lib", r.out().strip(), r::toString);
        Path target = Files.readSymbolicLink(links.resolve("libOpenCL.so"));
        assertEquals("libOpenCL.so.1", target.getFileName().toString());
        assertTrue(Files.exists(target), target::toString);
    }

    @Test
    void leavesTheEnvironmentAloneWhereLibOpenClSoIsThere(@TempDir Path dir) throws Exception {
        assumeTrue(!WithoutUnversionedOpenCl.directoriesHolding("libOpenCL.so").isEmpty(),
                "this machine has no libOpenCL.so");
        Run r = launch(dir, List.of(), "/custom/lib");
        assertEquals(0, r.exit(), r::toString);
        assertEquals("LD_LIBRARY_PATH=/custom/lib", r.out().strip(), r::toString);
        assertFalse(Files.exists(dir.resolve("cache/jgpuarray")), "no link folder");
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run launch(Path dir, List<String> prefix, String ldLibraryPath)
            throws IOException, InterruptedException {
        Path repo = Files.createDirectories(dir.resolve("repo/samples/target")).getParent().getParent();
        Files.copy(Path.of(System.getProperty("user.dir")).resolveSibling("jgpuarray"), repo.resolve("jgpuarray"));
        Files.writeString(repo.resolve("samples/target/jgpuarray.jar"), "");
        Path bin = Files.createDirectory(dir.resolve("bin"));
        Path java = Files.writeString(bin.resolve("java"), "#!/bin/sh\necho \"LD_LIBRARY_PATH=$LD_LIBRARY_PATH\"\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        List<String> command = new ArrayList<>(prefix);
        command.addAll(List.of("bash", repo.resolve("jgpuarray").toString(), "device-query"));
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(dir.resolve("out").toFile())
                .redirectError(dir.resolve("err").toFile());
        Map<String, String> env = pb.environment();
        env.put("PATH", bin + ":" + env.getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("XDG_CACHE_HOME", dir.resolve("cache").toString());
        env.put("LD_LIBRARY_PATH", ldLibraryPath);
        env.remove("LD_PRELOAD"); // the test JVM's signal chaining (see the parent pom), not a user's shell's
        Process p = pb.start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            throw new AssertionError("the launcher did not finish in 60 s");
        }
        return new Run(p.exitValue(), Files.readString(dir.resolve("out")), Files.readString(dir.resolve("err")));
    }
}
