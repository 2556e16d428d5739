package org.jgpuarray.cpu;

import org.jgpuarray.conformance.PinnedConformance;

/**
 * The pinned-memory suite on the CPU backend: its pinned memory is a direct buffer (the SPI default, freed by
 * the garbage collector) and its asynchronous copies run at once.
 */
class CpuPinnedConformanceTest extends PinnedConformance {
    @Override
    protected String backend() {
        return "cpu";
    }
}
