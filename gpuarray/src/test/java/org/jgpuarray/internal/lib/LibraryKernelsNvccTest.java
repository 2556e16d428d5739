package org.jgpuarray.internal.lib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jgpuarray.kernels.Dialect;
import org.jgpuarray.kernels.ScalarType;
import org.jgpuarray.kernels.c.CSource;
import org.jgpuarray.kernels.lib.BlasKernels;
import org.jgpuarray.kernels.lib.FftKernels;
import org.jgpuarray.kernels.lib.GemmKernels;
import org.jgpuarray.kernels.lib.GemmTiling;
import org.jgpuarray.kernels.lib.PhiloxKernels;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every CUDA program of the portable libraries (GEMM in all tilings, BLAS levels 1-2, Philox, FFT, in
 * float32 and float64; the integer GEMM in int32 and int64) compiles to PTX with {@code nvcc --ptx -arch=sm_80}. Skipped, with the reason,
 * where no nvcc is found on the PATH or under CUDA_HOME.
 */
@Tag("cuda")
class LibraryKernelsNvccTest {
    @TempDir
    Path dir;

    static Map<String, CSource> cudaPrograms() {
        Map<String, CSource> programs = new LinkedHashMap<>();
        for (ScalarType t : new ScalarType[] {ScalarType.FLOAT32, ScalarType.FLOAT64}) {
            String n = t.numpyName();
            programs.put("gemm_" + n, GemmKernels.program(Dialect.CUDA, t, GemmTiling.GPU));
            programs.put("gemm_large_" + n, GemmKernels.program(Dialect.CUDA, t, GemmTiling.LARGE));
            programs.put("gemm_small_" + n, GemmKernels.program(Dialect.CUDA, t, GemmTiling.SMALL));
            programs.put("blas_" + n, BlasKernels.program(Dialect.CUDA, t));
            programs.put("philox_" + n, PhiloxKernels.program(Dialect.CUDA, t));
            programs.put("fft_" + n, FftKernels.program(Dialect.CUDA, t, false));
            programs.put("fft_wide_" + n, FftKernels.program(Dialect.CUDA, t, true));
        }
        for (ScalarType t : new ScalarType[] {ScalarType.INT32, ScalarType.INT64}) {
            programs.put("gemm_" + t.numpyName(), GemmKernels.program(Dialect.CUDA, t, GemmTiling.GPU));
            programs.put("gemm_large_" + t.numpyName(), GemmKernels.program(Dialect.CUDA, t, GemmTiling.LARGE));
        }
        return programs;
    }

    @Test
    void cudaProgramsCompileToPtx() throws IOException, InterruptedException {
        Optional<String> nvcc = findNvcc();
        if (nvcc.isEmpty()) {
            System.out.println("SKIPPED " + getClass().getSimpleName() + ": no nvcc on the PATH or under CUDA_HOME");
        }
        assumeTrue(nvcc.isPresent(), "no nvcc on the PATH or under CUDA_HOME");
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, CSource> e : cudaPrograms().entrySet()) {
            Path cu = dir.resolve(e.getKey() + ".cu");
            Files.writeString(cu, e.getValue().source(), StandardCharsets.UTF_8);
            Path ptx = dir.resolve(e.getKey() + ".ptx");
            Process p = new ProcessBuilder(nvcc.get(), "--ptx", "-arch=sm_80", cu.toString(), "-o", ptx.toString())
                    .redirectErrorStream(true).start();
            String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(300, TimeUnit.SECONDS), "nvcc timed out on " + e.getKey());
            if (p.exitValue() != 0) {
                failures.add(e.getKey() + ":\n" + log + "\n" + e.getValue().numbered());
                continue;
            }
            String text = Files.readString(ptx, StandardCharsets.UTF_8);
            for (String kernel : e.getValue().kernelNames()) {
                if (!text.contains(".entry " + kernel + "(")) {
                    failures.add(e.getKey() + ": no entry " + kernel + " in the PTX");
                }
            }
        }
        assertEquals(List.of(), failures);
    }

    private static Optional<String> findNvcc() {
        List<String> candidates = new ArrayList<>();
        String cudaHome = System.getenv("CUDA_HOME");
        if (cudaHome != null) {
            candidates.add(cudaHome + "/bin/nvcc");
        }
        String path = System.getenv("PATH");
        if (path != null) {
            for (String d : path.split(File.pathSeparator)) {
                candidates.add(d + "/nvcc");
            }
        }
        return candidates.stream().filter(c -> Files.isExecutable(Path.of(c))).findFirst();
    }
}
