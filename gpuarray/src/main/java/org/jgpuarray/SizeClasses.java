package org.jgpuarray;

/**
 * The size classes of the {@link MemoryPool}: {@value #SMALLEST} bytes for every request up to that size,
 * then four classes per power of two ({@code 1.25, 1.5, 1.75, 2} times the power below), so a block is at
 * most 25% larger than the request (12% on average over sizes spread evenly on a log scale) and a power of
 * two is its own class. Pure functions.
 */
final class SizeClasses {
    /** The smallest block, in bytes. */
    static final long SMALLEST = 512;
    /** How many classes there are: the one of {@link #SMALLEST}, then four per power of two up to 2^62. */
    static final int COUNT = 1 + 4 * (62 - 9);

    private SizeClasses() {
    }

    /** The class's size for a request of {@code bytes} (at least 0, at most 2^62). */
    static long roundUp(long bytes) {
        if (bytes <= SMALLEST) {
            return SMALLEST;
        }
        long step = step(bytes);
        return (bytes + step - 1) / step * step;
    }

    /**
     * The index of the class of {@code bytes}, from 0 to {@link #COUNT} - 1, or -1 when {@code bytes} is no
     * class's size.
     */
    static int index(long bytes) {
        if (bytes == SMALLEST) {
            return 0;
        }
        if (bytes < SMALLEST || bytes > 1L << 62 || roundUp(bytes) != bytes) {
            return -1;
        }
        int power = 63 - Long.numberOfLeadingZeros(bytes - 1); // 2^power < bytes <= 2^(power+1)
        long quarters = bytes / step(bytes); // 5 .. 8
        return 1 + 4 * (power - 9) + (int) (quarters - 5);
    }

    /** A quarter of the power of two below {@code bytes} ({@code bytes > SMALLEST}). */
    private static long step(long bytes) {
        int power = 63 - Long.numberOfLeadingZeros(bytes - 1);
        return 1L << (power - 2);
    }
}
