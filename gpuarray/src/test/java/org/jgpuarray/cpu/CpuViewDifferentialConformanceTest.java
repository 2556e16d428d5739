package org.jgpuarray.cpu;

import org.jgpuarray.conformance.ViewDifferentialConformance;

/** The random view sequences against the host model on the CPU backend. */
class CpuViewDifferentialConformanceTest extends ViewDifferentialConformance {
    @Override
    protected String backend() {
        return "cpu";
    }
}
