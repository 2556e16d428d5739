package org.jgpuarray.cpu;

import org.jgpuarray.conformance.MemoryPoolConformance;

/** The memory pool suite on the CPU backend. */
class CpuMemoryPoolConformanceTest extends MemoryPoolConformance {
    @Override
    protected String backend() {
        return "cpu";
    }
}
