package org.jgpuarray.cpu;

import org.jgpuarray.conformance.DeviceGroupConformance;

/** The device-group conformance suite on the CPU backend (its one device, several contexts on it). */
class CpuDeviceGroupConformanceTest extends DeviceGroupConformance {
    @Override
    protected String backend() {
        return "cpu";
    }
}
