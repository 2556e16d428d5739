package org.jgpuarray.cpu;

import org.jgpuarray.conformance.AssemblyConformance;

/** The assembly conformance suite (concatenate, stack, split, repeat, tile, flip, roll) on the CPU backend. */
class CpuAssemblyConformanceTest extends AssemblyConformance {
    @Override
    protected String backend() {
        return "cpu";
    }
}
