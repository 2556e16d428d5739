package org.jgpuarray.opencl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jgpuarray.spi.Backend;
import org.junit.jupiter.api.Test;

/**
 * The backend's classes were compiled against the SPI on the class path. After an SPI version change, an
 * incremental build that did not recompile this module leaves the old version inlined in
 * {@code spiVersion()}; the core then refuses the backend and every device test skips as if no device were
 * there. This test reads the SPI's version at run time, so that case fails instead.
 */
class OpenClSpiVersionTest {

    @Test
    void compiledAgainstTheSpiOnTheClassPath() throws ReflectiveOperationException {
        int runtime = Backend.class.getField("SPI_VERSION").getInt(null);
        assertEquals(runtime, new OpenClBackend().spiVersion(),
                "OpenClBackend was compiled against another SPI version than the one on the class path: a stale"
                        + " build; rebuild with 'mvn clean'");
    }
}
