package org.jgpuarray.cuda.internal.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jgpuarray.device.DeviceException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * nvcc runs with a real bound on its time: a fake {@code nvcc} (a shell script) that prints a line, starts
 * a child and then hangs is killed, with its child, when the injected timeout passes, and the exception
 * names the timeout and quotes the output so far. No CUDA toolkit needed.
 */
class NvccTimeoutTest {
    private static final Duration TIMEOUT = Duration.ofMillis(1500);
    /** Far below the hung script's 300 s, far above the timeout: the bound the call must return within. */
    private static final Duration BOUND = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void aHungCompilationIsKilledWithItsChildrenAndTheTimeoutNamed() throws Exception {
        Path pid = dir.resolve("child.pid");
        NvccCompiler compiler = new NvccCompiler(hungNvcc(pid), new CudaVersion(12, 4), "12.4.131", List.of(), TIMEOUT);
        DeviceException e = assertTimeoutPreemptively(BOUND, () -> assertThrows(DeviceException.class,
                () -> compiler.compile("k", "extern \"C\" __global__ void k() {}", List.of(),
                        CompileTarget.ptx(GpuArch.of(8, 0)))));
        assertEquals("TIMEOUT", e.codeName(), e.getMessage());
        assertTrue(e.getMessage().contains("no answer within 1500 ms"), e.getMessage());
        assertTrue(e.getMessage().contains("fake nvcc: compiling"), "the output so far: " + e.getMessage());
        assertGone(pid);
    }

    @Test
    void aHungVersionQueryIsKilledToo() throws Exception {
        Path pid = dir.resolve("child.pid");
        DeviceException e = assertTimeoutPreemptively(BOUND,
                () -> assertThrows(DeviceException.class, () -> NvccCompiler.inspect(hungNvcc(pid), TIMEOUT)));
        assertEquals("TIMEOUT", e.codeName(), e.getMessage());
        assertTrue(e.getMessage().contains("fake nvcc: compiling"), e.getMessage());
        assertGone(pid);
    }

    @Test
    void aQuickAnswerIsReadFromTheOutputFile() throws IOException {
        Path nvcc = script("echo 'Cuda compilation tools, release 12.4, V12.4.131'\necho 'sm_80 sm_90' >&2\n");
        NvccCompiler compiler = NvccCompiler.inspect(nvcc, TIMEOUT.multipliedBy(10));
        assertEquals(new CudaVersion(12, 4), compiler.version());
        assertTrue(compiler.description().startsWith("nvcc 12.4.131"), compiler.description());
        assertEquals(List.of(GpuArch.of(8, 0), GpuArch.of(9, 0)), compiler.supportedArchs(), "stderr is read as well");
    }

    /** A script that prints a line, starts {@code sleep 300} (writing its pid to {@code pid}) and waits for it. */
    private Path hungNvcc(Path pid) throws IOException {
        return script("echo 'fake nvcc: compiling'\nsleep 300 &\necho $! > '" + pid + "'\nwait\n");
    }

    private Path script(String body) throws IOException {
        Path nvcc = dir.resolve("nvcc");
        Files.writeString(nvcc, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(nvcc, PosixFilePermissions.fromString("rwx------"));
        return nvcc;
    }

    /** The hung script's child was killed with it (within a few seconds: killing is asynchronous). */
    private static void assertGone(Path pidFile) throws Exception {
        long pid = Long.parseLong(Files.readString(pidFile).strip());
        ProcessHandle child = ProcessHandle.of(pid).orElse(null);
        if (child == null) {
            return;
        }
        try {
            child.onExit().get(10, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            child.destroyForcibly();
            fail("the hung nvcc's child process " + pid + " outlived the timeout");
        }
    }
}
