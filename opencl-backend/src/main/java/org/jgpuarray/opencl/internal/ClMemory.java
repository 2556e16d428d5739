package org.jgpuarray.opencl.internal;

import static org.jocl.CL.*;

import java.util.ArrayList;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jgpuarray.device.UnsupportedCapabilityException;
import org.jgpuarray.spi.DeviceBuffer;
import org.jgpuarray.spi.HostArray;
import org.jocl.Pointer;
import org.jocl.cl_context;
import org.jocl.cl_mem;

/**
 * Buffers of one device: allocation, blocking transfers to and from Java arrays, device copies, and the
 * set of live buffers that the device frees when it closes.
 */
public final class ClMemory {
    private final cl_context context;
    private final ClQueue queue;
    private final ClDeviceHandle device;
    private final Set<ClBuffer> live = ConcurrentHashMap.newKeySet();

    ClMemory(cl_context context, ClQueue queue, ClDeviceHandle device) {
        this.context = context;
        this.queue = queue;
        this.device = device;
    }

    /**
     * Allocates {@code bytes} (at least 1) of device memory.
     *
     * @throws UnsupportedCapabilityException  above {@code CL_DEVICE_MAX_MEM_ALLOC_SIZE}
     * @throws org.jgpuarray.device.OutOfDeviceMemoryException when the device has no room
     */
    public ClBuffer allocate(long bytes) {
        long size = Math.max(1, bytes);
        if (size > device.info().maxAllocationBytes()) {
            throw new UnsupportedCapabilityException("buffers of " + size + " bytes", "device '" + device.name()
                    + "' allocates at most " + device.info().maxAllocationBytes()
                    + " bytes per buffer (CL_DEVICE_MAX_MEM_ALLOC_SIZE)");
        }
        return create(CL_MEM_READ_WRITE, size, size + " bytes");
    }

    /** {@code clCreateBuffer} with {@code flags}, counted among the live buffers; {@code what} names it in errors. */
    private ClBuffer create(long flags, long size, String what) {
        int[] err = new int[1];
        cl_mem mem = clCreateBuffer(context, flags, size, null, err);
        if (err[0] != CL_SUCCESS) {
            throw Cl.failure("clCreateBuffer", err[0], what, size);
        }
        ClBuffer buffer = new ClBuffer(mem, size, this);
        live.add(buffer);
        return buffer;
    }

    /** Copies {@code count} elements of a host array into {@code dst} at a byte offset; blocks. */
    public void write(HostArray host, int hostOffset, DeviceBuffer dst, long dstByteOffset, int count) {
        toDevice(host, hostOffset, dst, dstByteOffset, count, false);
    }

    /** Copies {@code count} elements from {@code src} at a byte offset into a host array; blocks. */
    public void read(DeviceBuffer src, long srcByteOffset, HostArray host, int hostOffset, int count) {
        toHost(src, srcByteOffset, host, hostOffset, count, false);
    }

    /**
     * Allocates {@code bytes} of host memory the device copies from without staging: a
     * {@code CL_MEM_ALLOC_HOST_PTR} buffer, mapped (blocking) for the host's use until it is released.
     * Counted among the live buffers.
     *
     * @throws org.jgpuarray.device.OutOfDeviceMemoryException when the host or the device has no room
     */
    public ClPinned allocatePinned(long bytes) {
        long size = Math.max(1, bytes);
        ClBuffer buffer = create(CL_MEM_READ_WRITE | CL_MEM_ALLOC_HOST_PTR, size,
                size + " bytes of host-allocated memory");
        try {
            return new ClPinned(buffer, queue.map(buffer.mem(), size), bytes, queue);
        } catch (RuntimeException e) {
            buffer.release();
            throw e;
        }
    }

    /**
     * Enqueues a copy of {@code count} values of a host array into {@code dst} in the selected queue:
     * non-blocking from native memory ({@link HostArray.Direct}), blocking from a Java array, which the garbage
     * collector may move while a non-blocking copy waits.
     */
    public void writeAsync(HostArray host, int hostOffset, DeviceBuffer dst, long dstByteOffset, int count) {
        toDevice(host, hostOffset, dst, dstByteOffset, count, host instanceof HostArray.Direct);
    }

    /** Enqueues a copy into a host array in the selected queue: non-blocking into native memory, as {@link #writeAsync}. */
    public void readAsync(DeviceBuffer src, long srcByteOffset, HostArray host, int hostOffset, int count) {
        toHost(src, srcByteOffset, host, hostOffset, count, host instanceof HostArray.Direct);
    }

    private void toDevice(HostArray host, int hostOffset, DeviceBuffer dst, long dstByteOffset, int count,
                          boolean async) {
        long bytes = (long) count * host.valueBytes();
        ClBuffer d = own(dst);
        checkRange(d, dstByteOffset, bytes, "destination");
        if (bytes > 0) {
            queue.write(d.mem(), dstByteOffset, bytes, pointer(host, hostOffset, count), !async);
        }
    }

    private void toHost(DeviceBuffer src, long srcByteOffset, HostArray host, int hostOffset, int count,
                        boolean async) {
        long bytes = (long) count * host.valueBytes();
        ClBuffer s = own(src);
        checkRange(s, srcByteOffset, bytes, "source");
        if (bytes > 0) {
            queue.read(s.mem(), srcByteOffset, bytes, pointer(host, hostOffset, count), !async);
        }
    }

    private static Pointer pointer(HostArray host, int offset, int count) {
        host.checkRange(offset, count);
        return Pointer.to(host.buffer()).withByteOffset((long) offset * host.valueBytes());
    }

    /** Copies bytes between buffers of this device; overlapping ranges of one buffer go through a temporary. */
    public void copy(DeviceBuffer src, long srcByteOffset, DeviceBuffer dst, long dstByteOffset, long bytes) {
        ClBuffer s = own(src);
        ClBuffer d = own(dst);
        checkRange(s, srcByteOffset, bytes, "source");
        checkRange(d, dstByteOffset, bytes, "destination");
        if (bytes == 0 || (s == d && srcByteOffset == dstByteOffset)) {
            return;
        }
        boolean overlap = s == d && srcByteOffset < dstByteOffset + bytes && dstByteOffset < srcByteOffset + bytes;
        if (overlap) {
            ClBuffer temp = allocate(bytes);
            try {
                queue.copy(s.mem(), srcByteOffset, temp.mem(), 0, bytes);
                queue.copy(temp.mem(), 0, d.mem(), dstByteOffset, bytes);
            } finally {
                temp.release();
            }
        } else {
            queue.copy(s.mem(), srcByteOffset, d.mem(), dstByteOffset, bytes);
        }
    }

    /**
     * The buffer as one of this device's.
     *
     * @throws IllegalArgumentException when it belongs to another device or backend
     */
    public ClBuffer own(DeviceBuffer buffer) {
        if (buffer instanceof ClBuffer b && b.owner() == this) {
            return b;
        }
        throw new IllegalArgumentException("buffer " + buffer + " does not belong to OpenCL device '"
                + device.name() + "'");
    }

    /** Buffers allocated here and not yet released. */
    public int liveCount() {
        return live.size();
    }

    /** Releases every live buffer (the device is closing). */
    void releaseAll() {
        for (ClBuffer b : new ArrayList<>(live)) {
            b.release();
        }
    }

    void forget(ClBuffer buffer) {
        live.remove(buffer);
    }

    private static void checkRange(ClBuffer b, long offset, long bytes, String what) {
        if (offset < 0 || bytes < 0 || offset + bytes > b.byteSize()) {
            throw new IndexOutOfBoundsException(what + " range of " + bytes + " bytes at offset " + offset
                    + " exceeds a buffer of " + b.byteSize() + " bytes");
        }
    }
}
