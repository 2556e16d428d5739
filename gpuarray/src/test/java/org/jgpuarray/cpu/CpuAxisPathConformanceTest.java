package org.jgpuarray.cpu;

import org.jgpuarray.conformance.AxisPathConformance;

/** Reductions over the first and last axis of matrices on the CPU backend (its row-split path included). */
class CpuAxisPathConformanceTest extends AxisPathConformance {
    @Override
    protected String backend() {
        return "cpu";
    }
}
