package org.jgpuarray;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.jgpuarray.device.BackendUnavailableException;
import org.jgpuarray.device.DeviceGroupException;
import org.jgpuarray.device.DeviceInfo;
import org.jgpuarray.random.PhiloxStream;
import org.jgpuarray.spi.HostArray;

/**
 * Several devices working on one job, data-parallel: a context per member device, each used from a thread
 * of its own. Split an array along its first axis into equal parts, one per member ({@link #split}), run
 * the same function on every part at once ({@link ShardedArray#map}, {@link #run}), and gather the parts
 * (concatenated, or reduced with an operator) on one context. Random numbers split by Philox counter
 * offsets ({@link #uniform}, {@link #normal}): the parts together equal a single-device run bit for bit.
 *
 * <pre>{@code
 * try (DeviceGroup group = DeviceGroup.open("cuda");
 *      ShardedArray x = group.split(hostData);
 *      ShardedArray squares = x.map(part -> part.mul(part).sum())) {
 *     double sumOfSquares = squares.reduce(group.context(0), GPUArray::add).item();
 * }
 * }</pre>
 *
 * <p>Members are numbered from 0; member {@code k} gets rows {@code [n*k/m, n*(k+1)/m)} of an array of
 * {@code n} rows over {@code m} members. Failures on any member surface as one
 * {@link DeviceGroupException} that names the member and its device. The group's methods are to be called
 * from one thread at a time (not from inside its own tasks); closing it closes its contexts.
 */
public final class DeviceGroup implements AutoCloseable {
    /** Work for one member: runs on the member's thread with the member's context. */
    @FunctionalInterface
    public interface Task<T> {
        /**
         * @param context the member's context, used from this thread only while the task runs
         * @param member  the member's position in the group, from 0
         * @return the member's result
         */
        T run(GpuContext context, int member);
    }

    private final List<GpuContext> contexts;
    private final GroupWorkers workers;
    private boolean closed;

    private DeviceGroup(List<GpuContext> contexts) {
        this.contexts = List.copyOf(contexts);
        this.workers = new GroupWorkers(this.contexts);
    }

    /**
     * A group of every device of a backend, in index order.
     *
     * @param backend {@code "cuda"}, {@code "opencl"} or {@code "cpu"}
     * @throws BackendUnavailableException with the reason, when the backend cannot start here
     * @throws IllegalArgumentException    when no backend has that name
     */
    public static DeviceGroup open(String backend) {
        int count = GpuContext.devices(backend).size();
        if (count == 0) {
            GpuContext.create(backend).close(); // throws with the backend's reason
        }
        int[] all = new int[count];
        Arrays.setAll(all, k -> k);
        return open(backend, all);
    }

    /**
     * A group of chosen devices of a backend, one member per index, in the order given. An index may repeat:
     * several contexts then share one device (the CPU backend has only device 0, for instance).
     *
     * @param devices device indices of the backend, at least one; not modified
     * @throws BackendUnavailableException when the backend cannot start or lacks one of the devices
     * @throws IllegalArgumentException    for no index, a negative index or an unknown backend
     */
    public static DeviceGroup open(String backend, int... devices) {
        Objects.requireNonNull(devices, "devices");
        if (devices.length == 0) {
            throw new IllegalArgumentException("a device group needs at least one device");
        }
        List<GpuContext> opened = new ArrayList<>();
        try {
            for (int index : devices) {
                opened.add(GpuContext.create(backend, index));
            }
        } catch (RuntimeException | Error e) {
            opened.forEach(GpuContext::close);
            throw e;
        }
        return new DeviceGroup(opened);
    }

    /** The number of members. */
    public int size() {
        return contexts.size();
    }

    /** The members' contexts, in member order; unmodifiable. Use each from one thread at a time. */
    public List<GpuContext> contexts() {
        return contexts;
    }

    /** Member {@code member}'s context. */
    public GpuContext context(int member) {
        return contexts.get(Objects.checkIndex(member, contexts.size()));
    }

    /** The members' devices, in member order. */
    public List<DeviceInfo> devices() {
        return contexts.stream().map(GpuContext::device).toList();
    }

    /**
     * Runs {@code task} on every member at once, each on its own thread with its own context, and waits for
     * all of them.
     *
     * @return the members' results, in member order
     * @throws DeviceGroupException naming the first member that failed (the others' failures suppressed)
     */
    public <T> List<T> run(Task<T> task) {
        Objects.requireNonNull(task, "task");
        ensureOpen();
        return workers.run(task);
    }

    /**
     * Splits an array of any context along its first axis: member {@code k} gets a copy of its rows on its
     * own device.
     *
     * @param array at least 1-D; not modified
     * @throws IllegalArgumentException for a 0-d array
     */
    public ShardedArray split(GPUArray array) {
        Objects.requireNonNull(array, "array").ensureOpen();
        long[] shape = requireRows(array.shape());
        List<GPUArray> rows = new ArrayList<>();
        try (GPUArray source = array.ascontiguous()) {
            for (int member = 0; member < size(); member++) {
                rows.add(source.get(Index.range(firstRow(shape[0], member), firstRow(shape[0], member + 1))));
            }
            return new ShardedArray(this, run((context, member) -> {
                GPUArray out = context.empty(array.dtype(), partShape(shape, member));
                try {
                    CrossContextCopy.copyInto(rows.get(member), out, 0);
                } catch (RuntimeException | Error e) {
                    out.close();
                    throw e;
                }
                return out;
            }));
        } finally {
            rows.forEach(GPUArray::close);
        }
    }

    /**
     * Splits host data along the first axis of {@code shape} (1-D by default), each member's part copied
     * straight to its device.
     *
     * @param data {@code shape}'s size of values; not modified
     */
    public ShardedArray split(float[] data, long... shape) {
        return splitHost(DType.FLOAT32, data, data.length, shape);
    }

    /** As {@link #split(float[], long...)}, float64. */
    public ShardedArray split(double[] data, long... shape) {
        return splitHost(DType.FLOAT64, data, data.length, shape);
    }

    /** As {@link #split(float[], long...)}, int32. */
    public ShardedArray split(int[] data, long... shape) {
        return splitHost(DType.INT32, data, data.length, shape);
    }

    /** As {@link #split(float[], long...)}, int64. */
    public ShardedArray split(long[] data, long... shape) {
        return splitHost(DType.INT64, data, data.length, shape);
    }

    /**
     * Uniform values in [0, 1), split along the first axis: together, bit for bit what
     * {@code context.random(seed).uniform(dtype, shape)} gives on a single device.
     *
     * @param dtype FLOAT32 or FLOAT64
     * @param shape at least 1-D
     */
    public ShardedArray uniform(long seed, DType dtype, long... shape) {
        long[] whole = requireRows(Shapes.checked(shape));
        return new ShardedArray(this, run((context, member) -> PhiloxStream.uniform(context, seed, dtype,
                firstElement(whole, member), partShape(whole, member))));
    }

    /**
     * Normal values {@code mean + std * z}, split along the first axis: together what
     * {@code context.random(seed).normal(dtype, mean, std, shape)} gives on a single device.
     */
    public ShardedArray normal(long seed, DType dtype, double mean, double std, long... shape) {
        long[] whole = requireRows(Shapes.checked(shape));
        return new ShardedArray(this, run((context, member) -> PhiloxStream.normal(context, seed, dtype, mean, std,
                firstElement(whole, member), partShape(whole, member))));
    }

    /** The first of member {@code member}'s rows among {@code rows}; {@code member == size()} gives {@code rows}. */
    public long firstRow(long rows, int member) {
        if (rows < 0 || member < 0 || member > size()) {
            throw new IllegalArgumentException("no member " + member + " of " + size() + " for " + rows + " rows");
        }
        long size = size();
        return rows / size * member + rows % size * member / size; // floor(rows * member / size), no overflow
    }

    /** Stops the threads and closes every member's context (and so their arrays). Idempotent. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            workers.close();
            contexts.forEach(GpuContext::close);
        }
    }

    @Override
    public String toString() {
        return "DeviceGroup" + devices() + (closed ? " (closed)" : "");
    }

    // ---- for ShardedArray ------------------------------------------------------------------------

    void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("this DeviceGroup is closed");
        }
    }

    private ShardedArray splitHost(DType dtype, Object data, int length, long[] shape) {
        long[] whole = requireRows(shape.length == 0 ? new long[] {length} : Shapes.checked(shape));
        if (Shapes.size(whole) != length) {
            throw new IllegalArgumentException("data has " + length + " elements, but shape " + Shapes.format(whole)
                    + " needs " + Shapes.size(whole));
        }
        HostArray host = HostArray.wrap(dtype.scalarType(), data);
        return new ShardedArray(this, run((context, member) -> {
            long[] part = partShape(whole, member);
            GPUArray out = context.empty(dtype, part);
            int count = (int) Shapes.size(part);
            if (count > 0) {
                context.backend().copyFromHost(host, (int) firstElement(whole, member), out.buffer(), 0, count);
            }
            return out;
        }));
    }

    private long[] partShape(long[] whole, int member) {
        long[] part = whole.clone();
        part[0] = firstRow(whole[0], member + 1) - firstRow(whole[0], member);
        return part;
    }

    private long firstElement(long[] whole, int member) {
        long rowSize = 1;
        for (int axis = 1; axis < whole.length; axis++) {
            rowSize = Math.multiplyExact(rowSize, whole[axis]);
        }
        return Math.multiplyExact(firstRow(whole[0], member), rowSize);
    }

    private static long[] requireRows(long[] shape) {
        if (shape.length == 0) {
            throw new IllegalArgumentException("a 0-d array has no first axis to split along");
        }
        return shape;
    }
}
