package org.jgpuarray.cpu;

import org.jgpuarray.conformance.AxisReductionConformance;

/** The reductions along axes on the CPU backend. */
class CpuAxisReductionConformanceTest extends AxisReductionConformance {
    @Override
    protected String backend() {
        return "cpu";
    }
}
