package org.jgpuarray.cuda;

import org.jgpuarray.conformance.MatmulConformance;
import org.junit.jupiter.api.Tag;

/**
 * The matmul conformance suite on the CUDA backend: cuBLAS's strided-batched GEMM for floats, the portable
 * kernels for integers (skipped, with the reason, where CUDA cannot start; without a GPU,
 * {@code CudaMatmulKernelsTest} compiles those kernels and the fake cuBLAS checks the calls).
 */
@Tag("cuda")
@Tag("gpu")
class CudaMatmulConformanceTest extends MatmulConformance {
    @Override
    protected String backend() {
        return "cuda";
    }
}
