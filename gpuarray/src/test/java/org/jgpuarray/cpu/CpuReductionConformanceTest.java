package org.jgpuarray.cpu;

import org.jgpuarray.conformance.ReductionConformance;

/** The reduction conformance suite on the CPU backend. */
class CpuReductionConformanceTest extends ReductionConformance {
    @Override
    protected String backend() {
        return "cpu";
    }
}
