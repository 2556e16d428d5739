package org.jgpuarray.cuda.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.jgpuarray.device.UnsupportedCapabilityException;
import org.jgpuarray.cuda.internal.compiler.CompileTarget;
import org.jgpuarray.cuda.internal.compiler.CompilerCandidate;
import org.jgpuarray.cuda.internal.compiler.CompilerSelection;
import org.jgpuarray.cuda.internal.compiler.CudaBinary;
import org.jgpuarray.cuda.internal.compiler.CudaVersion;
import org.jgpuarray.cuda.internal.compiler.GpuArch;
import org.jgpuarray.cuda.internal.compiler.NvccCompiler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Choosing a compiler and a target, and finding nvcc, with fake environments and a fake nvcc. */
class CompilerSelectionTest {
    @TempDir
    Path dir;

    @Test
    void architectures() {
        assertEquals(GpuArch.of(9, 0), GpuArch.parse("sm_90"));
        assertEquals(GpuArch.of(8, 6), GpuArch.parse("compute_86"));
        assertEquals(GpuArch.of(12, 1), GpuArch.parse("sm_121"));
        assertEquals(GpuArch.of(7, 5), GpuArch.parse("7.5"));
        assertEquals(GpuArch.of(10, 0), GpuArch.fromNumber(100));
        assertEquals("sm_100", GpuArch.of(10, 0).sm());
        assertThrows(IllegalArgumentException.class, () -> GpuArch.parse("sm_9x"));
        assertEquals(new CudaVersion(12, 4), CudaVersion.fromDriverNumber(12040));
        assertEquals("13.0", CudaVersion.fromDriverNumber(13000).toString());
    }

    @Test
    void targetPolicy() {
        List<GpuArch> nvrtc118 = List.of(GpuArch.of(3, 5), GpuArch.of(5, 0), GpuArch.of(7, 5), GpuArch.of(8, 0),
                GpuArch.of(8, 6), GpuArch.of(8, 9), GpuArch.of(9, 0));
        assertEquals(CompileTarget.cubin(GpuArch.of(9, 0)), CompileTarget.forDevice(GpuArch.of(9, 0), nvrtc118, "c"));
        assertEquals(CompileTarget.ptx(GpuArch.of(9, 0)), CompileTarget.forDevice(GpuArch.of(10, 0), nvrtc118, "c"),
                "a Blackwell GPU gets compute_90 PTX from CUDA 11.8");
        assertEquals(CompileTarget.ptx(GpuArch.of(8, 6)), CompileTarget.forDevice(GpuArch.of(8, 7), nvrtc118, "c"));
        assertEquals(CompileTarget.ptx(GpuArch.of(6, 1)), CompileTarget.forDevice(GpuArch.of(6, 1), List.of(), "c"),
                "a compiler that lists nothing gets the device's own PTX");
        UnsupportedCapabilityException tooNew = assertThrows(UnsupportedCapabilityException.class,
                () -> CompileTarget.forDevice(GpuArch.of(6, 1), List.of(GpuArch.of(7, 5), GpuArch.of(9, 0)), "nvcc 13.0"));
        assertTrue(tooNew.getMessage().contains("sm_75 and newer"), tooNew.getMessage());
        assertEquals("sm_90 cubin", CompileTarget.cubin(GpuArch.of(9, 0)).toString());
        assertEquals("compute_80 PTX", CompileTarget.ptx(GpuArch.of(8, 0)).toString());
    }

    @Test
    void unknownOverrideIsAReason() {
        CompilerSelection.Choice choice = CompilerSelection.select(Map.of("JGPUARRAY_CUDA_COMPILER", "clang")::get,
                List.of());
        assertNull(choice.compiler());
        assertTrue(choice.reason().contains("not one of jcuda-nvrtc, nvrtc, nvcc"), choice.reason());
        assertFalse(choice.reason().contains("\n"));
    }

    @Test
    void noNvccAnywhere() {
        Map<String, String> env = Map.of("JGPUARRAY_CUDA_COMPILER", "nvcc", "PATH", dir.toString(),
                "CUDA_HOME", dir.resolve("cuda").toString());
        CompilerSelection.Choice choice = CompilerSelection.select(env::get, List.of());
        assertNull(choice.compiler());
        assertEquals("no CUDA compiler (nvcc: no nvcc in CUDA_HOME, CUDA_PATH or PATH)", choice.reason());
    }

    @Test
    void nvccIsFoundInCudaHomeFirstAndAskedForItsTargets() throws IOException {
        Path home = dir.resolve("toolkit");
        Path fake = fakeNvcc(home.resolve("bin"), "12.4", "sm_50 sm_80 sm_90 sm_90a");
        fakeNvcc(dir.resolve("other-bin"), "11.0", "sm_50");
        Map<String, String> env = Map.of("CUDA_HOME", home.toString(), "PATH", dir.resolve("other-bin").toString());
        CompilerCandidate candidate = CompilerSelection.candidate("nvcc", env::get, List.of());
        NvccCompiler nvcc = (NvccCompiler) candidate.compiler();
        assertEquals(fake, nvcc.executable());
        assertEquals(new CudaVersion(12, 4), nvcc.version());
        assertEquals(List.of(GpuArch.of(5, 0), GpuArch.of(8, 0), GpuArch.of(9, 0)), nvcc.supportedArchs());
        assertTrue(nvcc.description().startsWith("nvcc 12.4.99 ("), nvcc.description());
        CudaBinary out = nvcc.compile("k", "source text", List.of("-DX=1"), CompileTarget.cubin(GpuArch.of(9, 0)));
        String arguments = new String(out.image(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(arguments.contains("--cubin -arch=sm_90 -Wno-deprecated-gpu-targets -DX=1 -o "), arguments);
    }

    @Test
    void nvccFoundOnPathWhenNoHome() throws IOException {
        Path bin = dir.resolve("bin");
        Path fake = fakeNvcc(bin, "13.0", "sm_75 sm_90");
        CompilerCandidate candidate = CompilerSelection.candidate("nvcc",
                Map.of("PATH", "/nonexistent:" + bin)::get, List.of());
        assertEquals(fake, ((NvccCompiler) candidate.compiler()).executable());
    }

    /** A shell script that answers like nvcc and "compiles" by writing its arguments to the output file. */
    private static Path fakeNvcc(Path bin, String version, String codes) throws IOException {
        Files.createDirectories(bin);
        Path nvcc = bin.resolve("nvcc");
        Files.writeString(nvcc, "#!/bin/sh\n"
                + "case \"$1\" in\n"
                + "  --version) echo 'Cuda compilation tools, release " + version + ", V" + version + ".99'; exit 0;;\n"
                + "  --list-gpu-code) echo '" + codes.replace(" ", "\n") + "'; exit 0;;\n"
                + "esac\n"
                + "out=''; prev=''; for a in \"$@\"; do [ \"$prev\" = -o ] && out=$a; prev=$a; done\n"
                + "echo \"$@\" > \"$out\"\n");
        Files.setPosixFilePermissions(nvcc, PosixFilePermissions.fromString("rwxr-xr-x"));
        return nvcc;
    }
}
