package org.jgpuarray.cuda;

import java.util.OptionalLong;
import org.jgpuarray.conformance.PinnedConformance;
import org.junit.jupiter.api.Tag;

/**
 * The pinned-memory suite on CUDA: {@code cuMemHostAlloc}'ed blocks copied with {@code cuMemcpyHtoDAsync} and
 * {@code cuMemcpyDtoHAsync}; every pinned array is one live block until it is freed. Skipped, with the reason,
 * where CUDA cannot start (its kernels need a GPU; the fake driver runs none).
 */
@Tag("cuda")
@Tag("gpu")
class CudaPinnedConformanceTest extends PinnedConformance {
    @Override
    protected String backend() {
        return "cuda";
    }

    @Override
    protected OptionalLong liveDeviceObjects() {
        return OptionalLong.of(ctx.unwrap(CudaFeatures.class).orElseThrow().livePinnedBlocks());
    }
}
