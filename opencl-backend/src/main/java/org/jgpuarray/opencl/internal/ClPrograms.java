package org.jgpuarray.opencl.internal;

import static org.jocl.CL.*;

import java.util.List;
import java.util.Optional;
import org.jgpuarray.device.DeviceException;
import org.jgpuarray.device.KernelCompilationException;
import org.jgpuarray.kernels.c.CSource;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_context;
import org.jocl.cl_device_id;
import org.jocl.cl_program;

/**
 * Builds programs from source or from a device binary, reads build logs and extracts binaries. A failed
 * source build reads {@code CL_PROGRAM_BUILD_LOG} before anything else and becomes a
 * {@link KernelCompilationException} carrying the log, the options and the numbered source.
 */
final class ClPrograms {
    private static final System.Logger LOG = System.getLogger("org.jgpuarray.opencl");

    private ClPrograms() {
    }

    /**
     * Compiles source for one device.
     *
     * @param name    the program's name for messages (the kernel or spec name)
     * @param options build options, e.g. {@code -DJGA_BLOCK=128}
     * @throws KernelCompilationException when {@code clBuildProgram} fails
     */
    static cl_program fromSource(cl_context context, ClDeviceHandle device, String name, String source,
                                 List<String> options) {
        int[] err = new int[1];
        cl_program program = clCreateProgramWithSource(context, 1, new String[] {source}, null, err);
        Cl.check("clCreateProgramWithSource", err[0], name);
        int code = clBuildProgram(program, 1, new cl_device_id[] {device.device()}, String.join(" ", options),
                null, null);
        String log = buildLog(program, device);
        if (code != CL_SUCCESS) {
            clReleaseProgram(program);
            String shownLog = log.isBlank() ? "(the OpenCL compiler left no log; clBuildProgram returned "
                    + Cl.errorName(code) + ")" : log;
            throw new KernelCompilationException(name, shownLog, options, CSource.numberLines(source),
                    new DeviceException("clBuildProgram", code, Cl.errorName(code), name));
        }
        if (!log.isBlank()) {
            LOG.log(System.Logger.Level.DEBUG, () -> "build log of '" + name + "' on " + device.name() + ":\n" + log);
        }
        return program;
    }

    /**
     * Loads a binary that an earlier {@link #binary} produced on the same device and driver.
     *
     * @return the built program, or empty when the driver rejects the binary (the caller rebuilds)
     */
    static Optional<cl_program> fromBinary(cl_context context, ClDeviceHandle device, String name, byte[] binary,
                                           List<String> options) {
        int[] err = new int[1];
        int[] status = new int[1];
        cl_program program = clCreateProgramWithBinary(context, 1, new cl_device_id[] {device.device()},
                new long[] {binary.length}, new byte[][] {binary}, status, err);
        if (err[0] != CL_SUCCESS || status[0] != CL_SUCCESS) {
            if (program != null && err[0] == CL_SUCCESS) {
                clReleaseProgram(program);
            }
            LOG.log(System.Logger.Level.DEBUG, () -> "binary of '" + name + "' rejected: " + Cl.errorName(err[0])
                    + "/" + Cl.errorName(status[0]));
            return Optional.empty();
        }
        int code = clBuildProgram(program, 1, new cl_device_id[] {device.device()}, String.join(" ", options),
                null, null);
        if (code != CL_SUCCESS) {
            clReleaseProgram(program);
            LOG.log(System.Logger.Level.DEBUG, () -> "binary of '" + name + "' failed to build: " + Cl.errorName(code));
            return Optional.empty();
        }
        return Optional.of(program);
    }

    /** The device binary of a built single-device program; empty when the driver offers none. */
    static byte[] binary(cl_program program) {
        long[] sizes = new long[1];
        Cl.check("clGetProgramInfo", clGetProgramInfo(program, CL_PROGRAM_BINARY_SIZES, Sizeof.size_t,
                Pointer.to(sizes), null));
        if (sizes[0] <= 0 || sizes[0] > Integer.MAX_VALUE - 64) {
            return new byte[0];
        }
        byte[] binary = new byte[(int) sizes[0]];
        Cl.check("clGetProgramInfo", clGetProgramInfo(program, CL_PROGRAM_BINARIES, Sizeof.POINTER,
                Pointer.to(Pointer.to(binary)), null));
        return binary;
    }

    /** {@code CL_PROGRAM_BUILD_LOG} for the device; "" when it cannot be read. */
    static String buildLog(cl_program program, ClDeviceHandle device) {
        long[] size = new long[1];
        if (clGetProgramBuildInfo(program, device.device(), CL_PROGRAM_BUILD_LOG, 0, null, size) != CL_SUCCESS
                || size[0] <= 1) {
            return "";
        }
        byte[] bytes = new byte[(int) size[0]];
        if (clGetProgramBuildInfo(program, device.device(), CL_PROGRAM_BUILD_LOG, bytes.length, Pointer.to(bytes),
                null) != CL_SUCCESS) {
            return "";
        }
        return ClInfo.text(bytes);
    }
}
