package org.jgpuarray.cpu;

import org.jgpuarray.conformance.RandomConformance;

/** The random-number conformance suite on the CPU backend. */
class CpuRandomConformanceTest extends RandomConformance {
    @Override
    protected String backend() {
        return "cpu";
    }
}
