package org.jgpuarray.opencl.internal;

import java.nio.charset.StandardCharsets;
import org.jocl.CL;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_device_id;
import org.jocl.cl_platform_id;

/**
 * Typed reads of {@code clGetPlatformInfo} and {@code clGetDeviceInfo}. Queries a device does not know
 * (older OpenCL versions lack some) read as empty or zero where the caller says they are optional.
 */
final class ClInfo {
    private ClInfo() {
    }

    static String platformString(cl_platform_id platform, int param) {
        long[] size = new long[1];
        Cl.check("clGetPlatformInfo", CL.clGetPlatformInfo(platform, param, 0, null, size));
        byte[] bytes = new byte[(int) size[0]];
        Cl.check("clGetPlatformInfo", CL.clGetPlatformInfo(platform, param, bytes.length, Pointer.to(bytes), null));
        return text(bytes);
    }

    /** A string property; "" when the device does not support the query. */
    static String deviceString(cl_device_id device, int param) {
        long[] size = new long[1];
        if (CL.clGetDeviceInfo(device, param, 0, null, size) != CL.CL_SUCCESS || size[0] == 0) {
            return "";
        }
        byte[] bytes = new byte[(int) size[0]];
        if (CL.clGetDeviceInfo(device, param, bytes.length, Pointer.to(bytes), null) != CL.CL_SUCCESS) {
            return "";
        }
        return text(bytes);
    }

    /** A {@code cl_uint} (or {@code cl_bool}) property. */
    static int deviceUint(cl_device_id device, int param) {
        int[] value = new int[1];
        Cl.check("clGetDeviceInfo", CL.clGetDeviceInfo(device, param, Sizeof.cl_uint, Pointer.to(value), null));
        return value[0];
    }

    /** A {@code cl_ulong} or bitfield property; {@code fallback} when the device does not support the query. */
    static long deviceUlong(cl_device_id device, int param, long fallback) {
        long[] value = new long[1];
        int code = CL.clGetDeviceInfo(device, param, Sizeof.cl_ulong, Pointer.to(value), null);
        return code == CL.CL_SUCCESS ? value[0] : fallback;
    }

    /** A {@code size_t} property. */
    static long deviceSize(cl_device_id device, int param) {
        long[] value = new long[1];
        Cl.check("clGetDeviceInfo", CL.clGetDeviceInfo(device, param, Sizeof.size_t, Pointer.to(value), null));
        return value[0];
    }

    /** A {@code size_t[]} property such as {@code CL_DEVICE_MAX_WORK_ITEM_SIZES}. */
    static long[] deviceSizes(cl_device_id device, int param) {
        long[] size = new long[1];
        if (CL.clGetDeviceInfo(device, param, 0, null, size) != CL.CL_SUCCESS || size[0] == 0) {
            return new long[0];
        }
        long[] values = new long[(int) (size[0] / Sizeof.size_t)];
        Cl.check("clGetDeviceInfo", CL.clGetDeviceInfo(device, param, size[0], Pointer.to(values), null));
        return values;
    }

    /** Bytes of a C string without the terminating NUL, decoded as UTF-8 and trimmed. */
    static String text(byte[] bytes) {
        int end = bytes.length;
        while (end > 0 && bytes[end - 1] == 0) {
            end--;
        }
        return new String(bytes, 0, end, StandardCharsets.UTF_8).trim();
    }
}
