package org.jgpuarray.cuda.internal.compiler;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jcuda.nvrtc.JNvrtc;
import jcuda.nvrtc.nvrtcProgram;
import jcuda.nvrtc.nvrtcResult;

/**
 * NVRTC through JCuda's {@code JNvrtc}, whose native library (JCuda 12.6) links {@code libnvrtc.so.12}:
 * the first choice where that library is installed. JCuda's exceptions are switched off; every status
 * is checked here so that the program log is read before anything is thrown.
 */
public final class JcudaNvrtcCompiler extends NvrtcCompiler<nvrtcProgram> {
    private JcudaNvrtcCompiler(CudaVersion version, List<GpuArch> archs, Optional<Path> headers) {
        super(version, archs, headers);
    }

    private static CompilerCandidate located;

    /**
     * Loads JCuda's NVRTC binding, once per process (a class that failed to initialize stays failed,
     * so the first answer is kept with its reason).
     *
     * @return the compiler, or why it cannot load (typically: no {@code libnvrtc.so.12})
     */
    public static synchronized CompilerCandidate locate() {
        if (located == null) {
            located = load();
        }
        return located;
    }

    private static CompilerCandidate load() {
        try {
            JNvrtc.setExceptionsEnabled(false);
            int[] major = {0};
            int[] minor = {0};
            int result = JNvrtc.nvrtcVersion(major, minor);
            if (result != SUCCESS) {
                return CompilerCandidate.absent("jcuda-nvrtc", "nvrtcVersion failed: " + nvrtcResult.stringFor(result));
            }
            int[] count = {0};
            List<GpuArch> archs = List.of();
            if (JNvrtc.nvrtcGetNumSupportedArchs(count) == SUCCESS && count[0] > 0) {
                int[] numbers = new int[count[0]];
                if (JNvrtc.nvrtcGetSupportedArchs(numbers) == SUCCESS) {
                    archs = archsOf(numbers);
                }
            }
            CudaVersion version = new CudaVersion(major[0], minor[0]);
            List<Path> roots = new ArrayList<>();
            ToolkitHeaders.loadedFrom("libnvrtc.so").ifPresent(roots::add);
            roots.addAll(CompilerSelection.cudaHomes(System::getenv));
            return CompilerCandidate.found(new JcudaNvrtcCompiler(version, archs, ToolkitHeaders.find(version, roots)));
        } catch (LinkageError | RuntimeException e) {
            return CompilerCandidate.absent("jcuda-nvrtc", NativeLoadErrors.missing(e, "libnvrtc.so.12")
                    ? "JCuda's NVRTC binding needs libnvrtc.so.12, which is not installed"
                    : "JCuda's NVRTC binding does not load: " + NativeLoadErrors.reason(e));
        }
    }

    @Override
    public String id() {
        return "jcuda-nvrtc";
    }

    @Override
    public String description() {
        return "NVRTC " + version() + " (JCuda JNvrtc, libnvrtc.so.12" + headersDescription() + ")";
    }

    @Override
    nvrtcProgram createProgram(String source, String fileName) {
        nvrtcProgram program = new nvrtcProgram();
        check("nvrtcCreateProgram", JNvrtc.nvrtcCreateProgram(program, source, fileName, 0, null, null));
        return program;
    }

    @Override
    int compileProgram(nvrtcProgram program, String[] options) {
        return JNvrtc.nvrtcCompileProgram(program, options.length, options);
    }

    @Override
    String programLog(nvrtcProgram program) {
        String[] log = {null};
        check("nvrtcGetProgramLog", JNvrtc.nvrtcGetProgramLog(program, log));
        return log[0] == null ? "" : log[0].replace("\0", "");
    }

    @Override
    byte[] ptx(nvrtcProgram program) {
        String[] ptx = {null};
        check("nvrtcGetPTX", JNvrtc.nvrtcGetPTX(program, ptx));
        return ptx[0] == null ? new byte[0] : ptx[0].getBytes(StandardCharsets.UTF_8);
    }

    @Override
    byte[] cubin(nvrtcProgram program) {
        long[] size = {0};
        check("nvrtcGetCUBINSize", JNvrtc.nvrtcGetCUBINSize(program, size));
        byte[] cubin = new byte[Math.toIntExact(size[0])];
        check("nvrtcGetCUBIN", JNvrtc.nvrtcGetCUBIN(program, cubin));
        return cubin;
    }

    @Override
    void destroyProgram(nvrtcProgram program) {
        JNvrtc.nvrtcDestroyProgram(program);
    }

    @Override
    String errorName(int result) {
        return nvrtcResult.stringFor(result);
    }
}
