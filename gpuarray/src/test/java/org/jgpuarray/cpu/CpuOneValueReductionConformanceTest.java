package org.jgpuarray.cpu;

import org.jgpuarray.conformance.OneValueReductionConformance;

/** Whole-array reductions on the CPU backend around the edges of its split of the input. */
class CpuOneValueReductionConformanceTest extends OneValueReductionConformance {
    @Override
    protected String backend() {
        return "cpu";
    }
}
