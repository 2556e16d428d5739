package org.jgpuarray.opencl.internal;

import java.util.concurrent.atomic.AtomicLong;
import org.jgpuarray.spi.DeviceBuffer;
import org.jocl.CL;
import org.jocl.cl_mem;

/**
 * A {@code cl_mem} buffer of one device. Released once, by the core or when its device closes;
 * every live buffer is counted per device and per process, for leak checks.
 */
public final class ClBuffer implements DeviceBuffer {
    private static final AtomicLong LIVE_IN_PROCESS = new AtomicLong();

    private final cl_mem mem;
    private final long bytes;
    private final ClMemory owner;
    private boolean released;

    ClBuffer(cl_mem mem, long bytes, ClMemory owner) {
        this.mem = mem;
        this.bytes = bytes;
        this.owner = owner;
        LIVE_IN_PROCESS.incrementAndGet();
    }

    /** Buffers not yet released, over every OpenCL device of this process. */
    public static long liveInProcess() {
        return LIVE_IN_PROCESS.get();
    }

    /** The OpenCL memory object. */
    cl_mem mem() {
        if (released) {
            throw new IllegalStateException("this OpenCL buffer was released");
        }
        return mem;
    }

    /** The memory manager that allocated this buffer. */
    ClMemory owner() {
        return owner;
    }

    @Override
    public long byteSize() {
        return bytes;
    }

    /** Calls {@code clReleaseMemObject}; later calls do nothing. */
    @Override
    public void release() {
        synchronized (this) {
            if (released) {
                return;
            }
            released = true;
        }
        CL.clReleaseMemObject(mem);
        LIVE_IN_PROCESS.decrementAndGet();
        owner.forget(this);
    }

    @Override
    public String toString() {
        return "ClBuffer[" + bytes + " bytes" + (released ? ", released" : "") + "]";
    }
}
