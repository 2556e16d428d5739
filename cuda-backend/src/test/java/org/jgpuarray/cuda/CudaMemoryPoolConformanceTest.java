package org.jgpuarray.cuda;

import org.jgpuarray.conformance.MemoryPoolConformance;
import org.junit.jupiter.api.Tag;

/** The memory pool suite on CUDA (skipped, with the reason, where CUDA cannot start). */
@Tag("cuda")
@Tag("gpu")
class CudaMemoryPoolConformanceTest extends MemoryPoolConformance {
    @Override
    protected String backend() {
        return "cuda";
    }
}
