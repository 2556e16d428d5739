package org.jgpuarray.cuda;

import org.jgpuarray.conformance.ArrayConformance;
import org.junit.jupiter.api.Tag;

/** The array conformance suite on the CUDA backend (skipped, with the reason, where CUDA cannot start). */
@Tag("cuda")
@Tag("gpu")
class CudaArrayConformanceTest extends ArrayConformance {
    @Override
    protected String backend() {
        return "cuda";
    }
}
