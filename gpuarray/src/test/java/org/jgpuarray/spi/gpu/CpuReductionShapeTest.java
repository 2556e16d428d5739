package org.jgpuarray.spi.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The split of a one-value reduction on CPU devices: groups per compute unit, chunks that cover the input. */
class CpuReductionShapeTest {
    @Test
    void smallInputsTakeFewGroupsAndLargeOnesAFewPerComputeUnit() {
        assertEquals(1, CpuReductionShape.groups(1, 256, 2));
        assertEquals(1, CpuReductionShape.groups(256 * 1024, 256, 2), "one group while chunks would be short");
        assertEquals(2, CpuReductionShape.groups(256 * 1024 + 1, 256, 2));
        assertEquals(8, CpuReductionShape.groups(1L << 24, 256, 2), "four groups per compute unit");
        assertEquals(8, CpuReductionShape.groups(1L << 40, 256, 2));
        assertEquals(64, CpuReductionShape.groups(1L << 30, 256, 16));
    }

    @Test
    void chunksCoverTheInputWithNoWorkItemBeyondNeeded() {
        long[] sizes = {1, 3, 4097, 1000003, 2097151, 2097152, 2097153, 3145735, (1L << 33) + 5};
        for (long n : sizes) {
            long items = CpuReductionShape.groups(n, 256, 2) * 256;
            long chunk = CpuReductionShape.chunk(n, items);
            assertTrue(chunk * items >= n, "covers n=" + n);
            assertTrue((chunk - 1) * items < n, "as short as covering allows, n=" + n);
        }
        assertEquals(1, CpuReductionShape.chunk(0, 256), "no elements still make a chunk of one");
    }
}
