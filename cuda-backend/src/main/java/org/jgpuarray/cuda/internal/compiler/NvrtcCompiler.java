package org.jgpuarray.cuda.internal.compiler;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jgpuarray.device.DeviceException;
import org.jgpuarray.device.KernelCompilationException;
import org.jgpuarray.kernels.c.CSource;

/**
 * NVRTC, whichever binding reaches it: the compile sequence (create, compile, read the log, read
 * PTX or cubin, destroy) written once over a handful of primitive calls that the bindings provide. The
 * include folder of CUDA's headers of NVRTC's own version is passed where one was found, so that raw
 * programs can {@code #include <cuda_fp16.h>} as under nvcc; where none was, a failed include says what
 * to do.
 *
 * @param <P> the binding's program handle
 */
abstract class NvrtcCompiler<P> implements CudaCompiler {
    /** NVRTC_SUCCESS. */
    static final int SUCCESS = 0;

    private final CudaVersion version;
    private final List<GpuArch> archs;
    private final Optional<Path> headers;

    /**
     * @param headers the include folder of CUDA's headers of this NVRTC's version ({@link ToolkitHeaders}), if any
     */
    NvrtcCompiler(CudaVersion version, List<GpuArch> archs, Optional<Path> headers) {
        this.version = version;
        this.archs = List.copyOf(archs);
        this.headers = headers;
    }

    /** The include folder of CUDA's headers passed to every compilation, if one of this version was found. */
    public Optional<Path> headers() {
        return headers;
    }

    /** {@code ", CUDA headers <folder>"} or "", for descriptions. */
    final String headersDescription() {
        return headers.map(h -> ", CUDA headers " + h).orElse("");
    }

    @Override
    public CudaVersion version() {
        return version;
    }

    @Override
    public List<GpuArch> supportedArchs() {
        return archs;
    }

    @Override
    public CudaBinary compile(String name, String source, List<String> options, CompileTarget target) {
        List<String> all = new ArrayList<>(options.size() + 2);
        all.add("--gpu-architecture=" + target.archName());
        all.addAll(options);
        headers.ifPresent(h -> all.add("--include-path=" + h));
        P program = createProgram(source, name + ".cu");
        try {
            int result = compileProgram(program, all.toArray(String[]::new));
            String log = programLog(program);
            if (result != SUCCESS) {
                String status = "nvrtcCompileProgram returned " + errorName(result) + " (" + result + ")";
                throw new KernelCompilationException(name, (log.isBlank() ? status : log.strip() + "\n" + status)
                        + headerAdvice(log), all, CSource.numberLines(source), null);
            }
            byte[] image = target.kind() == BinaryKind.CUBIN ? cubin(program) : ptx(program);
            return new CudaBinary(target.kind(), target.archName(), image, log.strip());
        } finally {
            destroyProgram(program);
        }
    }

    /** What to do when an include was not found: empty unless the log says so. */
    private String headerAdvice(String log) {
        if (!log.contains("cannot open source file") && !log.contains("no directories in search list")) {
            return "";
        }
        return headers.map(h -> "\n(NVRTC searched the CUDA " + version + " headers in " + h + ")").orElse(
                "\nNVRTC " + version + " has no CUDA headers: install the CUDA " + version + " toolkit's headers"
                + " and set CUDA_HOME to that toolkit (its include/cuda.h must declare CUDA " + version
                + "; another version's headers do not compile with this NVRTC), or compile with nvcc"
                + " (JGPUARRAY_CUDA_COMPILER=nvcc)");
    }

    /** Throws a {@link DeviceException} naming the NVRTC call when {@code result} is not success. */
    final void check(String call, int result) {
        if (result != SUCCESS) {
            throw new DeviceException(call, result, errorName(result), description());
        }
    }

    /** nvrtcCreateProgram without headers. */
    abstract P createProgram(String source, String fileName);

    /** nvrtcCompileProgram; returns its status. */
    abstract int compileProgram(P program, String[] options);

    /** The program log (nvrtcGetProgramLogSize, nvrtcGetProgramLog), "" when empty. */
    abstract String programLog(P program);

    /** nvrtcGetPTXSize and nvrtcGetPTX. */
    abstract byte[] ptx(P program);

    /** nvrtcGetCUBINSize and nvrtcGetCUBIN. */
    abstract byte[] cubin(P program);

    /** nvrtcDestroyProgram; never throws. */
    abstract void destroyProgram(P program);

    /** The name of an nvrtcResult, e.g. {@code NVRTC_ERROR_COMPILATION}. */
    abstract String errorName(int result);

    /** The names of nvrtcResult values 0 to 12, as in nvrtc.h. */
    static String standardErrorName(int result) {
        String[] names = {"NVRTC_SUCCESS", "NVRTC_ERROR_OUT_OF_MEMORY", "NVRTC_ERROR_PROGRAM_CREATION_FAILURE",
                "NVRTC_ERROR_INVALID_INPUT", "NVRTC_ERROR_INVALID_PROGRAM", "NVRTC_ERROR_INVALID_OPTION",
                "NVRTC_ERROR_COMPILATION", "NVRTC_ERROR_BUILTIN_OPERATION_FAILURE",
                "NVRTC_ERROR_NO_NAME_EXPRESSIONS_AFTER_COMPILATION", "NVRTC_ERROR_NO_LOWERED_NAMES_BEFORE_COMPILATION",
                "NVRTC_ERROR_NAME_EXPRESSION_NOT_VALID", "NVRTC_ERROR_INTERNAL_ERROR", "NVRTC_ERROR_TIME_FILE_WRITE_FAILED"};
        return result >= 0 && result < names.length ? names[result] : "NVRTC_ERROR_" + result;
    }

    /** Drops the terminating NUL(s) of a C string read into a byte array. */
    static String cString(byte[] bytes) {
        int end = 0;
        while (end < bytes.length && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, 0, end, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The architectures of {@code nvrtcGetSupportedArchs}' numbers, ascending. */
    static List<GpuArch> archsOf(int[] numbers) {
        return java.util.Arrays.stream(numbers).sorted().distinct().mapToObj(GpuArch::fromNumber).toList();
    }
}
