package org.jgpuarray.cpu;

import org.jgpuarray.conformance.SelectionConformance;

/** The selection conformance suite (where, if_positive, clip) on the CPU backend. */
class CpuSelectionConformanceTest extends SelectionConformance {
    @Override
    protected String backend() {
        return "cpu";
    }
}
