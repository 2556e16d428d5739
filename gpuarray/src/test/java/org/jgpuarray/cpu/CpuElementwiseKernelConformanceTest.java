package org.jgpuarray.cpu;

import org.jgpuarray.conformance.ElementwiseKernelConformance;

/** The elementwise-kernel conformance suite on the CPU backend. */
class CpuElementwiseKernelConformanceTest extends ElementwiseKernelConformance {
    @Override
    protected String backend() {
        return "cpu";
    }
}
