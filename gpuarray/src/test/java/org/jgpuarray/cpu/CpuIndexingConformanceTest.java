package org.jgpuarray.cpu;

import org.jgpuarray.conformance.IndexingConformance;

/** The indexing conformance suite (take, put, boolean masks, nonzero) on the CPU backend. */
class CpuIndexingConformanceTest extends IndexingConformance {
    @Override
    protected String backend() {
        return "cpu";
    }
}
