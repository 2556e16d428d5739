package org.jgpuarray.spi.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where the disk cache lives and how large it may grow, from system properties and the environment. */
class CacheSettingsTest {

    private static CacheSettings resolve(Map<String, String> properties, Map<String, String> environment) {
        return CacheSettings.resolve(properties::get, environment::get);
    }

    @Test
    void folderFromPropertiesAndEnvironment() {
        assertEquals(Path.of("/p/opencl"), resolve(Map.of(CacheSettings.DIR_PROPERTY, "/p"),
                Map.of(CacheSettings.DIR_VARIABLE, "/e")).folder("opencl").orElseThrow(), "property wins");
        assertEquals(Path.of("/e/cuda"), resolve(Map.of(), Map.of(CacheSettings.DIR_VARIABLE, "/e"))
                .folder("cuda").orElseThrow());
        assertEquals(Path.of("/xdg/jgpuarray/opencl"), resolve(Map.of(), Map.of("XDG_CACHE_HOME", "/xdg"))
                .folder("opencl").orElseThrow());
        assertEquals(Path.of(System.getProperty("user.home"), ".cache", "jgpuarray", "opencl"),
                resolve(Map.of(), Map.of()).folder("opencl").orElseThrow());
    }

    @Test
    void offSwitches() {
        assertFalse(resolve(Map.of(), Map.of(CacheSettings.ENABLED_VARIABLE, "0")).enabled());
        assertFalse(resolve(Map.of(CacheSettings.ENABLED_PROPERTY, "false"), Map.of(CacheSettings.DIR_VARIABLE, "/e"))
                .enabled());
        assertTrue(resolve(Map.of(), Map.of(CacheSettings.ENABLED_VARIABLE, "1")).enabled());
        assertTrue(resolve(Map.of(), Map.of(CacheSettings.ENABLED_VARIABLE, "0")).folder("opencl").isEmpty());
        assertFalse(CacheSettings.disabled().enabled());
    }

    @Test
    void sizeLimitWithSuffixes() {
        assertEquals(CacheSettings.DEFAULT_MAX_BYTES, resolve(Map.of(), Map.of()).maxBytes());
        assertEquals(1L << 30, CacheSettings.DEFAULT_MAX_BYTES);
        assertEquals(5000, resolve(Map.of(), Map.of(CacheSettings.MAX_BYTES_VARIABLE, "5000")).maxBytes());
        assertEquals(64L << 20, resolve(Map.of(), Map.of(CacheSettings.MAX_BYTES_VARIABLE, "64m")).maxBytes());
        assertEquals(2L << 30, resolve(Map.of(CacheSettings.MAX_BYTES_PROPERTY, "2G"),
                Map.of(CacheSettings.MAX_BYTES_VARIABLE, "1k")).maxBytes(), "property wins");
        for (String bad : new String[] {"-1", "0", "lots", "12q", "9999999999g"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> resolve(Map.of(), Map.of(CacheSettings.MAX_BYTES_VARIABLE, bad)), bad);
            assertTrue(e.getMessage().contains(bad), e.getMessage());
        }
    }
}
