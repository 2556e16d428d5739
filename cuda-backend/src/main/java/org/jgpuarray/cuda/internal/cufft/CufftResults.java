package org.jgpuarray.cuda.internal.cufft;

import java.util.Map;
import org.jgpuarray.cuda.internal.binding.StatusNames;

/** cuFFT's {@code cufftResult} codes. */
final class CufftResults {
    /** The names of the codes (10, 12 and 15 as cuFFT 11 and older name them; cuFFT 12 returns them no more). */
    static final StatusNames NAMES = new StatusNames("cufftResult", Map.ofEntries(
            Map.entry(0, "CUFFT_SUCCESS"),
            Map.entry(1, "CUFFT_INVALID_PLAN"),
            Map.entry(2, "CUFFT_ALLOC_FAILED"),
            Map.entry(3, "CUFFT_INVALID_TYPE"),
            Map.entry(4, "CUFFT_INVALID_VALUE"),
            Map.entry(5, "CUFFT_INTERNAL_ERROR"),
            Map.entry(6, "CUFFT_EXEC_FAILED"),
            Map.entry(7, "CUFFT_SETUP_FAILED"),
            Map.entry(8, "CUFFT_INVALID_SIZE"),
            Map.entry(9, "CUFFT_UNALIGNED_DATA"),
            Map.entry(10, "CUFFT_INCOMPLETE_PARAMETER_LIST"),
            Map.entry(11, "CUFFT_INVALID_DEVICE"),
            Map.entry(12, "CUFFT_PARSE_ERROR"),
            Map.entry(13, "CUFFT_NO_WORKSPACE"),
            Map.entry(14, "CUFFT_NOT_IMPLEMENTED"),
            Map.entry(15, "CUFFT_LICENSE_ERROR"),
            Map.entry(16, "CUFFT_NOT_SUPPORTED"),
            Map.entry(17, "CUFFT_MISSING_DEPENDENCY"),
            Map.entry(18, "CUFFT_NVRTC_FAILURE"),
            Map.entry(19, "CUFFT_NVJITLINK_FAILURE"),
            Map.entry(20, "CUFFT_NVSHMEM_FAILURE")));

    private CufftResults() {
    }
}
