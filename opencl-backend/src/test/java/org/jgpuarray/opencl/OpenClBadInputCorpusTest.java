package org.jgpuarray.opencl;

import org.jgpuarray.reliability.BadInputCorpus;
import org.junit.jupiter.api.Tag;

/** The bad-input corpus on the first OpenCL device (PoCL in CI). */
@Tag("opencl")
class OpenClBadInputCorpusTest extends BadInputCorpus {
    @Override
    protected String backend() {
        return "opencl";
    }
}
