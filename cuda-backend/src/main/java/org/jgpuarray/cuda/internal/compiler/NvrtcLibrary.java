package org.jgpuarray.cuda.internal.compiler;

import com.sun.jna.Library;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.LongByReference;
import com.sun.jna.ptr.PointerByReference;

/**
 * The few NVRTC functions jgpuarray calls, bound through JNA to whichever {@code libnvrtc} the machine
 * has (their C signatures are the same from CUDA 11.2 to 13). {@code size_t} is mapped to a 64-bit
 * long: 64-bit platforms only. Internal; used by {@link JnaNvrtcCompiler}.
 */
public interface NvrtcLibrary extends Library {
    /** {@code nvrtcResult nvrtcVersion(int *major, int *minor)}. */
    int nvrtcVersion(IntByReference major, IntByReference minor);

    /** {@code nvrtcResult nvrtcGetNumSupportedArchs(int *numArchs)} (NVRTC 11.2 and later). */
    int nvrtcGetNumSupportedArchs(IntByReference numArchs);

    /** {@code nvrtcResult nvrtcGetSupportedArchs(int *supportedArchs)}. */
    int nvrtcGetSupportedArchs(int[] supportedArchs);

    /** {@code nvrtcResult nvrtcCreateProgram(nvrtcProgram *prog, const char *src, const char *name, int numHeaders, const char * const *headers, const char * const *includeNames)}. */
    int nvrtcCreateProgram(PointerByReference program, String source, String name, int numHeaders,
                           String[] headers, String[] includeNames);

    /** {@code nvrtcResult nvrtcCompileProgram(nvrtcProgram prog, int numOptions, const char * const *options)}. */
    int nvrtcCompileProgram(Pointer program, int numOptions, String[] options);

    /** {@code nvrtcResult nvrtcGetProgramLogSize(nvrtcProgram prog, size_t *logSizeRet)}. */
    int nvrtcGetProgramLogSize(Pointer program, LongByReference size);

    /** {@code nvrtcResult nvrtcGetProgramLog(nvrtcProgram prog, char *log)}. */
    int nvrtcGetProgramLog(Pointer program, byte[] log);

    /** {@code nvrtcResult nvrtcGetPTXSize(nvrtcProgram prog, size_t *ptxSizeRet)}. */
    int nvrtcGetPTXSize(Pointer program, LongByReference size);

    /** {@code nvrtcResult nvrtcGetPTX(nvrtcProgram prog, char *ptx)}. */
    int nvrtcGetPTX(Pointer program, byte[] ptx);

    /** {@code nvrtcResult nvrtcGetCUBINSize(nvrtcProgram prog, size_t *cubinSizeRet)} (NVRTC 11.1 and later). */
    int nvrtcGetCUBINSize(Pointer program, LongByReference size);

    /** {@code nvrtcResult nvrtcGetCUBIN(nvrtcProgram prog, char *cubin)}. */
    int nvrtcGetCUBIN(Pointer program, byte[] cubin);

    /** {@code nvrtcResult nvrtcDestroyProgram(nvrtcProgram *prog)}. */
    int nvrtcDestroyProgram(PointerByReference program);

    /** {@code const char *nvrtcGetErrorString(nvrtcResult result)}. */
    String nvrtcGetErrorString(int result);
}
