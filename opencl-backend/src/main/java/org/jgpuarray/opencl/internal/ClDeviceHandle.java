package org.jgpuarray.opencl.internal;

import org.jgpuarray.device.DeviceInfo;
import org.jocl.cl_device_id;
import org.jocl.cl_platform_id;

/**
 * One OpenCL device found by {@link ClDiscovery}: its native ids, what jgpuarray reports about it (the
 * typed limits of {@link DeviceInfo} are what launches and allocations are planned with), and the facts
 * only OpenCL has.
 *
 * @param platform          the platform id
 * @param device            the device id
 * @param info              the device as {@code device-query} shows it
 * @param compilerAvailable {@code CL_DEVICE_COMPILER_AVAILABLE}
 * @param fingerprint       platform name and version, device name and version, driver version: what
 *                          program binaries depend on
 * @param maxWorkItemSizes  {@code CL_DEVICE_MAX_WORK_ITEM_SIZES} per dimension, three entries
 */
public record ClDeviceHandle(cl_platform_id platform, cl_device_id device, DeviceInfo info, boolean compilerAvailable,
                             String fingerprint, long[] maxWorkItemSizes) {
    public ClDeviceHandle {
        maxWorkItemSizes = maxWorkItemSizes.clone();
    }

    @Override
    public long[] maxWorkItemSizes() {
        return maxWorkItemSizes.clone();
    }

    /** The device's name. */
    public String name() {
        return info.name();
    }

    /** A copy describing the device differently (another index, or, in tests, other limits). */
    public ClDeviceHandle with(DeviceInfo other) {
        return new ClDeviceHandle(platform, device, other, compilerAvailable, fingerprint, maxWorkItemSizes);
    }
}
