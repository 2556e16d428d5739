package org.jgpuarray.cpu.lib;

import java.util.function.Function;
import org.jgpuarray.kernels.ScalarType;
import org.jgpuarray.spi.DeviceBuffer;
import org.jgpuarray.spi.FftPlan;
import org.jgpuarray.spi.FftProvider;
import org.jgpuarray.spi.FftShape;

/**
 * FFTs of the CPU backend through JTransforms, on the buffers' arrays; see {@link DoubleFftPlan} and its
 * generated float32 twin {@link FloatFftPlan}.
 */
final class CpuFftProvider implements FftProvider {
    private final Function<DeviceBuffer, Object> arrays;

    CpuFftProvider(Function<DeviceBuffer, Object> arrays) {
        this.arrays = arrays;
    }

    @Override
    public String implementation() {
        return "JTransforms 3.1 (Java, " + CpuWorkers.parallelism() + " threads)";
    }

    @Override
    public FftPlan plan(FftShape shape) {
        return shape.precision() == ScalarType.FLOAT32 ? new FloatFftPlan(shape, arrays)
                : new DoubleFftPlan(shape, arrays);
    }
}
