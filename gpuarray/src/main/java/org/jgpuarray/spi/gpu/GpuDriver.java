package org.jgpuarray.spi.gpu;

import java.util.List;
import java.util.Optional;
import org.jgpuarray.device.DeviceInfo;
import org.jgpuarray.device.DeviceTimer;
import org.jgpuarray.kernels.Dialect;
import org.jgpuarray.spi.BackendDevice;
import org.jgpuarray.spi.DeviceBuffer;
import org.jgpuarray.spi.HostArray;

/**
 * The native half of one opened device of a backend that compiles C sources (CUDA, OpenCL): what differs
 * between such backends. {@link GpuDevice} does the rest once for all of them: launch orchestration of
 * generated kernels, argument binding, scratch memory, the program cache in memory and on disk, raw
 * programs and their checks.
 *
 * <p>Implementations translate native errors into jgpuarray's exceptions and check ranges and ownership
 * of buffers before any native call. {@link GpuDevice} calls a driver from one thread at a time (under its
 * lock), but not always the same thread: entry points make the device's context current where the API has
 * one (CUDA).
 */
public interface GpuDriver extends AutoCloseable {
    /** What the device is. */
    DeviceInfo info();

    /** The source dialect the device compiles. */
    Dialect dialect();

    /** The launch limits of the device. */
    LaunchLimits limits();

    /**
     * Allocates {@code bytes} of device memory (at least one byte). Its {@code release()} may come while
     * commands of any queue that use the buffer are still queued: the driver then frees the memory only after
     * they have run (OpenCL's {@code clReleaseMemObject} does so by itself; CUDA's free waits for the device).
     *
     * @throws org.jgpuarray.device.OutOfDeviceMemoryException when the device has no room
     */
    DeviceBuffer allocate(long bytes);

    /**
     * Copies {@code count} values of a host array into a buffer in the selected queue; returns when the host
     * array may be reused.
     */
    void write(HostArray src, int srcOffset, DeviceBuffer dst, long dstByteOffset, int count);

    /**
     * Copies {@code count} values from a buffer into a host array after the work enqueued before in the
     * selected queue (other queues' work may still run).
     */
    void read(DeviceBuffer src, long srcByteOffset, HostArray dst, int dstOffset, int count);

    /** Copies bytes between buffers of this device, ordered after the work enqueued before. */
    void copy(DeviceBuffer src, long srcByteOffset, DeviceBuffer dst, long dstByteOffset, long bytes);

    /** Waits until all work enqueued on the device has finished. */
    void synchronize();

    /**
     * Bounds the queued work of the selected queue ({@link #select}): returns once the work enqueued in it
     * before the previous call of this method for that queue has finished, and marks the point reached now
     * for the next call (OpenCL: a marker event; CUDA: an event recorded in the stream); each queue keeps its
     * own point. {@link GpuDevice} calls it every few hundred commands, so that at most about
     * two such windows are queued while the device is never left idle. The default waits for everything
     * ({@link #synchronize()}).
     */
    default void throttle() {
        synchronize();
    }

    /**
     * Creates a queue besides the device's own: a CUDA stream, an OpenCL command queue (out of order where the
     * device has it and ordered by events). The default refuses, for drivers without streams.
     *
     * @throws org.jgpuarray.device.UnsupportedCapabilityException where the driver has no streams
     */
    default GpuQueue createQueue() {
        throw new org.jgpuarray.device.UnsupportedCapabilityException("streams",
                "the " + info().backend() + " driver creates no queues besides its own");
    }

    /**
     * The device's own queue, the one every call is enqueued in until {@link #select} chooses another; released
     * with the driver, never by {@link GpuQueue#release()}. The default refuses, for drivers without streams.
     *
     * @throws org.jgpuarray.device.UnsupportedCapabilityException where the driver has no streams
     */
    default GpuQueue ownQueue() {
        throw new org.jgpuarray.device.UnsupportedCapabilityException("streams",
                "the " + info().backend() + " driver has no queue objects");
    }

    /**
     * Makes {@code queue} the one the following launches, copies and library calls are enqueued in.
     * {@link GpuDevice} calls it under its lock before each call whose thread selected another queue than the
     * last call's, so an implementation keeps a field, not a thread-local. {@link #synchronize()} still waits
     * for every queue. The default accepts nothing, for drivers without streams.
     *
     * @param queue {@link #ownQueue()} or a queue {@link #createQueue()} returned and not yet released
     */
    default void select(GpuQueue queue) {
        throw new IllegalStateException("the " + info().backend() + " driver has no queues to select");
    }

    /**
     * Allocates host memory the device copies to and from without staging: page-locked on CUDA, a mapped
     * {@code CL_MEM_ALLOC_HOST_PTR} buffer on OpenCL. The default allocates a direct buffer.
     */
    default org.jgpuarray.spi.PinnedMemory allocatePinned(long bytes) {
        return org.jgpuarray.spi.DirectMemory.allocate(bytes);
    }

    /**
     * Enqueues a copy from host memory in the selected queue without waiting for it where the device allows
     * it ({@link #write} otherwise, the default). {@code src} stays reachable and unchanged until the queue
     * has passed the copy: {@link GpuDevice} keeps it.
     */
    default void writeAsync(HostArray src, int srcOffset, DeviceBuffer dst, long dstByteOffset, int count) {
        write(src, srcOffset, dst, dstByteOffset, count);
    }

    /** Enqueues a copy into host memory in the selected queue without waiting ({@link #read}, the default). */
    default void readAsync(DeviceBuffer src, long srcByteOffset, HostArray dst, int dstOffset, int count) {
        read(src, srcByteOffset, dst, dstOffset, count);
    }

    /** Starts timing the work enqueued from now until the timer stops, with device events where it has them. */
    DeviceTimer startTimer();

    /**
     * Everything besides the source and the options that a compiled binary depends on: the compiler and its
     * version, the device and its driver. Part of the disk cache's key.
     */
    String binaryFingerprint();

    /**
     * Compiles a program from source.
     *
     * @param name    the program's name in messages (the user's kernel or program name)
     * @param source  the program; not modified
     * @param options compiler options
     * @throws org.jgpuarray.device.KernelCompilationException with the compiler's log when it does not compile
     */
    GpuProgram build(String name, String source, List<String> options);

    /**
     * Loads a binary that {@link GpuProgram#binary()} produced earlier for the same fingerprint.
     *
     * @return the program, or empty when the driver rejects the binary (the caller deletes it and rebuilds)
     */
    Optional<GpuProgram> load(String name, byte[] binary, List<String> options);

    /**
     * A library the device runs natively ({@code BlasProvider}, {@code FftProvider}, {@code RandomProvider});
     * empty (the default) when there is none, and never an exception.
     *
     * @param device the device the driver belongs to, for the library's own helper kernels
     */
    default <T> Optional<T> library(Class<T> kind, BackendDevice device) {
        return Optional.empty();
    }

    /**
     * Copies bytes from a buffer of this device into a buffer of another device of the same backend without
     * staging them in host memory (peer to peer), as {@code BackendDevice.copyToPeer}. The caller holds both
     * devices' locks.
     *
     * @return false (the default) when the devices cannot reach each other directly
     */
    default boolean copyToPeer(DeviceBuffer src, long srcByteOffset, GpuDriver target, DeviceBuffer dst,
                               long dstByteOffset, long bytes) {
        return false;
    }

    /** A backend-specific feature for {@code GpuContext.unwrap}; empty (the default) when none. */
    default <T> Optional<T> unwrap(Class<T> feature) {
        return Optional.empty();
    }

    /** Frees the libraries' resources; called before programs and memory go. Idempotent, never throws. */
    default void closeLibraries() {
    }

    /** Frees every buffer and releases the device. Idempotent, never throws. */
    @Override
    void close();
}
