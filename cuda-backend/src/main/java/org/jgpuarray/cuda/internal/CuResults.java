package org.jgpuarray.cuda.internal;

import java.util.Set;
import jcuda.driver.CUresult;

/** Names and kinds of the driver API's {@code CUresult} codes. */
final class CuResults {
    /** CUDA_ERROR_OUT_OF_MEMORY. */
    static final int OUT_OF_MEMORY = 2;
    /** CUDA_ERROR_NOT_FOUND, e.g. from cuModuleGetFunction. */
    static final int NOT_FOUND = 500;
    /** CUDA_ERROR_UNSUPPORTED_PTX_VERSION: the PTX is newer than the driver. */
    static final int UNSUPPORTED_PTX_VERSION = 222;
    /** Errors that leave the context unusable: every later call in it fails. */
    private static final Set<Integer> STICKY = Set.of(
            214, // CUDA_ERROR_ECC_UNCORRECTABLE
            700, // CUDA_ERROR_ILLEGAL_ADDRESS
            702, // CUDA_ERROR_LAUNCH_TIMEOUT
            709, // CUDA_ERROR_CONTEXT_IS_DESTROYED
            710, // CUDA_ERROR_ASSERT
            714, // CUDA_ERROR_HARDWARE_STACK_ERROR
            715, // CUDA_ERROR_ILLEGAL_INSTRUCTION
            716, // CUDA_ERROR_MISALIGNED_ADDRESS
            717, // CUDA_ERROR_INVALID_ADDRESS_SPACE
            718, // CUDA_ERROR_INVALID_PC
            719, // CUDA_ERROR_LAUNCH_FAILED
            999); // CUDA_ERROR_UNKNOWN
    /** Errors of loading a module image (bad PTX, no code for this GPU, ...). */
    private static final Set<Integer> IMAGE = Set.of(
            200, // CUDA_ERROR_INVALID_IMAGE
            209, // CUDA_ERROR_NO_BINARY_FOR_GPU
            218, // CUDA_ERROR_INVALID_PTX
            221, // CUDA_ERROR_JIT_COMPILER_NOT_FOUND
            UNSUPPORTED_PTX_VERSION,
            223, // CUDA_ERROR_JIT_COMPILATION_DISABLED
            224); // CUDA_ERROR_UNSUPPORTED_EXEC_AFFINITY

    private CuResults() {
    }

    /** The symbolic name, e.g. {@code CUDA_ERROR_ILLEGAL_ADDRESS}. */
    static String name(int code) {
        String name = CUresult.stringFor(code);
        return name == null || name.startsWith("INVALID CUresult") ? "CUresult " + code : name;
    }

    /** True for errors after which the context cannot be used any more. */
    static boolean isSticky(int code) {
        return STICKY.contains(code);
    }

    /** True for errors that say a module image could not be loaded. */
    static boolean isImageError(int code) {
        return IMAGE.contains(code);
    }

    /** E.g. {@code CUDA_ERROR_NO_DEVICE (100)}. */
    static String describe(int code) {
        return name(code) + " (" + code + ")";
    }
}
