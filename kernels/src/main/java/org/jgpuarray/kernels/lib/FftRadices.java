package org.jgpuarray.kernels.lib;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How the portable FFT splits a length into Stockham passes: radix 4 while it divides, then 2, then the
 * odd primes up to 13, in that order. Lengths with a larger prime factor go through Bluestein's
 * algorithm on the next power of two at least {@code 2n - 1}.
 */
public final class FftRadices {
    /** The radices {@link FftKernels} has codelets for, in the order they are taken. */
    public static final List<Integer> SUPPORTED = List.of(4, 2, 3, 5, 7, 11, 13);

    private FftRadices() {
    }

    /**
     * The radices of the passes for a length, or empty when it has a prime factor above 13.
     *
     * @param n the length, at least 1 (length 1 has no passes)
     */
    public static Optional<List<Integer>> of(long n) {
        if (n < 1) {
            throw new IllegalArgumentException("FFT length must be positive, got " + n);
        }
        List<Integer> radices = new ArrayList<>();
        long rest = n;
        for (int r : SUPPORTED) {
            while (rest % r == 0) {
                radices.add(r);
                rest /= r;
            }
        }
        return rest == 1 ? Optional.of(List.copyOf(radices)) : Optional.empty();
    }

    /** The Bluestein convolution length of {@code n}: the least power of two at least {@code 2n - 1}. */
    public static long bluesteinLength(long n) {
        long m = 1;
        while (m < 2 * n - 1) {
            m <<= 1;
        }
        return m;
    }
}
