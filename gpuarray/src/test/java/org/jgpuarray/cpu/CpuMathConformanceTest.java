package org.jgpuarray.cpu;

import org.jgpuarray.conformance.MathConformance;

/** The math conformance suite on the CPU backend. */
class CpuMathConformanceTest extends MathConformance {
    @Override
    protected String backend() {
        return "cpu";
    }
}
