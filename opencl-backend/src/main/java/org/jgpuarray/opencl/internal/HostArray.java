package org.jgpuarray.opencl.internal;

import org.jocl.Pointer;

/**
 * A Java primitive array crossing to or from the device: {@code byte[]}, {@code short[]}, {@code int[]},
 * {@code long[]}, {@code float[]} or {@code double[]}, with a range of its elements.
 *
 * @param array        the array; not modified by this record
 * @param elementBytes bytes per element
 * @param length       the array's length
 */
record HostArray(Object array, int elementBytes, int length) {

    /**
     * Wraps a host array.
     *
     * @throws IllegalArgumentException when {@code array} is not one of the supported primitive arrays
     */
    static HostArray of(Object array) {
        if (array instanceof float[] a) {
            return new HostArray(a, Float.BYTES, a.length);
        } else if (array instanceof double[] a) {
            return new HostArray(a, Double.BYTES, a.length);
        } else if (array instanceof int[] a) {
            return new HostArray(a, Integer.BYTES, a.length);
        } else if (array instanceof long[] a) {
            return new HostArray(a, Long.BYTES, a.length);
        } else if (array instanceof byte[] a) {
            return new HostArray(a, Byte.BYTES, a.length);
        } else if (array instanceof short[] a) {
            return new HostArray(a, Short.BYTES, a.length);
        }
        throw new IllegalArgumentException("host data must be a float[], double[], int[], long[], byte[] or short[],"
                + " got " + (array == null ? "null" : array.getClass().getSimpleName()));
    }

    /**
     * A pointer to element {@code offset}, checking that {@code count} elements from there exist.
     *
     * @throws IndexOutOfBoundsException when the range leaves the array
     */
    Pointer pointer(int offset, int count) {
        if (offset < 0 || count < 0 || (long) offset + count > length) {
            throw new IndexOutOfBoundsException("host range [" + offset + ", " + ((long) offset + count)
                    + ") is outside an array of " + length + " elements");
        }
        return base().withByteOffset((long) offset * elementBytes);
    }

    private Pointer base() {
        if (array instanceof float[] a) {
            return Pointer.to(a);
        } else if (array instanceof double[] a) {
            return Pointer.to(a);
        } else if (array instanceof int[] a) {
            return Pointer.to(a);
        } else if (array instanceof long[] a) {
            return Pointer.to(a);
        } else if (array instanceof short[] a) {
            return Pointer.to(a);
        }
        return Pointer.to((byte[]) array);
    }
}
