package org.jgpuarray.cpu;

import org.jgpuarray.conformance.FftConformance;

/** The FFT conformance suite on the CPU backend. */
class CpuFftConformanceTest extends FftConformance {
    @Override
    protected String backend() {
        return "cpu";
    }
}
