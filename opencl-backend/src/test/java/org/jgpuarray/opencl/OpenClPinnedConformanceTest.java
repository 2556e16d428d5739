package org.jgpuarray.opencl;

import java.util.OptionalLong;
import org.jgpuarray.conformance.PinnedConformance;
import org.junit.jupiter.api.Tag;

/**
 * The pinned-memory suite on OpenCL: mapped CL_MEM_ALLOC_HOST_PTR buffers and non-blocking reads and writes;
 * every pinned array is one of the device's live buffers until it is freed.
 */
@Tag("opencl")
class OpenClPinnedConformanceTest extends PinnedConformance {
    @Override
    protected String backend() {
        return "opencl";
    }

    @Override
    protected OptionalLong liveDeviceObjects() {
        ctx.memoryPool().freeAll(); // buffers the pool keeps are live too
        return OptionalLong.of(ctx.unwrap(OpenClFeatures.class).orElseThrow().liveBuffers());
    }
}
