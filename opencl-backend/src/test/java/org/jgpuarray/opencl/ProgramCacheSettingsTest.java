package org.jgpuarray.opencl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Where the disk cache lives, from system properties and the environment. No device needed. */
class ProgramCacheSettingsTest {

    @Test
    void settingsFromPropertiesAndEnvironment() {
        assertEquals(Path.of("/p/opencl"), ProgramCacheSettings.resolve(
                k -> k.equals(ProgramCacheSettings.DIR_PROPERTY) ? "/p" : null,
                k -> k.equals(ProgramCacheSettings.DIR_VARIABLE) ? "/e" : null).directory(), "property wins");
        assertEquals(Path.of("/e/opencl"), ProgramCacheSettings.resolve(k -> null,
                k -> k.equals(ProgramCacheSettings.DIR_VARIABLE) ? "/e" : null).directory());
        assertEquals(Path.of("/xdg/jgpuarray/opencl"), ProgramCacheSettings.resolve(k -> null,
                k -> k.equals("XDG_CACHE_HOME") ? "/xdg" : null).directory());
        assertEquals(Path.of(System.getProperty("user.home"), ".cache", "jgpuarray", "opencl"),
                ProgramCacheSettings.resolve(k -> null, k -> null).directory());
        assertFalse(ProgramCacheSettings.resolve(k -> null, k -> k.equals(ProgramCacheSettings.ENABLED_VARIABLE) ? "0" : null)
                .enabled());
        assertFalse(ProgramCacheSettings.resolve(k -> k.equals(ProgramCacheSettings.ENABLED_PROPERTY) ? "false" : null,
                k -> k.equals(ProgramCacheSettings.DIR_VARIABLE) ? "/e" : null).enabled());
        assertTrue(ProgramCacheSettings.resolve(k -> null, k -> k.equals(ProgramCacheSettings.ENABLED_VARIABLE) ? "1" : null)
                .enabled());
    }
}
