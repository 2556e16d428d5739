package org.jgpuarray.opencl;

import org.jgpuarray.conformance.AssemblyConformance;
import org.junit.jupiter.api.Tag;

/** The assembly conformance suite (concatenate, stack, split, repeat, tile, flip, roll) on OpenCL. */
@Tag("opencl")
class OpenClAssemblyConformanceTest extends AssemblyConformance {
    @Override
    protected String backend() {
        return "opencl";
    }
}
