package org.jgpuarray.cpu;

import org.jgpuarray.conformance.ErrorConformance;

/** The error conformance suite on the CPU backend. */
class CpuErrorConformanceTest extends ErrorConformance {
    @Override
    protected String backend() {
        return "cpu";
    }
}
