package org.jgpuarray.internal.portable;

import org.jgpuarray.kernels.ScalarType;
import org.jgpuarray.kernels.lib.PhiloxKernels;
import org.jgpuarray.spi.DeviceBuffer;
import org.jgpuarray.spi.RandomProvider;

/** The Philox4x32-10 kernels of {@link PhiloxKernels}: the same stream as the Java reference. */
final class PortableRandom implements RandomProvider {
    private final KernelRunner runner;

    PortableRandom(KernelRunner runner) {
        this.runner = runner;
    }

    @Override
    public String implementation() {
        return "Philox4x32-10 (jgpuarray " + runner.device().dialect() + " kernels)";
    }

    @Override
    public boolean reproducesPhilox() {
        return true;
    }

    @Override
    public void bits(long seed, long offset, DeviceBuffer out, long count) {
        launch(ScalarType.FLOAT32, PhiloxKernels.BITS, (count + 3) / 4, out, count, seed, offset);
    }

    @Override
    public void uniform(ScalarType type, long seed, long offset, DeviceBuffer out, long count) {
        long blocks = type == ScalarType.FLOAT32 ? (count + 3) / 4 : (count + 1) / 2;
        launch(type, PhiloxKernels.uniform(type), blocks, out, count, seed, offset);
    }

    @Override
    public void normal(ScalarType type, long seed, long offset, DeviceBuffer out, long count, double mean,
                       double std) {
        long blocks = type == ScalarType.FLOAT32 ? (count + 3) / 4 : (count + 1) / 2;
        launch(type, PhiloxKernels.normal(type), blocks, out, count, seed, offset,
                KernelRunner.real(type, mean), KernelRunner.real(type, std));
    }

    private void launch(ScalarType program, String kernel, long blocks, DeviceBuffer out, long count, long seed,
                        long offset, Object... extra) {
        Object[] args = new Object[5 + extra.length];
        args[0] = out;
        args[1] = count;
        args[2] = (int) seed;
        args[3] = (int) (seed >>> 32);
        args[4] = offset;
        System.arraycopy(extra, 0, args, 5, extra.length);
        runner.launch1d(runner.function("philox/" + program.numpyName(),
                () -> PhiloxKernels.program(runner.device().dialect(), program), kernel), blocks, args);
    }
}
