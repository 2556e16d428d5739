package org.jgpuarray.cuda.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.jgpuarray.cuda.internal.compiler.CompileTarget;
import org.jgpuarray.cuda.internal.compiler.CompilerCandidate;
import org.jgpuarray.cuda.internal.compiler.JnaNvrtcCompiler;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compiler contract through the project's own JNA binding of NVRTC (any of {@code libnvrtc.so.13},
 * {@code .so.12}, {@code .so.11.2}; in CI, Debian's {@code libnvrtc11.2}).
 */
@Tag("cuda")
class JnaNvrtcCompilerTest extends CompilerContract {
    @Override
    protected CompilerCandidate locate() {
        return JnaNvrtcCompiler.locate(List.of());
    }

    /**
     * A toolkit of NVRTC's own version under CUDA_HOME (here a stand-in whose {@code cuda_fp16.h} defines just
     * what the program uses) gives NVRTC its include folder: the program that failed without it compiles.
     */
    @Test
    void headersOfItsOwnVersionAreIncluded(@TempDir Path home) throws IOException {
        Path include = Files.createDirectories(home.resolve("include"));
        int number = compiler.version().major() * 1000 + compiler.version().minor() * 10;
        Files.writeString(include.resolve("cuda.h"), "#define CUDA_VERSION " + number + "\n");
        Files.writeString(include.resolve("cuda_fp16.h"), "struct __half { unsigned short x; };\n"
                + "static __device__ __half __float2half(float f) { __half h; h.x = (unsigned short) f; return h; }\n"
                + "static __device__ __half __hmul(__half a, __half b) { __half h; h.x = a.x * b.x; return h; }\n");
        JnaNvrtcCompiler withHeaders = (JnaNvrtcCompiler) JnaNvrtcCompiler.locate(List.of(home)).compiler();
        if (withHeaders.headers().isPresent() && !withHeaders.headers().get().equals(include)) {
            System.out.println("JnaNvrtcCompilerTest: a toolkit of NVRTC's version is installed, at "
                    + withHeaders.headers());
        } else {
            assertEquals(Optional.of(include), withHeaders.headers());
        }
        assertTrue(withHeaders.description().contains("CUDA headers "), withHeaders.description());
        String ptx = withHeaders.compile("halve", HALF_PROGRAM, List.of(), CompileTarget.ptx(ARCH)).ptxText();
        assertTrue(ptx.contains(".entry halve("), ptx);
    }
}
