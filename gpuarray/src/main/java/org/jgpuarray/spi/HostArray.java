package org.jgpuarray.spi;

import java.nio.Buffer;
import java.nio.ByteBuffer;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.util.Objects;
import org.jgpuarray.kernels.ScalarType;

/**
 * A Java primitive array on the host side of a copy: {@code byte[]} for bool, {@code int[]},
 * {@code long[]}, {@code float[]} (float32 and complex64) or {@code double[]} (float64 and complex128).
 * Offsets and counts are in array slots ("values": a complex element is two values).
 */
public sealed interface HostArray permits HostArray.Bytes, HostArray.Ints, HostArray.Longs, HostArray.Floats,
        HostArray.Doubles {

    /** The wrapped Java array, for {@link System#arraycopy}. */
    Object array();

    /** Values the array holds. */
    int length();

    /** Bytes per value. */
    int valueBytes();

    /**
     * The whole array as an NIO buffer over the same memory, position 0: JOCL's and JCuda's
     * {@code Pointer.to(Buffer)} take it (apply an offset with {@code withByteOffset}).
     */
    Buffer buffer();

    /**
     * Checks that values {@code [offset, offset + count)} exist.
     *
     * @throws IndexOutOfBoundsException naming the range and the array's length
     */
    default void checkRange(int offset, int count) {
        if (offset < 0 || count < 0 || (long) offset + count > length()) {
            throw new IndexOutOfBoundsException("host range [" + offset + ", " + ((long) offset + count)
                    + ") is outside an array of " + length() + " values");
        }
    }

    /**
     * A new zeroed array for {@code count} elements of {@code type} (two values per complex element).
     *
     * @throws ArithmeticException when a complex array would exceed Java's array size
     */
    static HostArray allocate(ScalarType type, int count) {
        return switch (type) {
            case BOOL -> new Bytes(new byte[count]);
            case INT32 -> new Ints(new int[count]);
            case INT64 -> new Longs(new long[count]);
            case FLOAT32 -> new Floats(new float[count]);
            case FLOAT64 -> new Doubles(new double[count]);
            case COMPLEX64 -> new Floats(new float[Math.multiplyExact(2, count)]);
            case COMPLEX128 -> new Doubles(new double[Math.multiplyExact(2, count)]);
        };
    }

    /**
     * Wraps a Java array that stores {@code type}.
     *
     * @throws IllegalArgumentException when {@code array} is not the storage class of {@code type}
     */
    static HostArray wrap(ScalarType type, Object array) {
        HostArray wrapped = wrap(array);
        if (wrapped == null || !wrapped.stores(type)) {
            throw new IllegalArgumentException(type.numpyName() + " data must be a "
                    + allocate(type, 0).array().getClass().getSimpleName() + ", got "
                    + (array == null ? "null" : array.getClass().getSimpleName()));
        }
        return wrapped;
    }

    /** True when this array is the storage class of {@code type}. */
    default boolean stores(ScalarType type) {
        return allocate(type, 0).getClass() == getClass();
    }

    /** Value {@code index} as a double. */
    double get(int index);

    /**
     * Wraps a {@code byte[]}, {@code int[]}, {@code long[]}, {@code float[]} or {@code double[]}.
     *
     * @throws IllegalArgumentException for anything else
     */
    static HostArray of(Object array) {
        HostArray wrapped = wrap(array);
        if (wrapped == null) {
            throw new IllegalArgumentException("host arrays are byte[], int[], long[], float[] or double[], got "
                    + (array == null ? "null" : array.getClass().getSimpleName()));
        }
        return wrapped;
    }

    private static HostArray wrap(Object array) {
        if (array instanceof byte[] b) {
            return new Bytes(b);
        } else if (array instanceof int[] i) {
            return new Ints(i);
        } else if (array instanceof long[] l) {
            return new Longs(l);
        } else if (array instanceof float[] f) {
            return new Floats(f);
        } else if (array instanceof double[] d) {
            return new Doubles(d);
        }
        return null;
    }

    /** Bool storage: one byte per element, 0 or 1. */
    record Bytes(byte[] array) implements HostArray {
        public Bytes {
            Objects.requireNonNull(array, "array");
        }

        @Override
        public int length() {
            return array.length;
        }

        @Override
        public int valueBytes() {
            return Byte.BYTES;
        }

        @Override
        public Buffer buffer() {
            return ByteBuffer.wrap(array);
        }

        @Override
        public double get(int index) {
            return array[index];
        }
    }

    /** int32 storage. */
    record Ints(int[] array) implements HostArray {
        public Ints {
            Objects.requireNonNull(array, "array");
        }

        @Override
        public int length() {
            return array.length;
        }

        @Override
        public int valueBytes() {
            return Integer.BYTES;
        }

        @Override
        public Buffer buffer() {
            return IntBuffer.wrap(array);
        }

        @Override
        public double get(int index) {
            return array[index];
        }
    }

    /** int64 storage. */
    record Longs(long[] array) implements HostArray {
        public Longs {
            Objects.requireNonNull(array, "array");
        }

        @Override
        public int length() {
            return array.length;
        }

        @Override
        public int valueBytes() {
            return Long.BYTES;
        }

        @Override
        public Buffer buffer() {
            return LongBuffer.wrap(array);
        }

        @Override
        public double get(int index) {
            return array[index];
        }
    }

    /** float32 and complex64 storage. */
    record Floats(float[] array) implements HostArray {
        public Floats {
            Objects.requireNonNull(array, "array");
        }

        @Override
        public int length() {
            return array.length;
        }

        @Override
        public int valueBytes() {
            return Float.BYTES;
        }

        @Override
        public Buffer buffer() {
            return FloatBuffer.wrap(array);
        }

        @Override
        public double get(int index) {
            return array[index];
        }
    }

    /** float64 and complex128 storage. */
    record Doubles(double[] array) implements HostArray {
        public Doubles {
            Objects.requireNonNull(array, "array");
        }

        @Override
        public int length() {
            return array.length;
        }

        @Override
        public int valueBytes() {
            return Double.BYTES;
        }

        @Override
        public Buffer buffer() {
            return DoubleBuffer.wrap(array);
        }

        @Override
        public double get(int index) {
            return array[index];
        }
    }
}
