package org.jgpuarray.internal.portable;

import org.jgpuarray.spi.FftPlan;
import org.jgpuarray.spi.FftProvider;
import org.jgpuarray.spi.FftShape;

/** FFTs with the kernels of {@code org.jgpuarray.kernels.lib.FftKernels}; see {@link PortableFftPlan}. */
final class PortableFft implements FftProvider {
    private final KernelRunner runner;

    PortableFft(KernelRunner runner) {
        this.runner = runner;
    }

    @Override
    public String implementation() {
        return "jgpuarray Stockham/Bluestein FFT kernels (" + runner.device().dialect() + ")";
    }

    @Override
    public FftPlan plan(FftShape shape) {
        return new PortableFftPlan(runner, shape);
    }
}
