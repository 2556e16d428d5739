package org.jgpuarray.spi;

import java.nio.Buffer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.util.List;
import java.util.Objects;
import org.jgpuarray.kernels.ScalarType;

/**
 * The host side of a copy: a Java primitive array — {@code byte[]} for bool, {@code int[]},
 * {@code long[]}, {@code float[]} (float32 and complex64) or {@code double[]} (float64 and complex128) —
 * or the same storage in native memory ({@link Direct}: a direct NIO buffer in the platform's byte order).
 * Offsets and counts are in slots ("values": a complex element is two values).
 */
public sealed interface HostArray permits HostArray.Bytes, HostArray.Ints, HostArray.Longs, HostArray.Floats,
        HostArray.Doubles, HostArray.Direct {

    /**
     * The wrapped Java array, for {@link System#arraycopy}.
     *
     * @throws UnsupportedOperationException for a {@link Direct} buffer, which has none: use
     *     {@link #copyTo} and {@link #copyFrom}, or {@link #buffer()}
     */
    Object array();

    /**
     * Copies values {@code [offset, offset + count)} into {@code javaArray} (of this storage's class) from
     * index {@code index}.
     */
    default void copyTo(int offset, Object javaArray, int index, int count) {
        System.arraycopy(array(), offset, javaArray, index, count);
    }

    /** Copies {@code count} values of {@code javaArray} from index {@code index} into this storage at {@code offset}. */
    default void copyFrom(Object javaArray, int index, int offset, int count) {
        System.arraycopy(javaArray, index, array(), offset, count);
    }

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

    /** The NIO buffer class of {@code type}'s storage: {@code ByteBuffer} for bool, {@code FloatBuffer} for complex64... */
    static Class<? extends Buffer> bufferClass(ScalarType type) {
        return switch (type) {
            case BOOL -> ByteBuffer.class;
            case INT32 -> IntBuffer.class;
            case INT64 -> LongBuffer.class;
            case FLOAT32, COMPLEX64 -> FloatBuffer.class;
            case FLOAT64, COMPLEX128 -> DoubleBuffer.class;
        };
    }

    /**
     * True when {@code buffer} can serve as {@code type}'s storage in native memory as it is: a direct buffer of
     * {@link #bufferClass(ScalarType)}, in native byte order (any order for bool's bytes).
     */
    static boolean nativeStorage(ScalarType type, Buffer buffer) {
        return bufferClass(type).isInstance(buffer) && buffer.isDirect()
                && (type == ScalarType.BOOL || byteOrder(buffer) == ByteOrder.nativeOrder());
    }

    /** The byte order of an NIO buffer of any primitive type (null for a {@code CharBuffer} or {@code ShortBuffer}). */
    static ByteOrder byteOrder(Buffer buffer) {
        return Direct.orderOf(buffer);
    }

    private static String publicName(Buffer buffer) {
        for (Class<?> c : List.of(ByteBuffer.class, IntBuffer.class, LongBuffer.class, FloatBuffer.class,
                DoubleBuffer.class)) {
            if (c.isInstance(buffer)) {
                return c.getSimpleName();
            }
        }
        return buffer.getClass().getSimpleName();
    }

    /**
     * Native memory holding {@code type}'s storage: a direct buffer in native byte order — a
     * {@code ByteBuffer} for bool, else an {@code IntBuffer}, {@code LongBuffer}, {@code FloatBuffer} or
     * {@code DoubleBuffer} — whose values {@code [position, limit)} become this array's values (the buffer
     * is not modified; later changes to its position do not matter).
     *
     * @throws IllegalArgumentException when the buffer is not direct, not in native order, or not
     *     {@code type}'s storage
     */
    static HostArray direct(ScalarType type, Buffer buffer) {
        Objects.requireNonNull(buffer, "buffer");
        if (!nativeStorage(type, buffer)) {
            Class<? extends Buffer> storage = bufferClass(type);
            throw new IllegalArgumentException(type.numpyName() + " native memory must be a direct "
                    + storage.getSimpleName() + " in native byte order (" + ByteOrder.nativeOrder() + "), got a "
                    + (buffer.isDirect() ? "direct " : "heap ") + publicName(buffer) + " in " + byteOrder(buffer)
                    + " order");
        }
        return new Direct(buffer.slice(), allocate(type, 0).valueBytes());
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

    /**
     * Values in native memory: {@code buffer} is a direct buffer in native byte order at position 0 (see
     * {@link HostArray#direct}). GPU backends copy to and from it with no Java array in between.
     */
    record Direct(Buffer buffer, int valueBytes) implements HostArray {
        public Direct {
            Objects.requireNonNull(buffer, "buffer");
            if (!buffer.isDirect() || buffer.position() != 0) {
                throw new IllegalArgumentException("a direct buffer at position 0 is needed");
            }
        }

        @Override
        public Object array() {
            throw new UnsupportedOperationException("native memory has no Java array");
        }

        @Override
        public int length() {
            return buffer.limit();
        }

        @Override
        public boolean stores(ScalarType type) {
            return bufferClass(type).isInstance(buffer);
        }

        @Override
        public double get(int index) {
            if (buffer instanceof ByteBuffer b) {
                return b.get(index);
            } else if (buffer instanceof IntBuffer b) {
                return b.get(index);
            } else if (buffer instanceof LongBuffer b) {
                return b.get(index);
            } else if (buffer instanceof FloatBuffer b) {
                return b.get(index);
            }
            return ((DoubleBuffer) buffer).get(index);
        }

        @Override
        public void copyTo(int offset, Object javaArray, int index, int count) {
            if (buffer instanceof ByteBuffer b) {
                b.get(offset, (byte[]) javaArray, index, count);
            } else if (buffer instanceof IntBuffer b) {
                b.get(offset, (int[]) javaArray, index, count);
            } else if (buffer instanceof LongBuffer b) {
                b.get(offset, (long[]) javaArray, index, count);
            } else if (buffer instanceof FloatBuffer b) {
                b.get(offset, (float[]) javaArray, index, count);
            } else {
                ((DoubleBuffer) buffer).get(offset, (double[]) javaArray, index, count);
            }
        }

        @Override
        public void copyFrom(Object javaArray, int index, int offset, int count) {
            if (buffer instanceof ByteBuffer b) {
                b.put(offset, (byte[]) javaArray, index, count);
            } else if (buffer instanceof IntBuffer b) {
                b.put(offset, (int[]) javaArray, index, count);
            } else if (buffer instanceof LongBuffer b) {
                b.put(offset, (long[]) javaArray, index, count);
            } else if (buffer instanceof FloatBuffer b) {
                b.put(offset, (float[]) javaArray, index, count);
            } else {
                ((DoubleBuffer) buffer).put(offset, (double[]) javaArray, index, count);
            }
        }

        private static ByteOrder orderOf(Buffer buffer) {
            if (buffer instanceof ByteBuffer b) {
                return b.order();
            } else if (buffer instanceof IntBuffer b) {
                return b.order();
            } else if (buffer instanceof LongBuffer b) {
                return b.order();
            } else if (buffer instanceof FloatBuffer b) {
                return b.order();
            } else if (buffer instanceof DoubleBuffer b) {
                return b.order();
            }
            return null;
        }
    }
}
