package org.jgpuarray.opencl.internal;

import org.jgpuarray.device.DeviceException;
import org.jgpuarray.device.OutOfDeviceMemoryException;
import org.jocl.CL;

/**
 * Status-code checking for JOCL calls. The backend runs JOCL with exceptions switched off, checks every
 * returned code here and turns failures into jgpuarray's exceptions, naming the call and the code.
 */
final class Cl {
    private Cl() {
    }

    /**
     * The symbolic name of an OpenCL status code, e.g. {@code CL_INVALID_KERNEL_ARGS}; never loads JOCL.
     *
     * @param code a status code
     * @return its name, or {@code "CL_ERROR_<code>"} for codes OpenCL does not define
     */
    static String errorName(int code) {
        return ClErrorNames.of(code);
    }

    /**
     * Throws when {@code code} is not {@code CL_SUCCESS}.
     *
     * @param call the OpenCL function that returned the code
     * @param code its status
     * @throws OutOfDeviceMemoryException for {@code CL_MEM_OBJECT_ALLOCATION_FAILURE}
     * @throws DeviceException            for any other failure
     */
    static void check(String call, int code) {
        check(call, code, "");
    }

    /**
     * Throws when {@code code} is not {@code CL_SUCCESS}, adding {@code detail} to the message.
     *
     * @param call   the OpenCL function that returned the code
     * @param code   its status
     * @param detail what was being done, e.g. the kernel's name; may be empty
     */
    static void check(String call, int code, String detail) {
        if (code != CL.CL_SUCCESS) {
            throw failure(call, code, detail, -1);
        }
    }

    /**
     * The exception for a failed call.
     *
     * @param requestedBytes the size of the allocation involved, or -1 when unknown
     */
    static DeviceException failure(String call, int code, String detail, long requestedBytes) {
        if (code == CL.CL_MEM_OBJECT_ALLOCATION_FAILURE
                || (requestedBytes >= 0 && (code == CL.CL_OUT_OF_RESOURCES || code == CL.CL_OUT_OF_HOST_MEMORY))) {
            return new OutOfDeviceMemoryException(call, code, errorName(code), Math.max(requestedBytes, 0));
        }
        return new DeviceException(call, code, errorName(code), detail);
    }
}
