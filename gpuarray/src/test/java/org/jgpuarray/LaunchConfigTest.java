package org.jgpuarray;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** PyCUDA's grid=, block= and shared= as one immutable, validated value. */
class LaunchConfigTest {
    @Test
    void holdsCopiesAndAddsSharedMemory() {
        long[] grid = {4, 2};
        LaunchConfig config = LaunchConfig.of(grid, new long[] {32, 8}).withSharedBytes(1024);
        grid[0] = 99;
        config.grid()[1] = 99;
        assertArrayEquals(new long[] {4, 2}, config.grid());
        assertArrayEquals(new long[] {32, 8}, config.block());
        assertEquals(1024, config.sharedBytes());
        assertEquals(new LaunchConfig(new long[] {4, 2}, new long[] {32, 8}, 1024), config);
        assertEquals(0, LaunchConfig.of(new long[] {1}, new long[] {1}).sharedBytes());
    }

    @Test
    void rejectsWhatNoDeviceRuns() {
        assertThrows(IllegalArgumentException.class, () -> LaunchConfig.of(new long[] {1, 1}, new long[] {1}));
        assertThrows(IllegalArgumentException.class, () -> LaunchConfig.of(new long[] {}, new long[] {}));
        assertThrows(IllegalArgumentException.class,
                () -> LaunchConfig.of(new long[] {1, 1, 1, 1}, new long[] {1, 1, 1, 1}));
        assertThrows(IllegalArgumentException.class, () -> LaunchConfig.of(new long[] {0}, new long[] {1}));
        assertThrows(IllegalArgumentException.class, () -> LaunchConfig.of(new long[] {1}, new long[] {1})
                .withSharedBytes(-1));
    }
}
