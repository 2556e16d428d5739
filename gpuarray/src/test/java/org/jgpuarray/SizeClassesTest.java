package org.jgpuarray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The pool's size classes: never smaller than asked, at most a quarter larger, and indexed without gaps. */
class SizeClassesTest {
    @Test
    void smallRequestsShareTheSmallestClass() {
        for (long bytes : new long[] {0, 1, 4, 511, 512}) {
            assertEquals(512, SizeClasses.roundUp(bytes), "bytes " + bytes);
        }
        assertEquals(0, SizeClasses.index(512));
        assertEquals(-1, SizeClasses.index(4), "4 bytes is no class's size");
    }

    @Test
    void powersOfTwoAreTheirOwnClassAndStepsAreQuarters() {
        for (int p = 9; p <= 62; p++) {
            assertEquals(1L << p, SizeClasses.roundUp(1L << p), "2^" + p);
        }
        assertEquals(640, SizeClasses.roundUp(513));
        assertEquals(768, SizeClasses.roundUp(641));
        assertEquals(1280, SizeClasses.roundUp(1025));
        assertEquals(5L << 20, SizeClasses.roundUp((4L << 20) + 1));
        assertEquals(4096, SizeClasses.roundUp(4000), "1000 float32");
        assertEquals(229376, SizeClasses.roundUp(200_000));
    }

    @Test
    void classesAreConsecutiveIndicesFromZero() {
        long size = 512;
        int expected = 0;
        while (size <= 1L << 62) {
            assertEquals(expected, SizeClasses.index(size), "class of " + size);
            assertEquals(-1, SizeClasses.index(size + 1), "between classes above " + size);
            expected++;
            if (size == 1L << 62) {
                break;
            }
            size = SizeClasses.roundUp(size + 1);
        }
        assertEquals(SizeClasses.COUNT, expected, "class count");
    }

    @Test
    void roundingWastesAtMostAQuarterAndAboutATenthOnAverage() {
        Random r = new Random(12);
        double waste = 0;
        int samples = 100_000;
        for (int k = 0; k < samples; k++) {
            long bytes = 513 + (long) Math.pow(2, 9 + 22 * r.nextDouble()); // log-uniform, 513 B .. 1 GiB
            long size = SizeClasses.roundUp(bytes);
            assertTrue(size >= bytes && size < 1.25 * bytes + 1, bytes + " -> " + size);
            assertEquals(size, SizeClasses.roundUp(size), "a class's size is its own class");
            waste += (double) (size - bytes) / size;
        }
        double mean = waste / samples;
        System.out.printf("size classes: mean waste %.1f%% of the block over log-uniform sizes%n", 100 * mean);
        assertTrue(mean < 0.12, "mean waste " + mean);
    }
}
