package org.jgpuarray.cpu;

import org.jgpuarray.conformance.MultiDeviceConformance;

/** The several-device conformance suite on the CPU backend (its one device, several contexts on it). */
class CpuMultiDeviceConformanceTest extends MultiDeviceConformance {
    @Override
    protected String backend() {
        return "cpu";
    }
}
