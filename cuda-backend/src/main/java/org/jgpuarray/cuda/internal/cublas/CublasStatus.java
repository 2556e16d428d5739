package org.jgpuarray.cuda.internal.cublas;

import java.util.Map;
import org.jgpuarray.cuda.internal.binding.StatusNames;

/** cuBLAS's {@code cublasStatus_t} codes and constants. */
final class CublasStatus {
    /** {@code CUBLAS_OP_N}. */
    static final int OP_N = 0;
    /** {@code CUBLAS_OP_T}. */
    static final int OP_T = 1;
    /** {@code CUBLAS_POINTER_MODE_HOST}: scalars and results in host memory. */
    static final int POINTER_MODE_HOST = 0;
    /** {@code CUBLAS_POINTER_MODE_DEVICE}: scalars and results in device memory. */
    static final int POINTER_MODE_DEVICE = 1;

    /** The names of the status codes. */
    static final StatusNames NAMES = new StatusNames("cublasStatus_t", Map.ofEntries(
            Map.entry(0, "CUBLAS_STATUS_SUCCESS"),
            Map.entry(1, "CUBLAS_STATUS_NOT_INITIALIZED"),
            Map.entry(3, "CUBLAS_STATUS_ALLOC_FAILED"),
            Map.entry(7, "CUBLAS_STATUS_INVALID_VALUE"),
            Map.entry(8, "CUBLAS_STATUS_ARCH_MISMATCH"),
            Map.entry(11, "CUBLAS_STATUS_MAPPING_ERROR"),
            Map.entry(13, "CUBLAS_STATUS_EXECUTION_FAILED"),
            Map.entry(14, "CUBLAS_STATUS_INTERNAL_ERROR"),
            Map.entry(15, "CUBLAS_STATUS_NOT_SUPPORTED"),
            Map.entry(16, "CUBLAS_STATUS_LICENSE_ERROR")));

    private CublasStatus() {
    }
}
