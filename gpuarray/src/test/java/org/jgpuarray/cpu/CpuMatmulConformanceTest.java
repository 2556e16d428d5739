package org.jgpuarray.cpu;

import org.jgpuarray.conformance.MatmulConformance;

/** The matmul conformance suite on the CPU backend (its Java GEMMs, integer twins included). */
class CpuMatmulConformanceTest extends MatmulConformance {
    @Override
    protected String backend() {
        return "cpu";
    }
}
