package org.jgpuarray.cuda;

import org.jgpuarray.conformance.AssemblyConformance;
import org.junit.jupiter.api.Tag;

/** The assembly conformance suite (concatenate, stack, split, repeat, tile, flip, roll) on CUDA (skipped, with the reason, where CUDA cannot start). */
@Tag("cuda")
@Tag("gpu")
class CudaAssemblyConformanceTest extends AssemblyConformance {
    @Override
    protected String backend() {
        return "cuda";
    }
}
