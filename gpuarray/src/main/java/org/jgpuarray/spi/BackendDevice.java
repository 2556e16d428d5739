package org.jgpuarray.spi;

import java.util.List;
import java.util.Optional;
import org.jgpuarray.DeviceInfo;
import org.jgpuarray.UnsupportedCapabilityException;
import org.jgpuarray.kernels.Dialect;
import org.jgpuarray.kernels.ElementwiseSpec;
import org.jgpuarray.kernels.ReductionSpec;
import org.jgpuarray.kernels.ScalarType;
import org.jgpuarray.kernels.ScanSpec;

/**
 * One opened device of a backend: memory, transfers, compilation and launches. The core confines
 * each device to the thread that uses its context, caches compiled kernels per spec, and frees
 * buffers; implementations translate native errors into jgpuarray's exceptions.
 *
 * <p>Host arrays cross this interface as the Java array of the buffer's storage type:
 * {@code byte[]} for BOOL, {@code int[]}, {@code long[]}, {@code float[]} for FLOAT32 and COMPLEX64,
 * {@code double[]} for FLOAT64 and COMPLEX128. Offsets into buffers are in bytes, into host arrays in
 * elements.
 */
public interface BackendDevice extends AutoCloseable {
    /** What the device is. */
    DeviceInfo info();

    /** The source dialect this device compiles. */
    Dialect dialect();

    /**
     * Allocates {@code count} elements of {@code type}.
     *
     * @throws org.jgpuarray.OutOfDeviceMemoryException when the device has no room
     */
    DeviceBuffer allocate(ScalarType type, long count);

    /** Copies {@code count} elements from a host array into {@code dst}. */
    void copyFromHost(Object hostArray, int hostOffset, DeviceBuffer dst, long dstByteOffset, int count);

    /** Copies {@code count} elements from {@code src} into a host array; waits for pending work. */
    void copyToHost(DeviceBuffer src, long srcByteOffset, Object hostArray, int hostOffset, int count);

    /** Copies bytes between buffers of this device. */
    void copyOnDevice(DeviceBuffer src, long srcByteOffset, DeviceBuffer dst, long dstByteOffset, long bytes);

    /** Compiles an elementwise kernel (the core caches the result per spec). */
    CompiledElementwise compile(ElementwiseSpec spec);

    /** Compiles a map-reduce kernel. */
    CompiledReduction compile(ReductionSpec spec);

    /** Compiles a scan. */
    CompiledScan compile(ScanSpec spec);

    /**
     * Compiles a program written in this device's dialect.
     *
     * @throws UnsupportedCapabilityException where the backend runs no raw source (the CPU)
     */
    default RawProgram compileProgram(String source, List<String> options) {
        throw new UnsupportedCapabilityException("raw " + dialect() + " source",
                "the " + info().backend() + " backend runs generated kernels only");
    }

    /**
     * A library this device runs natively, as a provider of the given kind: {@link BlasProvider},
     * {@link FftProvider} or {@link RandomProvider} (cuBLAS, cuFFT, cuRAND, or the CPU backend's Java
     * implementations). The core asks once per context and kind, and uses its portable kernels (through
     * {@link #compileProgram}) where the answer is empty. Return empty, never throw, when the library
     * cannot load here; the provider's {@code implementation()} tells users what ran.
     *
     * @param kind the provider interface asked for
     * @return the provider, or empty (the default) to let the core use its portable implementation
     */
    default <T> Optional<T> library(Class<T> kind) {
        return Optional.empty();
    }

    /** Waits until all work enqueued on this device has finished. */
    void synchronize();

    /** Starts timing the work enqueued from now until the timer stops. */
    default DeviceTimer startTimer() {
        synchronize();
        long start = System.nanoTime();
        return () -> {
            synchronize();
            return System.nanoTime() - start;
        };
    }

    /** Releases the device and everything allocated on it. */
    @Override
    void close();
}
