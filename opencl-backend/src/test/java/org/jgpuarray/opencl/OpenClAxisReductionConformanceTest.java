package org.jgpuarray.opencl;

import org.jgpuarray.DType;
import org.jgpuarray.conformance.AxisReductionConformance;
import org.junit.jupiter.api.Tag;

/**
 * The reductions along axes on OpenCL. The every-op test runs float32 and int64 (PoCL compiles each of its
 * hundreds of kernels with LLVM: all four dtypes took 19 minutes on the shared two-core development machine); float64 and int32 run
 * in the NaN and integer-sum tests here, and every dtype on the CPU, from the same generator.
 */
@Tag("opencl")
class OpenClAxisReductionConformanceTest extends AxisReductionConformance {
    @Override
    protected String backend() {
        return "opencl";
    }

    @Override
    protected DType[] everyOpDtypes() {
        return new DType[] {DType.FLOAT32, DType.INT64};
    }
}
