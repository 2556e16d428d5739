package org.jgpuarray.internal.portable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jgpuarray.device.DeviceType;
import org.jgpuarray.kernels.ScalarType;
import org.jgpuarray.kernels.c.CSource;
import org.jgpuarray.spi.BackendDevice;
import org.jgpuarray.spi.DeviceBuffer;
import org.jgpuarray.spi.HostArray;
import org.jgpuarray.spi.RawFunction;
import org.jgpuarray.spi.RawProgram;

/**
 * What the portable libraries need of a device: their programs compiled once (through
 * {@link BackendDevice#compileProgram}) and kept until close, launches with a grid sized for the
 * device, and scratch memory they own. The core calls the portable libraries one call at a time per
 * context, under the device's lock ({@link BackendDevice#exclusive}); the methods that touch this
 * runner's maps synchronise on it as well, so it stays consistent whoever calls.
 */
final class KernelRunner implements AutoCloseable {
    /** Threads per block of the one-dimensional launches. */
    static final int BLOCK = 256;

    private final BackendDevice device;
    private final Map<String, RawProgram> programs = new HashMap<>();
    private final Map<String, RawFunction> functions = new HashMap<>();
    private final Map<DeviceBuffer, Boolean> owned = new IdentityHashMap<>();
    private final boolean cpu;
    private final long maxGroups;

    KernelRunner(BackendDevice device) {
        this.device = device;
        this.cpu = device.info().type() == DeviceType.CPU;
        // CPU OpenCL devices run each group as a task: a few per core suffice; GPUs want many
        this.maxGroups = cpu ? Math.max(4, 8L * device.info().computeUnits()) : 65535;
    }

    /** The device. */
    BackendDevice device() {
        return device;
    }

    /** Whether the device is a CPU (an OpenCL CPU driver such as PoCL). */
    boolean isCpu() {
        return cpu;
    }

    /**
     * A kernel of a program, compiling the program on first use.
     *
     * @param key    names the program in the cache (it must determine the source)
     * @param source generates the program
     * @param kernel the kernel's name
     */
    synchronized RawFunction function(String key, Supplier<CSource> source, String kernel) {
        String id = key + "#" + kernel;
        RawFunction f = functions.get(id);
        if (f == null) {
            RawProgram program = programs.get(key);
            if (program == null) {
                program = device.compileProgram(key, source.get().source(), List.of());
                programs.put(key, program);
            }
            f = program.function(kernel);
            functions.put(id, f);
        }
        return f;
    }

    /** Launches a 1-D grid-stride kernel over {@code work} items with blocks of {@link #BLOCK}. */
    void launch1d(RawFunction f, long work, Object... args) {
        long groups = Math.max(1, Math.min(maxGroups, (work + BLOCK - 1) / BLOCK));
        f.launch(new long[] {groups}, new long[] {BLOCK}, 0, args);
    }

    /** Launches exactly {@code groups} blocks of {@code block} threads (1-D). */
    void launchGroups(RawFunction f, long groups, int block, Object... args) {
        f.launch(new long[] {groups}, new long[] {block}, 0, args);
    }

    /** Launches a 2-D or 3-D grid. */
    void launch(RawFunction f, long[] grid, long[] block, Object... args) {
        f.launch(grid, block, 0, args);
    }

    /** Groups a reduction's first stage uses for n items: at most {@code cap}. */
    long reductionGroups(long n, long cap) {
        return Math.max(1, Math.min(Math.min(cap, maxGroups), (n + BLOCK - 1) / BLOCK));
    }

    /** Allocates scratch memory that this runner frees on close (or on {@link #free}). */
    synchronized DeviceBuffer allocate(ScalarType type, long count) {
        DeviceBuffer b = device.allocate(type, Math.max(1, count));
        owned.put(b, Boolean.TRUE);
        return b;
    }

    /** Allocates and fills a buffer from a host array ({@code float[]} or {@code double[]}). */
    DeviceBuffer upload(ScalarType type, Object host, int components) {
        DeviceBuffer b = allocate(type, type.isComplex() ? components / 2 : components);
        device.copyFromHost(HostArray.wrap(type, host), 0, b, 0, components);
        return b;
    }

    /** Frees a buffer from {@link #allocate}. */
    synchronized void free(DeviceBuffer b) {
        if (b != null && owned.remove(b) != null) {
            device.free(b);
        }
    }

    /** Copies bytes between buffers. */
    void copy(DeviceBuffer src, DeviceBuffer dst, long bytes) {
        device.copyOnDevice(src, 0, dst, 0, bytes);
    }

    /** Frees scratch memory and programs. */
    @Override
    public synchronized void close() {
        for (DeviceBuffer b : new ArrayList<>(owned.keySet())) {
            device.free(b);
        }
        owned.clear();
        functions.clear();
        for (RawProgram p : programs.values()) {
            p.release();
        }
        programs.clear();
    }

    /** A boxed scalar of a real type: {@code Float} for float32, {@code Double} for float64. */
    static Object real(ScalarType type, double value) {
        return type == ScalarType.FLOAT32 ? (Object) (float) value : (Object) value;
    }

    /**
     * A boxed scalar of a real or integer type: {@code Float}, {@code Double}, {@code Integer} (int32) or
     * {@code Long} (int64); a whole number for the integer types.
     */
    static Object scalar(ScalarType type, double value) {
        return switch (type) {
            case INT32 -> (Object) (int) value;
            case INT64 -> (Object) (long) value;
            default -> real(type, value);
        };
    }
}
