package org.jgpuarray.cuda.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.jgpuarray.cuda.internal.compiler.CudaVersion;
import org.jgpuarray.cuda.internal.compiler.ToolkitHeaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** NVRTC gets the headers of its own CUDA version: exact first, else an older minor of its major, never another. */
class ToolkitHeadersTest {
    @TempDir
    Path dir;

    @Test
    void theSameVersionWinsThenAnOlderMinorOfTheSameMajor() throws IOException {
        // versions no machine has, so that installed toolkits cannot answer instead
        Path older = toolkit("cuda-42.2", "include", "cuda.h", "#define CUDA_VERSION 42020\n");
        String arch = "amd64".equals(System.getProperty("os.arch")) ? "x86_64" : System.getProperty("os.arch");
        Path exact = toolkit("cuda-42.6", "targets/" + arch + "-linux/include", "cuda.h", "#define CUDA_VERSION 42060\n");
        Path newer = toolkit("cuda-42.8", "include", "cuda.h", "#define CUDA_VERSION 42080\n");
        Path other = toolkit("cuda-43.0", "include", "cuda_runtime_api.h", "#define CUDART_VERSION 43000\n");
        List<Path> roots = List.of(dir.resolve("cuda-43.0"), dir.resolve("cuda-42.8"), dir.resolve("cuda-42.2"),
                dir.resolve("cuda-42.6"));
        assertEquals(Optional.of(exact), ToolkitHeaders.find(new CudaVersion(42, 6), roots));
        assertEquals(Optional.of(older), ToolkitHeaders.find(new CudaVersion(42, 4), roots));
        assertEquals(Optional.of(other), ToolkitHeaders.find(new CudaVersion(43, 0), roots), "CUDART_VERSION counts too");
        assertEquals(Optional.of(newer), ToolkitHeaders.find(new CudaVersion(42, 9), List.of(dir.resolve("cuda-42.8"))));
        assertEquals(Optional.empty(), ToolkitHeaders.find(new CudaVersion(41, 8), roots), "no other major version");
    }

    @Test
    void aWheelsRuntimeHeadersBesideItsNvrtc() throws IOException {
        Path runtime = toolkit("nvidia/cuda_runtime", "include", "cuda_runtime_api.h", "#define CUDART_VERSION 42040\n");
        Files.createDirectories(dir.resolve("nvidia/cuda_nvrtc/lib"));
        assertEquals(Optional.of(runtime), ToolkitHeaders.find(new CudaVersion(42, 4),
                List.of(dir.resolve("nvidia/cuda_nvrtc"))));
    }

    private Path toolkit(String root, String include, String header, String text) throws IOException {
        Path folder = dir.resolve(root).resolve(include);
        Files.createDirectories(folder);
        Files.writeString(folder.resolve(header), "/* a header */\n" + text);
        return folder;
    }
}
