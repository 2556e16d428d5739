package org.jgpuarray.cuda.internal;

import jcuda.Pointer;
import static jcuda.driver.JCudaDriver.cuMemAlloc;
import static jcuda.driver.JCudaDriver.cuMemFree;
import static jcuda.driver.JCudaDriver.cuMemcpyDtoDAsync;
import static jcuda.driver.JCudaDriver.cuMemcpyDtoH;
import static jcuda.driver.JCudaDriver.cuMemcpyDtoHAsync;
import static jcuda.driver.JCudaDriver.cuMemcpyHtoD;
import static jcuda.driver.JCudaDriver.cuMemcpyHtoDAsync;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import jcuda.driver.CUstream;
import org.jgpuarray.device.DeviceException;
import org.jgpuarray.spi.DeviceBuffer;
import org.jgpuarray.spi.HostArray;

/**
 * Allocations and copies of one device. Copies from the host and to the host are synchronous and run
 * in the legacy default stream, so they are ordered after every kernel launched before them in any stream
 * (the device's streams are blocking, {@link CudaStreams}); copies between buffers are enqueued
 * asynchronously in the selected stream, as the kernels are. Asynchronous copies
 * ({@link #copyFromHostAsync}, {@link #copyToHostAsync}) of native memory are enqueued in the selected stream
 * too. Every live buffer is remembered, so that closing the device frees them all.
 */
final class DeviceMemory {
    private static final System.Logger LOG = System.getLogger("org.jgpuarray.cuda");

    private final CudaDriver device;
    private final CudaContext context;
    private final Set<CudaBuffer> live = Collections.newSetFromMap(new IdentityHashMap<>());

    DeviceMemory(CudaDriver device, CudaContext context) {
        this.device = device;
        this.context = context;
    }

    /** The stream of the next launch and copy (null: the legacy default stream). */
    CUstream stream() {
        return device.stream();
    }

    /** {@code cuMemAlloc} of {@code bytes} (at least one byte is allocated). */
    CudaBuffer allocate(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("negative allocation: " + bytes + " bytes");
        }
        CudaPointer pointer = new CudaPointer();
        context.enter();
        try {
            context.checkAllocation("cuMemAlloc", cuMemAlloc(pointer, Math.max(bytes, 1)), bytes);
        } finally {
            context.exit();
        }
        CudaBuffer buffer = new CudaBuffer(device, pointer, bytes);
        live.add(buffer);
        return buffer;
    }

    /**
     * {@code cuMemFree}; a second release of the same buffer is ignored. Never throws, so that closing
     * arrays never does: in a context broken by a sticky error the free is put off until the device closes,
     * and a free that fails (where a sticky error surfaces, which marks the context broken) is logged.
     */
    void free(CudaBuffer buffer) {
        if (buffer.isReleased()) {
            return;
        }
        buffer.markReleased();
        if (context.isBroken()) {
            return; // left in the live set: freeAll tries once more when the device closes
        }
        try {
            context.enter();
        } catch (RuntimeException brokenOrReleased) {
            return; // left in the live set, as above
        }
        try {
            int result = cuMemFree(buffer.pointer());
            if (result == 0 || !CuResults.isSticky(result)) {
                live.remove(buffer);
            }
            if (result != 0) {
                DeviceException e = context.failure("cuMemFree", result, ""); // marks the context broken when sticky
                LOG.log(System.Logger.Level.DEBUG, () -> "freeing " + buffer + ": " + e.getMessage());
            }
        } finally {
            context.exit();
        }
    }

    /**
     * Frees every buffer still allocated, through this device's context even when it is broken (nothing
     * else is current on a thread that closes it); errors are ignored.
     */
    void freeAll() {
        if (live.isEmpty()) {
            return;
        }
        context.releasing(() -> {
            for (CudaBuffer buffer : new ArrayList<>(live)) {
                buffer.markReleased();
                cuMemFree(buffer.pointer());
            }
        });
        live.clear();
    }

    /** Number of live buffers. */
    int liveCount() {
        return live.size();
    }

    void copyFromHost(HostArray hostArray, int hostOffset, DeviceBuffer dst, long dstByteOffset, int count) {
        toDevice(hostArray, hostOffset, dst, dstByteOffset, count, false);
    }

    void copyToHost(DeviceBuffer src, long srcByteOffset, HostArray hostArray, int hostOffset, int count) {
        toHost(src, srcByteOffset, hostArray, hostOffset, count, false);
    }

    /**
     * {@code cuMemcpyHtoDAsync} in the selected stream for native memory ({@link HostArray.Direct}: pinned memory
     * copies by DMA and returns at once); {@link #copyFromHost} for a Java array, which the garbage collector
     * may move while an asynchronous copy still reads it (JCuda pins it only for the call).
     */
    void copyFromHostAsync(HostArray hostArray, int hostOffset, DeviceBuffer dst, long dstByteOffset, int count) {
        toDevice(hostArray, hostOffset, dst, dstByteOffset, count, hostArray instanceof HostArray.Direct);
    }

    /**
     * {@code cuMemcpyDtoHAsync} in the selected stream for native memory ({@link HostArray.Direct}); the values
     * are there once the stream has passed the copy. {@link #copyToHost} (which waits) for a Java array.
     */
    void copyToHostAsync(DeviceBuffer src, long srcByteOffset, HostArray hostArray, int hostOffset, int count) {
        toHost(src, srcByteOffset, hostArray, hostOffset, count, hostArray instanceof HostArray.Direct);
    }

    /** {@code cuMemcpyHtoD}, or {@code cuMemcpyHtoDAsync} in the selected stream when {@code async}. */
    private void toDevice(HostArray hostArray, int hostOffset, DeviceBuffer dst, long dstByteOffset, int count,
                          boolean async) {
        CudaBuffer d = own(dst, "destination");
        long bytes = (long) count * hostArray.valueBytes();
        var host = pointer(hostArray, hostOffset, count);
        var target = d.at(dstByteOffset, bytes);
        if (bytes == 0) {
            return;
        }
        context.enter();
        try {
            if (async) {
                context.check("cuMemcpyHtoDAsync", cuMemcpyHtoDAsync(target, host, bytes, stream()));
            } else {
                context.check("cuMemcpyHtoD", cuMemcpyHtoD(target, host, bytes));
            }
        } finally {
            context.exit();
        }
    }

    /**
     * {@code cuMemcpyDtoH}, or {@code cuMemcpyDtoHAsync} in the selected stream when {@code async}; an empty
     * blocking read still waits for the device, as a read does.
     */
    private void toHost(DeviceBuffer src, long srcByteOffset, HostArray hostArray, int hostOffset, int count,
                        boolean async) {
        CudaBuffer s = own(src, "source");
        long bytes = (long) count * hostArray.valueBytes();
        var host = pointer(hostArray, hostOffset, count);
        var source = s.at(srcByteOffset, bytes);
        if (bytes == 0) {
            if (!async) {
                device.synchronize();
            }
            return;
        }
        context.enter();
        try {
            if (async) {
                context.check("cuMemcpyDtoHAsync", cuMemcpyDtoHAsync(host, source, bytes, stream()));
            } else {
                context.check("cuMemcpyDtoH", cuMemcpyDtoH(host, source, bytes));
            }
        } finally {
            context.exit();
        }
    }

    /** A pointer to value {@code offset} of a host array, after checking that {@code count} values exist there. */
    private static Pointer pointer(HostArray host, int offset, int count) {
        host.checkRange(offset, count);
        return Pointer.to(host.buffer()).withByteOffset((long) offset * host.valueBytes());
    }

    void copyOnDevice(DeviceBuffer src, long srcByteOffset, DeviceBuffer dst, long dstByteOffset, long bytes) {
        var source = own(src, "source").at(srcByteOffset, bytes);
        var target = own(dst, "destination").at(dstByteOffset, bytes);
        if (bytes == 0) {
            return;
        }
        context.enter();
        try {
            context.check("cuMemcpyDtoDAsync", cuMemcpyDtoDAsync(target, source, bytes, stream()));
        } finally {
            context.exit();
        }
    }

    /** True for a live buffer of this device (the fast path of {@link #own}). */
    boolean owns(DeviceBuffer buffer) {
        return buffer instanceof CudaBuffer b && b.owner() == device && !b.isReleased();
    }

    /** The buffer as this device's own, or an exception naming the role it was passed in. */
    CudaBuffer own(DeviceBuffer buffer, String role) {
        if (!(buffer instanceof CudaBuffer b) || b.owner() != device) {
            throw new IllegalArgumentException("the " + role + " buffer does not belong to this CUDA device: " + buffer);
        }
        if (b.isReleased()) {
            throw new IllegalStateException("the " + role + " buffer was released");
        }
        return b;
    }
}
