package org.jgpuarray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The pool's switches: on by default, off by either switch, limits in bytes or as a fraction of the device. */
class PoolSettingsTest {
    private static final long DEVICE = 8L << 30;

    @Test
    void onWithoutALimitByDefault() {
        PoolSettings s = resolve(Map.of(), Map.of());
        assertTrue(s.enabled());
        assertEquals(Long.MAX_VALUE, s.limit());
    }

    @Test
    void switchedOffByTheVariableOrTheProperty() {
        for (String off : new String[] {"0", "false", "OFF", "no"}) {
            assertFalse(resolve(Map.of(), Map.of("JGPUARRAY_MEMORY_POOL", off)).enabled(), off);
        }
        assertTrue(resolve(Map.of(), Map.of("JGPUARRAY_MEMORY_POOL", "1")).enabled());
        assertFalse(resolve(Map.of("jgpuarray.memory.pool", "false"), Map.of("JGPUARRAY_MEMORY_POOL", "1")).enabled(),
                "the property wins");
    }

    @Test
    void limitsInBytesWithSuffixesOrAsFractions() {
        assertEquals(1000, limit("1000"));
        assertEquals(64L << 20, limit("64m"));
        assertEquals(2L << 30, limit(" 2G "));
        assertEquals(4L << 30, limit("0.5"));
        assertEquals(DEVICE, limit("1.0"));
        assertEquals(3000, resolve(Map.of("jgpuarray.memory.limit", "3000"), Map.of("JGPUARRAY_MEMORY_LIMIT", "5"))
                .limit(), "the property wins");
    }

    @Test
    void badLimitsAreRefusedWithTheSwitchNamed() {
        for (String bad : new String[] {"0", "-5", "1.5", "0.0", "lots", "12q", "NaN"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> limit(bad), bad);
            assertTrue(e.getMessage().contains("JGPUARRAY_MEMORY_LIMIT") && e.getMessage().contains("'" + bad + "'"),
                    e.getMessage());
        }
    }

    private static long limit(String text) {
        return resolve(Map.of(), Map.of("JGPUARRAY_MEMORY_LIMIT", text)).limit();
    }

    private static PoolSettings resolve(Map<String, String> properties, Map<String, String> environment) {
        return PoolSettings.resolve(properties::get, environment::get, DEVICE);
    }
}
