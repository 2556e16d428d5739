package org.jgpuarray.cuda;

import org.jgpuarray.conformance.NioConformance;
import org.junit.jupiter.api.Tag;

/** The java.nio buffer suite on the CUDA backend (skipped, with the reason, where CUDA cannot start). */
@Tag("cuda")
@Tag("gpu")
class CudaNioConformanceTest extends NioConformance {
    @Override
    protected String backend() {
        return "cuda";
    }
}
