package org.jgpuarray.cpu;

import org.jgpuarray.conformance.ConcurrencyConformance;

/** The concurrency suite on the CPU backend. */
class CpuConcurrencyConformanceTest extends ConcurrencyConformance {
    @Override
    protected String backend() {
        return "cpu";
    }
}
