package org.jgpuarray.spi;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jgpuarray.device.DeviceInfo;
import org.jgpuarray.device.DeviceTimer;
import org.jgpuarray.kernels.Dialect;
import org.jgpuarray.kernels.ElementwiseSpec;
import org.jgpuarray.kernels.ReductionSpec;
import org.jgpuarray.kernels.ScalarType;
import org.jgpuarray.kernels.ScanSpec;

/**
 * One opened device of a backend: memory, transfers, compilation and launches. The core caches
 * compiled kernels per spec and frees buffers; implementations translate native errors into
 * jgpuarray's exceptions ({@code org.jgpuarray.device}).
 *
 * <p>Offsets into buffers are in bytes, into host arrays in values (see {@link HostArray}).
 *
 * <p>Threads: the core calls a device from any thread, and from several at once (a {@code GpuContext} may
 * be shared). An implementation serialises whatever its device API needs ({@code GpuDevice} runs every
 * driver call under one lock); after {@link #close()}, calls throw {@link IllegalStateException}, and
 * {@link #free} does nothing.
 */
public interface BackendDevice extends AutoCloseable {
    /** What the device is. */
    DeviceInfo info();

    /** The source dialect this device compiles. */
    Dialect dialect();

    /**
     * Allocates {@code count} elements of {@code type}.
     *
     * @throws org.jgpuarray.device.OutOfDeviceMemoryException when the device has no room
     */
    DeviceBuffer allocate(ScalarType type, long count);

    /**
     * Frees a buffer of this device that nothing refers to any more, on whatever thread the core happens to
     * run (an array's {@code close()}, or the release of an array the garbage collector found). The core
     * frees through here, never with {@link DeviceBuffer#release()} directly, so that a device can order the
     * free with its other calls. Ignored once the device is closed (closing freed the buffer).
     *
     * @param buffer a buffer of this device, freed at most once
     */
    default void free(DeviceBuffer buffer) {
        buffer.release();
    }

    /**
     * Runs several calls into this device as one: no other thread's call interleaves with them. The core
     * runs each library call ({@link BlasProvider}, {@link FftProvider}, {@link RandomProvider} and their
     * plans) through here, since library handles (cuBLAS, cuFFT, cuRAND) and the portable libraries'
     * scratch memory are not thread-safe and a library call is several launches. The default runs the work
     * as it is, for devices whose providers are thread-safe (the CPU backend's).
     *
     * @param work the calls
     * @return what the work returns
     * @throws IllegalStateException when the device is closed
     */
    default <T> T exclusive(Supplier<T> work) {
        return work.get();
    }

    /** Copies {@code count} values from a host array into {@code dst}. */
    void copyFromHost(HostArray src, int srcOffset, DeviceBuffer dst, long dstByteOffset, int count);

    /** Copies {@code count} values from {@code src} into a host array; waits for pending work. */
    void copyToHost(DeviceBuffer src, long srcByteOffset, HostArray dst, int dstOffset, int count);

    /** Copies bytes between buffers of this device. */
    void copyOnDevice(DeviceBuffer src, long srcByteOffset, DeviceBuffer dst, long dstByteOffset, long bytes);

    /**
     * Copies bytes from a buffer of this device straight into a buffer of another opened device, without
     * staging them in host memory: peer to peer between CUDA devices that allow it, an array copy between
     * two CPU devices. The core calls it for copies between contexts ({@code GPUArray.to}) and copies
     * through host memory when the answer is false. Waits until the bytes have arrived.
     *
     * @param src    a buffer of this device; not modified
     * @param target another device, possibly of another backend (answer false then)
     * @param dst    a buffer of {@code target}; modified
     * @return true when the bytes were copied, false (the default) when this device cannot reach
     *         {@code target} directly
     */
    default boolean copyToPeer(DeviceBuffer src, long srcByteOffset, BackendDevice target, DeviceBuffer dst,
                               long dstByteOffset, long bytes) {
        return false;
    }

    /** Compiles an elementwise kernel (the core caches the result per spec). */
    CompiledElementwise compile(ElementwiseSpec spec);

    /** Compiles a map-reduce kernel. */
    CompiledReduction compile(ReductionSpec spec);

    /** Compiles a scan. */
    CompiledScan compile(ScanSpec spec);

    /**
     * Compiles a program written in this device's dialect.
     *
     * @param name    the program's name for messages (its first kernel's name, usually)
     * @param source  the program; not modified
     * @param options compiler options
     * @throws org.jgpuarray.device.UnsupportedCapabilityException where the backend runs no raw source (the CPU)
     * @throws org.jgpuarray.device.KernelCompilationException     with the compiler's log
     */
    RawProgram compileProgram(String name, String source, List<String> options);

    /**
     * A library this device runs natively, as a provider of the given kind: {@link BlasProvider},
     * {@link FftProvider}, {@link RandomProvider} or {@link SortProvider} (cuBLAS, cuFFT, cuRAND, or the CPU
     * backend's Java implementations). The core asks once per context and kind, and uses its portable kernels (through
     * {@link #compileProgram}) where the answer is empty. Return empty, never throw, when the library
     * cannot load here; the provider's {@code implementation()} tells users what ran.
     *
     * @param kind the provider interface asked for
     * @return the provider, or empty (the default) to let the core use its portable implementation
     */
    default <T> Optional<T> library(Class<T> kind) {
        return Optional.empty();
    }

    /**
     * A backend-specific feature, for {@code GpuContext.unwrap}: an interface the backend publishes in its
     * exported package (OpenCL's program-cache statistics, the CUDA stream). Empty (the default) for
     * features the backend does not have.
     */
    default <T> Optional<T> unwrap(Class<T> feature) {
        return Optional.empty();
    }

    /**
     * Creates a stream: a lane of work that runs in order and may overlap other streams' work. The default,
     * for devices that run every call synchronously on the calling thread, returns a {@link SynchronousStream}.
     *
     * @throws org.jgpuarray.device.OutOfDeviceMemoryException when the device has no room for another stream
     */
    default BackendStream newStream() {
        return new SynchronousStream(this);
    }

    /**
     * The device's own stream, the one {@link #select(BackendStream) select(null)} stands for: its
     * {@code record()} marks the work every thread enqueued while it selected no other stream. The core asks
     * for it once per context and never closes it (the device releases it when it closes). The default, for
     * devices that run every call synchronously, returns a {@link SynchronousStream}.
     */
    default BackendStream defaultStream() {
        return new SynchronousStream(this);
    }

    /**
     * Makes {@code stream} the one this thread's later calls into this device are enqueued in: launches,
     * copies, library calls, the frees the device orders with them. {@code null} selects the device's own
     * stream, the one every thread uses until it selects another. The core calls it when a stream is made
     * current ({@code GpuStream.use()}) and again with the previous stream when that ends. The default does
     * nothing: a synchronous device has one lane.
     *
     * @param stream a stream of this device, or null
     */
    default void select(BackendStream stream) {
    }

    /**
     * Allocates host memory this device copies to and from asynchronously ({@link #copyFromHostAsync},
     * {@link #copyToHostAsync}). The default allocates a direct buffer.
     *
     * @param bytes the size; at most {@code Integer.MAX_VALUE - 8}
     * @throws org.jgpuarray.device.OutOfDeviceMemoryException when the host has no room
     */
    default PinnedMemory allocatePinned(long bytes) {
        return DirectMemory.allocate(bytes);
    }

    /**
     * Enqueues a copy of {@code count} values from a host array into {@code dst} in this thread's current
     * stream and returns without waiting where the device allows it; the caller keeps {@code src} unchanged
     * and reachable until the stream has passed the copy. The default copies synchronously.
     */
    default void copyFromHostAsync(HostArray src, int srcOffset, DeviceBuffer dst, long dstByteOffset, int count) {
        copyFromHost(src, srcOffset, dst, dstByteOffset, count);
    }

    /**
     * Enqueues a copy of {@code count} values from {@code src} into a host array in this thread's current
     * stream and returns without waiting where the device allows it: the values are there once the stream has
     * passed the copy (its {@code synchronize()}, or an event recorded after it). The default copies
     * synchronously.
     */
    default void copyToHostAsync(DeviceBuffer src, long srcByteOffset, HostArray dst, int dstOffset, int count) {
        copyToHost(src, srcByteOffset, dst, dstOffset, count);
    }

    /** Waits until all work enqueued on this device has finished, in every stream. */
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
