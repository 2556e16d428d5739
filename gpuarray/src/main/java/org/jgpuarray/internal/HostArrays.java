package org.jgpuarray.internal;

import java.lang.reflect.Array;
import org.jgpuarray.DType;

/** Host-side Java arrays as the storage of each dtype: {@code byte[]} for bool, {@code float[]} for complex64, ... */
public final class HostArrays {
    private HostArrays() {
    }

    /** A new host array able to hold {@code count} elements of {@code dtype} (two values per complex element). */
    public static Object allocate(DType dtype, int count) {
        return switch (dtype) {
            case BOOL -> new byte[count];
            case INT32 -> new int[count];
            case INT64 -> new long[count];
            case FLOAT32 -> new float[count];
            case FLOAT64 -> new double[count];
            case COMPLEX64 -> new float[Math.multiplyExact(2, count)];
            case COMPLEX128 -> new double[Math.multiplyExact(2, count)];
        };
    }

    /** The Java element class that stores {@code dtype}. */
    public static Class<?> storageClass(DType dtype) {
        return allocate(dtype, 0).getClass();
    }

    /** Checks that {@code array} is the storage class of {@code dtype}. */
    public static void requireStorage(DType dtype, Object array) {
        if (array == null || array.getClass() != storageClass(dtype)) {
            throw new IllegalArgumentException(dtype.numpyName() + " data must be a "
                    + storageClass(dtype).getSimpleName() + ", got "
                    + (array == null ? "null" : array.getClass().getSimpleName()));
        }
    }

    /** The length of a primitive array. */
    public static int length(Object array) {
        return Array.getLength(array);
    }

    /** 1 for true, 0 for false. */
    public static byte[] toBytes(boolean[] data) {
        byte[] bytes = new byte[data.length];
        for (int k = 0; k < data.length; k++) {
            bytes[k] = (byte) (data[k] ? 1 : 0);
        }
        return bytes;
    }

    /** Nonzero is true. */
    public static boolean[] toBooleans(byte[] data) {
        boolean[] values = new boolean[data.length];
        for (int k = 0; k < data.length; k++) {
            values[k] = data[k] != 0;
        }
        return values;
    }

    /** Element {@code index} of a storage array as a double (the real part for complex storage). */
    public static double get(Object array, int index) {
        if (array instanceof byte[] b) {
            return b[index];
        } else if (array instanceof int[] i) {
            return i[index];
        } else if (array instanceof long[] l) {
            return l[index];
        } else if (array instanceof float[] f) {
            return f[index];
        }
        return ((double[]) array)[index];
    }
}
