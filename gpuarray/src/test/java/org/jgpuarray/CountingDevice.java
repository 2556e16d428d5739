package org.jgpuarray;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jgpuarray.device.DeviceInfo;
import org.jgpuarray.device.DeviceType;
import org.jgpuarray.device.OutOfDeviceMemoryException;
import org.jgpuarray.kernels.Dialect;
import org.jgpuarray.kernels.ElementwiseSpec;
import org.jgpuarray.kernels.ReductionSpec;
import org.jgpuarray.kernels.ScalarType;
import org.jgpuarray.kernels.ScanSpec;
import org.jgpuarray.spi.BackendDevice;
import org.jgpuarray.spi.CompiledElementwise;
import org.jgpuarray.spi.CompiledReduction;
import org.jgpuarray.spi.CompiledScan;
import org.jgpuarray.spi.DeviceBuffer;
import org.jgpuarray.spi.HostArray;
import org.jgpuarray.spi.RawProgram;

/**
 * A device with memory only, for the pool's unit tests: counts allocations and frees, refuses allocations
 * past its capacity with {@link OutOfDeviceMemoryException}, and fails a test that frees a block twice.
 * Thread-safe.
 */
final class CountingDevice implements BackendDevice {
    final AtomicInteger allocations = new AtomicInteger();
    final AtomicInteger frees = new AtomicInteger();
    final AtomicLong inUse = new AtomicLong();
    final Set<Block> live = ConcurrentHashMap.newKeySet();
    private final long capacity;

    CountingDevice(long capacity) {
        this.capacity = capacity;
    }

    /** A block of the fake device; {@code owner} is set by tests to catch a block handed to two holders. */
    final class Block implements DeviceBuffer {
        final long bytes;
        final AtomicInteger owner = new AtomicInteger(-1);
        private boolean released;

        Block(long bytes) {
            this.bytes = bytes;
        }

        @Override
        public long byteSize() {
            return bytes;
        }

        @Override
        public synchronized void release() {
            if (released) {
                throw new AssertionError("block of " + bytes + " bytes freed twice");
            }
            released = true;
            live.remove(this);
            inUse.addAndGet(-bytes);
            frees.incrementAndGet();
        }
    }

    @Override
    public DeviceInfo info() {
        return DeviceInfo.builder("counting", "counting device", DeviceType.GPU).globalMemoryBytes(capacity).build();
    }

    @Override
    public Dialect dialect() {
        return Dialect.OPENCL;
    }

    @Override
    public DeviceBuffer allocate(ScalarType type, long count) {
        long bytes = count * type.byteSize();
        if (inUse.addAndGet(bytes) > capacity) {
            inUse.addAndGet(-bytes);
            throw new OutOfDeviceMemoryException("countingAlloc", 2, "FULL", bytes);
        }
        allocations.incrementAndGet();
        Block b = new Block(bytes);
        live.add(b);
        return b;
    }

    @Override
    public void copyFromHost(HostArray src, int srcOffset, DeviceBuffer dst, long dstByteOffset, int count) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void copyToHost(DeviceBuffer src, long srcByteOffset, HostArray dst, int dstOffset, int count) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void copyOnDevice(DeviceBuffer src, long srcByteOffset, DeviceBuffer dst, long dstByteOffset, long bytes) {
        throw new UnsupportedOperationException();
    }

    @Override
    public CompiledElementwise compile(ElementwiseSpec spec) {
        throw new UnsupportedOperationException();
    }

    @Override
    public CompiledReduction compile(ReductionSpec spec) {
        throw new UnsupportedOperationException();
    }

    @Override
    public CompiledScan compile(ScanSpec spec) {
        throw new UnsupportedOperationException();
    }

    @Override
    public RawProgram compileProgram(String name, String source, List<String> options) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void synchronize() {
    }

    @Override
    public void close() {
    }
}
