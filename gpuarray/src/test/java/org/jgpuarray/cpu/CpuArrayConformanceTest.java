package org.jgpuarray.cpu;

import org.jgpuarray.conformance.ArrayConformance;

/** The array conformance suite on the CPU backend. */
class CpuArrayConformanceTest extends ArrayConformance {
    @Override
    protected String backend() {
        return "cpu";
    }
}
