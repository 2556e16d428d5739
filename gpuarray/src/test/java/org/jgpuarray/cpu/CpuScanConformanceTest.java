package org.jgpuarray.cpu;

import org.jgpuarray.conformance.ScanConformance;

/** The scan conformance suite on the CPU backend. */
class CpuScanConformanceTest extends ScanConformance {
    @Override
    protected String backend() {
        return "cpu";
    }
}
