package org.jgpuarray.opencl.internal;

import org.jocl.CL;

/**
 * The symbolic names of OpenCL status codes, as JOCL's {@code CL.stringFor_errorCode} gives them, without
 * loading JOCL: the {@code CL.*} constants below are compile-time constants that javac copies in, so
 * naming a code never runs {@code CL}'s class initialiser (which loads {@code libOpenCL.so} and prints to
 * standard output when that fails).
 */
final class ClErrorNames {
    private ClErrorNames() {
    }

    /**
     * The name of a status code.
     *
     * @param code an OpenCL status code
     * @return e.g. {@code "CL_INVALID_KERNEL_ARGS"}, or {@code "CL_ERROR_<code>"} for a code OpenCL does not
     *         define
     */
    static String of(int code) {
        return switch (code) {
            case CL.CL_SUCCESS -> "CL_SUCCESS";
            case CL.CL_DEVICE_NOT_FOUND -> "CL_DEVICE_NOT_FOUND";
            case CL.CL_DEVICE_NOT_AVAILABLE -> "CL_DEVICE_NOT_AVAILABLE";
            case CL.CL_COMPILER_NOT_AVAILABLE -> "CL_COMPILER_NOT_AVAILABLE";
            case CL.CL_MEM_OBJECT_ALLOCATION_FAILURE -> "CL_MEM_OBJECT_ALLOCATION_FAILURE";
            case CL.CL_OUT_OF_RESOURCES -> "CL_OUT_OF_RESOURCES";
            case CL.CL_OUT_OF_HOST_MEMORY -> "CL_OUT_OF_HOST_MEMORY";
            case CL.CL_PROFILING_INFO_NOT_AVAILABLE -> "CL_PROFILING_INFO_NOT_AVAILABLE";
            case CL.CL_MEM_COPY_OVERLAP -> "CL_MEM_COPY_OVERLAP";
            case CL.CL_IMAGE_FORMAT_MISMATCH -> "CL_IMAGE_FORMAT_MISMATCH";
            case CL.CL_IMAGE_FORMAT_NOT_SUPPORTED -> "CL_IMAGE_FORMAT_NOT_SUPPORTED";
            case CL.CL_BUILD_PROGRAM_FAILURE -> "CL_BUILD_PROGRAM_FAILURE";
            case CL.CL_MAP_FAILURE -> "CL_MAP_FAILURE";
            case CL.CL_MISALIGNED_SUB_BUFFER_OFFSET -> "CL_MISALIGNED_SUB_BUFFER_OFFSET";
            case CL.CL_EXEC_STATUS_ERROR_FOR_EVENTS_IN_WAIT_LIST -> "CL_EXEC_STATUS_ERROR_FOR_EVENTS_IN_WAIT_LIST";
            case CL.CL_COMPILE_PROGRAM_FAILURE -> "CL_COMPILE_PROGRAM_FAILURE";
            case CL.CL_LINKER_NOT_AVAILABLE -> "CL_LINKER_NOT_AVAILABLE";
            case CL.CL_LINK_PROGRAM_FAILURE -> "CL_LINK_PROGRAM_FAILURE";
            case CL.CL_DEVICE_PARTITION_FAILED -> "CL_DEVICE_PARTITION_FAILED";
            case CL.CL_KERNEL_ARG_INFO_NOT_AVAILABLE -> "CL_KERNEL_ARG_INFO_NOT_AVAILABLE";
            case CL.CL_INVALID_VALUE -> "CL_INVALID_VALUE";
            case CL.CL_INVALID_DEVICE_TYPE -> "CL_INVALID_DEVICE_TYPE";
            case CL.CL_INVALID_PLATFORM -> "CL_INVALID_PLATFORM";
            case CL.CL_INVALID_DEVICE -> "CL_INVALID_DEVICE";
            case CL.CL_INVALID_CONTEXT -> "CL_INVALID_CONTEXT";
            case CL.CL_INVALID_QUEUE_PROPERTIES -> "CL_INVALID_QUEUE_PROPERTIES";
            case CL.CL_INVALID_COMMAND_QUEUE -> "CL_INVALID_COMMAND_QUEUE";
            case CL.CL_INVALID_HOST_PTR -> "CL_INVALID_HOST_PTR";
            case CL.CL_INVALID_MEM_OBJECT -> "CL_INVALID_MEM_OBJECT";
            case CL.CL_INVALID_IMAGE_FORMAT_DESCRIPTOR -> "CL_INVALID_IMAGE_FORMAT_DESCRIPTOR";
            case CL.CL_INVALID_IMAGE_SIZE -> "CL_INVALID_IMAGE_SIZE";
            case CL.CL_INVALID_SAMPLER -> "CL_INVALID_SAMPLER";
            case CL.CL_INVALID_BINARY -> "CL_INVALID_BINARY";
            case CL.CL_INVALID_BUILD_OPTIONS -> "CL_INVALID_BUILD_OPTIONS";
            case CL.CL_INVALID_PROGRAM -> "CL_INVALID_PROGRAM";
            case CL.CL_INVALID_PROGRAM_EXECUTABLE -> "CL_INVALID_PROGRAM_EXECUTABLE";
            case CL.CL_INVALID_KERNEL_NAME -> "CL_INVALID_KERNEL_NAME";
            case CL.CL_INVALID_KERNEL_DEFINITION -> "CL_INVALID_KERNEL_DEFINITION";
            case CL.CL_INVALID_KERNEL -> "CL_INVALID_KERNEL";
            case CL.CL_INVALID_ARG_INDEX -> "CL_INVALID_ARG_INDEX";
            case CL.CL_INVALID_ARG_VALUE -> "CL_INVALID_ARG_VALUE";
            case CL.CL_INVALID_ARG_SIZE -> "CL_INVALID_ARG_SIZE";
            case CL.CL_INVALID_KERNEL_ARGS -> "CL_INVALID_KERNEL_ARGS";
            case CL.CL_INVALID_WORK_DIMENSION -> "CL_INVALID_WORK_DIMENSION";
            case CL.CL_INVALID_WORK_GROUP_SIZE -> "CL_INVALID_WORK_GROUP_SIZE";
            case CL.CL_INVALID_WORK_ITEM_SIZE -> "CL_INVALID_WORK_ITEM_SIZE";
            case CL.CL_INVALID_GLOBAL_OFFSET -> "CL_INVALID_GLOBAL_OFFSET";
            case CL.CL_INVALID_EVENT_WAIT_LIST -> "CL_INVALID_EVENT_WAIT_LIST";
            case CL.CL_INVALID_EVENT -> "CL_INVALID_EVENT";
            case CL.CL_INVALID_OPERATION -> "CL_INVALID_OPERATION";
            case CL.CL_INVALID_GL_OBJECT -> "CL_INVALID_GL_OBJECT";
            case CL.CL_INVALID_BUFFER_SIZE -> "CL_INVALID_BUFFER_SIZE";
            case CL.CL_INVALID_MIP_LEVEL -> "CL_INVALID_MIP_LEVEL";
            case CL.CL_INVALID_GLOBAL_WORK_SIZE -> "CL_INVALID_GLOBAL_WORK_SIZE";
            case CL.CL_INVALID_PROPERTY -> "CL_INVALID_PROPERTY";
            case CL.CL_INVALID_IMAGE_DESCRIPTOR -> "CL_INVALID_IMAGE_DESCRIPTOR";
            case CL.CL_INVALID_COMPILER_OPTIONS -> "CL_INVALID_COMPILER_OPTIONS";
            case CL.CL_INVALID_LINKER_OPTIONS -> "CL_INVALID_LINKER_OPTIONS";
            case CL.CL_INVALID_DEVICE_PARTITION_COUNT -> "CL_INVALID_DEVICE_PARTITION_COUNT";
            case CL.CL_INVALID_PIPE_SIZE -> "CL_INVALID_PIPE_SIZE";
            case CL.CL_INVALID_DEVICE_QUEUE -> "CL_INVALID_DEVICE_QUEUE";
            case CL.CL_JOCL_INTERNAL_ERROR -> "CL_JOCL_INTERNAL_ERROR";
            case CL.CL_INVALID_GL_SHAREGROUP_REFERENCE_KHR -> "CL_INVALID_GL_SHAREGROUP_REFERENCE_KHR";
            case CL.CL_PLATFORM_NOT_FOUND_KHR -> "CL_PLATFORM_NOT_FOUND_KHR";
            case 1 -> "Error in program source code"; // some implementations return 1 from clBuildProgram
            default -> "CL_ERROR_" + code;
        };
    }
}
