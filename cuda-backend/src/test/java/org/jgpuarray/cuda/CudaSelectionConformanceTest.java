package org.jgpuarray.cuda;

import org.jgpuarray.conformance.SelectionConformance;
import org.junit.jupiter.api.Tag;

/** The selection conformance suite (where, if_positive, clip) on CUDA (skipped, with the reason, where CUDA cannot start). */
@Tag("cuda")
@Tag("gpu")
class CudaSelectionConformanceTest extends SelectionConformance {
    @Override
    protected String backend() {
        return "cuda";
    }
}
