package org.jgpuarray.cuda;

import org.jgpuarray.reliability.BadInputCorpus;
import org.junit.jupiter.api.Tag;

/** The bad-input corpus on the CUDA backend (skipped, with the reason, where CUDA cannot start). */
@Tag("cuda")
@Tag("gpu")
class CudaBadInputCorpusTest extends BadInputCorpus {
    @Override
    protected String backend() {
        return "cuda";
    }
}
