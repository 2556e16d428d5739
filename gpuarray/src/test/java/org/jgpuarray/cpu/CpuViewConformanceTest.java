package org.jgpuarray.cpu;

import org.jgpuarray.conformance.ViewConformance;

/** The view conformance suite on the CPU backend. */
class CpuViewConformanceTest extends ViewConformance {
    @Override
    protected String backend() {
        return "cpu";
    }
}
