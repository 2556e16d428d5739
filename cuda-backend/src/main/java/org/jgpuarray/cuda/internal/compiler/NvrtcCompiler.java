package org.jgpuarray.cuda.internal.compiler;

import java.util.ArrayList;
import java.util.List;
import org.jgpuarray.device.DeviceException;
import org.jgpuarray.device.KernelCompilationException;
import org.jgpuarray.kernels.c.CSource;

/**
 * NVRTC, whichever binding reaches it: the compile sequence (create, compile, read the log, read
 * PTX or cubin, destroy) written once over a handful of primitive calls that the bindings provide.
 *
 * @param <P> the binding's program handle
 */
abstract class NvrtcCompiler<P> implements CudaCompiler {
    /** NVRTC_SUCCESS. */
    static final int SUCCESS = 0;

    private final CudaVersion version;
    private final List<GpuArch> archs;

    NvrtcCompiler(CudaVersion version, List<GpuArch> archs) {
        this.version = version;
        this.archs = List.copyOf(archs);
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
        List<String> all = new ArrayList<>(options.size() + 1);
        all.add("--gpu-architecture=" + target.archName());
        all.addAll(options);
        P program = createProgram(source, name + ".cu");
        try {
            int result = compileProgram(program, all.toArray(String[]::new));
            String log = programLog(program);
            if (result != SUCCESS) {
                String status = "nvrtcCompileProgram returned " + errorName(result) + " (" + result + ")";
                throw new KernelCompilationException(name, log.isBlank() ? status : log.strip() + "\n" + status,
                        all, CSource.numberLines(source), null);
            }
            byte[] image = target.kind() == BinaryKind.CUBIN ? cubin(program) : ptx(program);
            return new CudaBinary(target.kind(), target.archName(), image, log.strip());
        } finally {
            destroyProgram(program);
        }
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
