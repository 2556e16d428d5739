package org.jgpuarray.cpu;

import org.jgpuarray.conformance.AxisScanConformance;

/** Scans along an axis on the CPU backend. */
class CpuAxisScanConformanceTest extends AxisScanConformance {
    @Override
    protected String backend() {
        return "cpu";
    }
}
