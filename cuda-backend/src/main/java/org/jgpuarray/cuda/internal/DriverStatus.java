package org.jgpuarray.cuda.internal;

/**
 * Whether the CUDA driver API could be started in this process.
 *
 * @param available     true when the driver loaded, {@code cuInit} succeeded and there are devices
 * @param reason        one line saying why not; "" when available
 * @param driverVersion {@code cuDriverGetVersion}'s number (12040 is CUDA 12.4), 0 when unknown
 * @param deviceCount   the number of CUDA devices
 */
public record DriverStatus(boolean available, String reason, int driverVersion, int deviceCount) {
    static DriverStatus unavailable(String reason, int driverVersion) {
        return new DriverStatus(false, reason, driverVersion, 0);
    }
}
