package org.jgpuarray.internal.portable;

import org.jgpuarray.kernels.ScalarType;
import org.jgpuarray.kernels.lib.FftKernels;
import org.jgpuarray.spi.DeviceBuffer;
import org.jgpuarray.spi.RawFunction;

/**
 * The FFT program of one precision and index width on one device, with the launch helpers the axis
 * transforms share: integer arguments boxed as the program's index type.
 */
final class FftKernelSet {
    private final KernelRunner runner;
    private final ScalarType precision;
    private final boolean wide;

    /**
     * @param wide whether indices need 64 bits (some buffer holds 2^31 or more values)
     */
    FftKernelSet(KernelRunner runner, ScalarType precision, boolean wide) {
        this.runner = runner;
        this.precision = precision;
        this.wide = wide;
    }

    KernelRunner runner() {
        return runner;
    }

    ScalarType precision() {
        return precision;
    }

    /** The complex storage type. */
    ScalarType complex() {
        return precision == ScalarType.FLOAT32 ? ScalarType.COMPLEX64 : ScalarType.COMPLEX128;
    }

    /** Bytes of one complex value. */
    int complexBytes() {
        return complex().byteSize();
    }

    /** An integer argument in the program's index type. */
    Object index(long value) {
        return wide ? (Object) value : (Object) (int) value;
    }

    /** A real argument in the precision. */
    Object real(double value) {
        return KernelRunner.real(precision, value);
    }

    /** One Stockham pass. */
    void pass(int radix, boolean inverse, DeviceBuffer in, DeviceBuffer out, DeviceBuffer twiddles, long len, long ns,
              SignalLayout layout, double scale) {
        runner.launch1d(function(FftKernels.passKernel(radix, inverse, precision)), layout.signals() * (len / radix),
                in, out, twiddles, index(len), index(ns), index(layout.signals()), index(layout.inner()),
                index(layout.outer()), index(layout.stride()), real(scale));
    }

    /** A kernel of the program by name. */
    RawFunction function(String name) {
        return runner.function("fft/" + precision.numpyName() + (wide ? "/wide" : ""),
                () -> FftKernels.program(runner.device().dialect(), precision, wide), name);
    }

    /** A helper kernel over {@code work} items. */
    void helper(String base, long work, Object... args) {
        runner.launch1d(function(FftKernels.helper(base, precision)), work, args);
    }
}
