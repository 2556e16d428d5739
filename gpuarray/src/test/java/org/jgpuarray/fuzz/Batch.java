package org.jgpuarray.fuzz;

import java.util.ArrayList;
import java.util.List;

/**
 * Several elementwise cases compiled as one kernel (their names are prefixed, each operation in a block
 * of its own), because a cold OpenCL build costs far more than running a case. The preamble starts with
 * {@code #pragma OPENCL FP_CONTRACT OFF}: OpenCL compilers may fuse {@code a*b+c} into one fma by
 * default, which the CPU never does (a documented difference); the CPU translator and CUDA ignore the
 * pragma.
 */
record Batch(List<FuzzCase> cases) {
    static final String NO_CONTRACTION = "#pragma OPENCL FP_CONTRACT OFF\n";

    Batch {
        cases = List.copyOf(cases);
        for (FuzzCase c : cases) {
            if (c.n() != cases.get(0).n() || c.reduction() != null) {
                throw new IllegalArgumentException("a batch holds elementwise cases of one length");
            }
        }
    }

    int n() {
        return cases.get(0).n();
    }

    List<FuzzCase.Arg> arguments() {
        List<FuzzCase.Arg> all = new ArrayList<>();
        for (FuzzCase c : cases) {
            all.addAll(c.arguments());
        }
        return all;
    }

    String argumentList() {
        StringBuilder s = new StringBuilder();
        for (FuzzCase.Arg a : arguments()) {
            s.append(s.length() == 0 ? "" : ", ").append(a.declaration());
        }
        return s.toString();
    }

    String preamble() {
        StringBuilder s = new StringBuilder(NO_CONTRACTION);
        for (FuzzCase c : cases) {
            s.append(c.preamble());
        }
        return s.toString();
    }

    String loopPrep() {
        StringBuilder s = new StringBuilder();
        for (FuzzCase c : cases) {
            s.append(c.loopPrep());
        }
        return s.toString();
    }

    String operation() {
        StringBuilder s = new StringBuilder();
        for (FuzzCase c : cases) {
            s.append("{\n").append(c.operation()).append("}\n");
        }
        return s.toString();
    }
}
