package org.jgpuarray.cuda;

import org.jgpuarray.conformance.SortConformance;
import org.junit.jupiter.api.Tag;

/** The sorting conformance suite on the CUDA backend (skipped, with the reason, where CUDA cannot start). */
@Tag("cuda")
@Tag("gpu")
class CudaSortConformanceTest extends SortConformance {
    @Override
    protected String backend() {
        return "cuda";
    }
}
