package org.jgpuarray.cpu;

import org.jgpuarray.conformance.StreamConformance;

/** The streams suite on the CPU backend (an ordered lane of work; every stream is always done). */
class CpuStreamConformanceTest extends StreamConformance {
    @Override
    protected String backend() {
        return "cpu";
    }
}
