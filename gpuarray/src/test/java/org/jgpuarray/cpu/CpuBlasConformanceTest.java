package org.jgpuarray.cpu;

import org.jgpuarray.conformance.BlasConformance;

/** The BLAS conformance suite on the CPU backend. */
class CpuBlasConformanceTest extends BlasConformance {
    @Override
    protected String backend() {
        return "cpu";
    }
}
