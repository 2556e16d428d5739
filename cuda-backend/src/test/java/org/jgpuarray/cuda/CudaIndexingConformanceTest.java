package org.jgpuarray.cuda;

import org.jgpuarray.conformance.IndexingConformance;
import org.junit.jupiter.api.Tag;

/** The indexing conformance suite (take, put, boolean masks, nonzero) on CUDA (skipped, with the reason, where CUDA cannot start). */
@Tag("cuda")
@Tag("gpu")
class CudaIndexingConformanceTest extends IndexingConformance {
    @Override
    protected String backend() {
        return "cuda";
    }
}
