package org.jgpuarray;

import org.jgpuarray.kernels.ScalarType;
import org.jgpuarray.spi.DeviceBuffer;
import org.jgpuarray.spi.SortProvider;

/**
 * A context's {@link SortProvider} whose calls run through {@link Libraries#run}: one library call at a time
 * per context, under the device's lock, as BLAS, FFT and random numbers do (the portable radix sort's
 * programs and scratch memory are shared by the context's threads). The callers allocate outputs before.
 */
final class LockedSort implements SortProvider {
    private final Libraries libraries;
    private final SortProvider provider;

    LockedSort(Libraries libraries, SortProvider provider) {
        this.libraries = libraries;
        this.provider = provider;
    }

    @Override
    public String implementation() {
        return provider.implementation();
    }

    @Override
    public void sort(ScalarType type, long rows, long cols, DeviceBuffer src, DeviceBuffer dst) {
        libraries.run(() -> provider.sort(type, rows, cols, src, dst));
    }

    @Override
    public void argsort(ScalarType type, long rows, long cols, DeviceBuffer keys, DeviceBuffer indices) {
        libraries.run(() -> provider.argsort(type, rows, cols, keys, indices));
    }
}
