package org.jgpuarray.cuda.internal;

import jcuda.Pointer;

/** Host pointers to the Java primitive arrays that cross the SPI: byte, int, long, float and double arrays. */
final class HostArrays {
    private HostArrays() {
    }

    /** Bytes per element of a host array. */
    static int elementSize(Object array) {
        if (array instanceof byte[]) {
            return 1;
        }
        if (array instanceof int[] || array instanceof float[]) {
            return 4;
        }
        if (array instanceof long[] || array instanceof double[]) {
            return 8;
        }
        throw new IllegalArgumentException("host arrays are byte[], int[], long[], float[] or double[], got "
                + (array == null ? "null" : array.getClass().getSimpleName()));
    }

    /** Elements in a host array. */
    static int length(Object array) {
        return java.lang.reflect.Array.getLength(array);
    }

    /**
     * A pointer to element {@code offset} of {@code array}, after checking that {@code count} elements
     * from there lie inside it.
     */
    static Pointer pointer(Object array, int offset, int count) {
        int size = elementSize(array);
        if (offset < 0 || count < 0 || (long) offset + count > length(array)) {
            throw new IndexOutOfBoundsException("elements [" + offset + ", " + ((long) offset + count)
                    + ") are outside a host array of " + length(array));
        }
        Pointer base;
        if (array instanceof byte[] b) {
            base = Pointer.to(b);
        } else if (array instanceof int[] i) {
            base = Pointer.to(i);
        } else if (array instanceof long[] l) {
            base = Pointer.to(l);
        } else if (array instanceof float[] f) {
            base = Pointer.to(f);
        } else {
            base = Pointer.to((double[]) array);
        }
        return offset == 0 ? base : base.withByteOffset((long) offset * size);
    }
}
