package org.jgpuarray;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;
import org.jgpuarray.device.DeviceGroupException;

/**
 * One array per member of a {@link DeviceGroup}, each on its member's device: the parts of an array split
 * along its first axis, or per-member results (such as partial sums). Transform the parts in parallel
 * ({@link #map}, {@link #zip}) and bring them together on one context ({@link #gather}, {@link #reduce}).
 *
 * <p>Closing it closes the parts. Call its methods from one thread at a time, not from inside the group's
 * tasks.
 */
public final class ShardedArray implements AutoCloseable {
    private final DeviceGroup group;
    private final List<GPUArray> parts;

    ShardedArray(DeviceGroup group, List<GPUArray> parts) {
        this.group = group;
        this.parts = List.copyOf(parts);
    }

    /** The group whose members hold the parts. */
    public DeviceGroup group() {
        return group;
    }

    /** The parts, in member order; unmodifiable. Part {@code k} lives in the group's context {@code k}. */
    public List<GPUArray> parts() {
        return parts;
    }

    /** Member {@code member}'s part. */
    public GPUArray part(int member) {
        return parts.get(Objects.checkIndex(member, parts.size()));
    }

    /**
     * Applies {@code function} to every part at once, each on its member's thread and device.
     *
     * @param function takes a part (not to be closed by it) and returns a new array on the same context
     * @return the results, one per member
     * @throws DeviceGroupException     naming the first member whose function failed
     * @throws IllegalArgumentException when a result lives on another context than its part
     */
    public ShardedArray map(UnaryOperator<GPUArray> function) {
        Objects.requireNonNull(function, "function");
        return new ShardedArray(group, group.run((context, member) -> onContext(function.apply(parts.get(member)),
                context, member)));
    }

    /**
     * Combines the parts of this and {@code other} member by member, at once on every member: for instance
     * {@code x.zip(y, GPUArray::dot)} gives each member's partial dot product.
     *
     * @param other parts on the same group; not modified
     * @throws IllegalArgumentException when {@code other} belongs to another group
     */
    public ShardedArray zip(ShardedArray other, BinaryOperator<GPUArray> function) {
        Objects.requireNonNull(other, "other");
        Objects.requireNonNull(function, "function");
        if (other.group != group) {
            throw new IllegalArgumentException("zip needs parts on the same device group");
        }
        return new ShardedArray(group, group.run((context, member) -> onContext(
                function.apply(parts.get(member), other.parts.get(member)), context, member)));
    }

    /**
     * The parts concatenated along their first axis into one new array on {@code target} (0-d parts are
     * stacked into a 1-D array, one element per member). Copies go peer to peer where the devices allow,
     * else through host memory.
     *
     * @param target any context, inside the group or not
     * @throws IllegalArgumentException when the parts differ in dtype or in their shapes past the first axis,
     *                                  quoting both shapes
     */
    public GPUArray gather(GpuContext target) {
        Objects.requireNonNull(target, "target");
        group.ensureOpen();
        long[] shape = gatheredShape();
        GPUArray out = target.empty(parts.get(0).dtype(), shape);
        try {
            long element = 0;
            for (GPUArray part : parts) {
                CrossContextCopy.copyInto(part, out, element);
                element += part.size();
            }
        } catch (RuntimeException | Error e) {
            out.close();
            throw e;
        }
        return out;
    }

    /**
     * Combines the parts on {@code target} with {@code operator}, left to right in member order:
     * {@code op(op(p0, p1), p2) ...}. For a deterministic sum of partial sums,
     * {@code x.map(GPUArray::sum).reduce(ctx, GPUArray::add)}. Intermediate arrays are closed.
     *
     * @param operator combines two arrays of {@code target} into a new one; must not close its arguments
     * @return a new array on {@code target}
     */
    public GPUArray reduce(GpuContext target, BinaryOperator<GPUArray> operator) {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(operator, "operator");
        group.ensureOpen();
        GPUArray result = parts.get(0).to(target);
        for (int member = 1; member < parts.size(); member++) {
            try (GPUArray next = parts.get(member).to(target)) {
                GPUArray combined = operator.apply(result, next);
                if (combined != result) {
                    result.close();
                }
                result = combined == next ? next.copy() : combined;
            } catch (RuntimeException | Error e) {
                result.close();
                throw e;
            }
        }
        return result;
    }

    /** Closes every part. Idempotent. */
    @Override
    public void close() {
        parts.forEach(GPUArray::close);
    }

    @Override
    public String toString() {
        List<String> shapes = new ArrayList<>();
        for (GPUArray part : parts) {
            shapes.add(part.isClosed() ? "closed" : Shapes.format(part.shape()));
        }
        return "ShardedArray" + shapes + " on " + group;
    }

    private static GPUArray onContext(GPUArray result, GpuContext context, int member) {
        Objects.requireNonNull(result, () -> "the function returned null for member " + member);
        if (result.context() != context) {
            result.close();
            throw new IllegalArgumentException("the function must return an array on the member's own context; member "
                    + member + " returned one on " + result.context().device());
        }
        return result;
    }

    private long[] gatheredShape() {
        GPUArray first = parts.get(0);
        long[] tail = tail(first.shape());
        long rows = 0;
        for (GPUArray part : parts) {
            long[] shape = part.shape();
            if (part.dtype() != first.dtype() || shape.length != first.ndim() || !Arrays.equals(tail(shape), tail)) {
                throw new IllegalArgumentException("cannot concatenate parts " + first.dtype().numpyName()
                        + Shapes.format(first.shape()) + " and " + part.dtype().numpyName() + Shapes.format(shape)
                        + ": they must agree in dtype and in every axis but the first");
            }
            rows += shape.length == 0 ? 1 : shape[0];
        }
        long[] shape = new long[tail.length + 1];
        shape[0] = rows;
        System.arraycopy(tail, 0, shape, 1, tail.length);
        return shape;
    }

    private static long[] tail(long[] shape) {
        return shape.length == 0 ? shape : Arrays.copyOfRange(shape, 1, shape.length);
    }
}
