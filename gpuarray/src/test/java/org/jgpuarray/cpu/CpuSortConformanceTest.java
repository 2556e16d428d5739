package org.jgpuarray.cpu;

import org.jgpuarray.conformance.SortConformance;

/** The sorting conformance suite on the CPU backend. */
class CpuSortConformanceTest extends SortConformance {
    @Override
    protected String backend() {
        return "cpu";
    }
}
