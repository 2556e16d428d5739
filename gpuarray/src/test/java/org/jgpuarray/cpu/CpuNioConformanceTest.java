package org.jgpuarray.cpu;

import org.jgpuarray.conformance.NioConformance;

/** The java.nio buffer suite on the CPU backend. */
class CpuNioConformanceTest extends NioConformance {
    @Override
    protected String backend() {
        return "cpu";
    }
}
