package org.jgpuarray.cpu;

import org.jgpuarray.conformance.SoakConformance;

/** The soak suite on the CPU backend. */
class CpuSoakConformanceTest extends SoakConformance {
    @Override
    protected String backend() {
        return "cpu";
    }
}
