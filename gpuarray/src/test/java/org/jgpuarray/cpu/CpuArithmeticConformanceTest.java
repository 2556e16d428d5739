package org.jgpuarray.cpu;

import org.jgpuarray.conformance.ArithmeticConformance;

/** The arithmetic conformance suite on the CPU backend. */
class CpuArithmeticConformanceTest extends ArithmeticConformance {
    @Override
    protected String backend() {
        return "cpu";
    }
}
