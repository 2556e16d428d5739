package org.jgpuarray.cuda;

import org.jgpuarray.conformance.AxisPathConformance;
import org.junit.jupiter.api.Tag;

/** Reductions over the first and last axis of matrices on the CUDA backend (skipped, with the reason, where CUDA cannot start). */
@Tag("cuda")
@Tag("gpu")
class CudaAxisPathConformanceTest extends AxisPathConformance {
    @Override
    protected String backend() {
        return "cuda";
    }
}
