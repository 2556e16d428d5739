package org.jgpuarray.cuda.internal;

import java.util.Set;
import jcuda.driver.CUresult;
import jcuda.driver.JCudaDriver;

/** Names and kinds of the driver API's {@code CUresult} codes. */
final class CuResults {
    /** CUDA_ERROR_OUT_OF_MEMORY. */
    static final int OUT_OF_MEMORY = 2;
    /** CUDA_ERROR_NOT_READY: cuStreamQuery's and cuEventQuery's "still running", no error. */
    static final int NOT_READY = 600;
    /** CUDA_ERROR_NOT_FOUND, e.g. from cuModuleGetFunction. */
    static final int NOT_FOUND = 500;
    /** CUDA_ERROR_UNSUPPORTED_PTX_VERSION: the PTX is newer than the driver. */
    static final int UNSUPPORTED_PTX_VERSION = 222;
    /**
     * Errors after which, as cuda.h says of each, "the process must be terminated and relaunched" to keep
     * using CUDA. jgpuarray resets the device's primary context when its last context closes, which may
     * recover it; where it does not, only a new process will.
     */
    private static final Set<Integer> RESTART = Set.of(
            226, // CUDA_ERROR_CONTAINED
            700, // CUDA_ERROR_ILLEGAL_ADDRESS
            702, // CUDA_ERROR_LAUNCH_TIMEOUT
            714, // CUDA_ERROR_HARDWARE_STACK_ERROR
            715, // CUDA_ERROR_ILLEGAL_INSTRUCTION
            716, // CUDA_ERROR_MISALIGNED_ADDRESS
            717, // CUDA_ERROR_INVALID_ADDRESS_SPACE
            718, // CUDA_ERROR_INVALID_PC
            719, // CUDA_ERROR_LAUNCH_FAILED
            721, // CUDA_ERROR_TENSOR_MEMORY_LEAK
            810); // CUDA_ERROR_MPS_CLIENT_TERMINATED
    /** Errors that leave the context unusable: every later call in it fails. */
    private static final Set<Integer> STICKY = union(RESTART, Set.of(
            214, // CUDA_ERROR_ECC_UNCORRECTABLE
            709, // CUDA_ERROR_CONTEXT_IS_DESTROYED
            710, // CUDA_ERROR_ASSERT
            999)); // CUDA_ERROR_UNKNOWN
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

    /**
     * The symbolic name, e.g. {@code CUDA_ERROR_ILLEGAL_ADDRESS}: JCuda's, else the driver's own
     * ({@code cuGetErrorName}) for codes newer than JCuda, else {@code CUresult <code>}.
     */
    static String name(int code) {
        String name = CUresult.stringFor(code);
        if (name != null && !name.startsWith("INVALID CUresult")) {
            return name;
        }
        try {
            String[] driverName = {null};
            if (JCudaDriver.cuGetErrorName(code, driverName) == 0 && driverName[0] != null && !driverName[0].isBlank()) {
                return driverName[0];
            }
        } catch (LinkageError | RuntimeException noDriver) {
            // JCuda's driver binding did not load: the number has to do
        }
        return "CUresult " + code;
    }

    /** True for errors after which the context cannot be used any more. */
    static boolean isSticky(int code) {
        return STICKY.contains(code);
    }

    /** True for errors after which CUDA's documentation asks for a new process. */
    static boolean needsRestart(int code) {
        return RESTART.contains(code);
    }

    private static Set<Integer> union(Set<Integer> a, Set<Integer> b) {
        Set<Integer> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
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
