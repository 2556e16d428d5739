package org.jgpuarray.cuda.internal.curand;

import java.util.Map;
import org.jgpuarray.cuda.internal.binding.StatusNames;

/** cuRAND's {@code curandStatus_t} codes and constants. */
final class CurandStatus {
    /** {@code CURAND_RNG_PSEUDO_PHILOX4_32_10}. */
    static final int RNG_PSEUDO_PHILOX4_32_10 = 161;

    /** The names of the status codes. */
    static final StatusNames NAMES = new StatusNames("curandStatus_t", Map.ofEntries(
            Map.entry(0, "CURAND_STATUS_SUCCESS"),
            Map.entry(100, "CURAND_STATUS_VERSION_MISMATCH"),
            Map.entry(101, "CURAND_STATUS_NOT_INITIALIZED"),
            Map.entry(102, "CURAND_STATUS_ALLOCATION_FAILED"),
            Map.entry(103, "CURAND_STATUS_TYPE_ERROR"),
            Map.entry(104, "CURAND_STATUS_OUT_OF_RANGE"),
            Map.entry(105, "CURAND_STATUS_LENGTH_NOT_MULTIPLE"),
            Map.entry(106, "CURAND_STATUS_DOUBLE_PRECISION_REQUIRED"),
            Map.entry(201, "CURAND_STATUS_LAUNCH_FAILURE"),
            Map.entry(202, "CURAND_STATUS_PREEXISTING_FAILURE"),
            Map.entry(203, "CURAND_STATUS_INITIALIZATION_FAILED"),
            Map.entry(204, "CURAND_STATUS_ARCH_MISMATCH"),
            Map.entry(999, "CURAND_STATUS_INTERNAL_ERROR")));

    private CurandStatus() {
    }
}
