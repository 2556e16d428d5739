package org.jgpuarray.cpu;

import org.jgpuarray.conformance.LayoutConformance;

/** The layout conformance suite on the CPU backend. */
class CpuLayoutConformanceTest extends LayoutConformance {
    @Override
    protected String backend() {
        return "cpu";
    }
}
