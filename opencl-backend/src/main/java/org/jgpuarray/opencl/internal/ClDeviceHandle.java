package org.jgpuarray.opencl.internal;

import org.jgpuarray.device.DeviceInfo;
import org.jocl.cl_device_id;
import org.jocl.cl_platform_id;

/**
 * One OpenCL device found by {@link ClDiscovery}: its native ids, what jgpuarray reports about it, and
 * the limits the backend plans launches and allocations with.
 *
 * @param platform           the platform id
 * @param device             the device id
 * @param info               the device as {@code device-query} shows it
 * @param gpu                true for {@code CL_DEVICE_TYPE_GPU}
 * @param maxAllocationBytes {@code CL_DEVICE_MAX_MEM_ALLOC_SIZE}
 * @param maxWorkGroupSize   {@code CL_DEVICE_MAX_WORK_GROUP_SIZE}
 * @param localMemoryBytes   {@code CL_DEVICE_LOCAL_MEM_SIZE}
 * @param compilerAvailable  {@code CL_DEVICE_COMPILER_AVAILABLE}
 * @param fingerprint        platform name and version, device name and version, driver version: what
 *                           program binaries depend on
 */
public record ClDeviceHandle(cl_platform_id platform, cl_device_id device, DeviceInfo info, boolean gpu,
                             long maxAllocationBytes, long maxWorkGroupSize, long localMemoryBytes,
                             boolean compilerAvailable, String fingerprint) {

    /** The device's name. */
    public String name() {
        return info.name();
    }

    /** {@code CL_DEVICE_MAX_COMPUTE_UNITS}, at least 1. */
    public int computeUnits() {
        return Math.max(1, info.computeUnits());
    }
}
