package org.jgpuarray.cpu;

import org.jgpuarray.reliability.BadInputCorpus;

/** The bad-input corpus on the CPU backend. */
class CpuBadInputCorpusTest extends BadInputCorpus {
    @Override
    protected String backend() {
        return "cpu";
    }
}
