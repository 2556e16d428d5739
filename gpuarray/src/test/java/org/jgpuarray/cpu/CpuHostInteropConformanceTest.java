package org.jgpuarray.cpu;

import org.jgpuarray.conformance.HostInteropConformance;

/** The printing and host interop suite on the CPU backend. */
class CpuHostInteropConformanceTest extends HostInteropConformance {
    @Override
    protected String backend() {
        return "cpu";
    }
}
