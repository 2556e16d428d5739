package org.jgpuarray;

import java.util.Arrays;
import org.jgpuarray.device.UnsupportedCapabilityException;

/** Argument checks of the library wrappers, with messages that quote shapes and dtypes. */
final class LibraryChecks {
    private LibraryChecks() {
    }

    /** The shape as NumPy prints it: {@code (3, 4)}, {@code (5,)}, {@code ()}. */
    static String shape(GPUArray a) {
        long[] s = a.shape();
        if (s.length == 1) {
            return "(" + s[0] + ",)";
        }
        return Arrays.toString(s).replace('[', '(').replace(']', ')');
    }

    /**
     * Checks that an array is float32 or float64 and that the device can run it.
     *
     * @throws IllegalArgumentException         for other dtypes
     * @throws UnsupportedCapabilityException   for float64 without fp64
     */
    static void requireReal(String op, GPUArray a, boolean fp64) {
        DType t = a.dtype();
        if (t != DType.FLOAT32 && t != DType.FLOAT64) {
            throw new IllegalArgumentException(op + " needs float32 or float64 arrays, got " + t.numpyName()
                    + "; convert with astype");
        }
        requireFp64(op, t, fp64);
    }

    /** Checks that an array is complex64 or complex128 and that the device can run it. */
    static void requireComplex(String op, GPUArray a, boolean fp64) {
        DType t = a.dtype();
        if (!t.isComplex()) {
            throw new IllegalArgumentException(op + " needs a complex64 or complex128 array, got " + t.numpyName()
                    + (t.isFloatingPoint() ? "; use rfft for real data" : ""));
        }
        requireFp64(op, t, fp64);
    }

    static void requireFp64(String op, DType t, boolean fp64) {
        if ((t == DType.FLOAT64 || t == DType.COMPLEX128) && !fp64) {
            throw new UnsupportedCapabilityException("fp64", op + " of " + t.numpyName()
                    + " needs a device with double precision");
        }
    }

    /** Checks that every array has the dtype of the first. */
    static void requireSameDtype(String op, GPUArray... arrays) {
        for (GPUArray a : arrays) {
            if (a.dtype() != arrays[0].dtype()) {
                StringBuilder types = new StringBuilder();
                for (GPUArray b : arrays) {
                    types.append(types.length() == 0 ? "" : ", ").append(b.dtype().numpyName());
                }
                throw new IllegalArgumentException(op + " needs operands of one dtype, got " + types
                        + "; convert with astype");
            }
        }
    }

    /** Checks the number of dimensions. */
    static void requireDims(String op, String name, GPUArray a, int ndim) {
        if (a.ndim() != ndim) {
            throw new IllegalArgumentException(op + ": " + name + " must be " + ndim + "-D, got shape " + shape(a));
        }
    }

    /** Checks that an array has at least {@code ndim} dimensions. */
    static void requireAtLeastDims(String op, GPUArray a, int ndim) {
        if (a.ndim() < ndim) {
            throw new IllegalArgumentException(op + " needs an array of at least " + ndim + " dimension"
                    + (ndim == 1 ? "" : "s") + ", got shape " + shape(a));
        }
    }

    /** Checks that two arrays have the same shape. */
    static void requireSameShape(String op, GPUArray a, GPUArray b) {
        if (!Arrays.equals(a.shape(), b.shape())) {
            throw new IllegalArgumentException(op + ": shapes differ, " + shape(a) + " vs " + shape(b));
        }
    }
}
