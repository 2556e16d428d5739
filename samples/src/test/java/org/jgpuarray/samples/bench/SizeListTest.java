package org.jgpuarray.samples.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SizeListTest {
    @Test
    void rangesNumbersAndPowers() {
        assertEquals(List.of(1L << 16, 1L << 17, 1L << 18), SizeList.parse("2^16..2^18"));
        assertEquals(List.of(1L << 16, 1L << 18, 1L << 20), SizeList.parse("2^16..2^21:4"));
        assertEquals(List.of(1000L, 1L << 20), SizeList.parse("2^20, 1000, 1_000"));
    }

    @Test
    void formatsPowersOfTwo() {
        assertEquals("2^24", SizeList.format(1L << 24));
        assertEquals("1000", SizeList.format(1000));
        assertEquals("8", SizeList.format(8));
    }

    @Test
    void malformedTextQuotesTheItem() {
        for (String bad : new String[] {"", "abc", "2^x", "0", "2^20..2^16", "2^4..2^8:1", "1,,2", "2^99"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SizeList.parse(bad), bad);
            assertTrue(e.getMessage().contains("'"), e.getMessage());
        }
    }
}
