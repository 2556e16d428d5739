package org.jgpuarray.cuda;

import org.jgpuarray.conformance.ArrayConformance;

/** The array conformance suite on the CUDA backend (skipped, with the reason, where CUDA cannot start). */
class CudaArrayConformanceTest extends ArrayConformance {
    @Override
    protected String backend() {
        return "cuda";
    }
}
