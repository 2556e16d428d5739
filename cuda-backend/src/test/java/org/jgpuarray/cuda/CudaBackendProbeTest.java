package org.jgpuarray.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.NativeLibrary;
import org.jgpuarray.device.BackendUnavailableException;
import org.jgpuarray.device.DeviceInfo;
import org.jgpuarray.GpuContext;
import org.jgpuarray.internal.BackendRegistry;
import org.jgpuarray.spi.Backend;
import org.jgpuarray.device.BackendProbe;
import org.junit.jupiter.api.Test;

/** The probe never throws, says why in one line, and lets GpuContext.create() move on. */
class CudaBackendProbeTest {
    static boolean driverInstalled() {
        try {
            NativeLibrary.getInstance("libcuda.so.1");
            return true;
        } catch (UnsatisfiedLinkError e) {
            return false;
        }
    }

    @Test
    void foundByServiceLoaderWithPriority300() {
        Backend cuda = BackendRegistry.find("cuda");
        assertEquals(CudaBackend.class, cuda.getClass());
        assertEquals(300, cuda.priority());
    }

    @Test
    void probeAnswersInOneLine() {
        BackendProbe probe = new CudaBackend().probe();
        System.out.println("CUDA probe: available=" + probe.available() + " " + probe.reason());
        probe.devices().forEach(d -> System.out.println("  " + d + " " + d.properties()));
        if (!probe.available()) {
            assertFalse(probe.reason().isBlank());
            assertFalse(probe.reason().contains("\n"), probe.reason());
            if (!driverInstalled()) {
                assertEquals("no CUDA driver (libcuda.so.1 not found)", probe.reason());
            }
        } else {
            DeviceInfo first = probe.devices().get(0);
            assertEquals("cuda", first.backend());
            assertTrue(first.properties().containsKey("computeCapability"));
            assertTrue(first.properties().containsKey("compiler"));
            for (String library : new String[] {"cublas", "cufft", "curand"}) {
                String what = String.valueOf(first.properties().get(library));
                assertTrue(what.startsWith("cu") || what.matches("found \\S+ at \\S+; loaded on first use")
                        || what.startsWith("not found: ") || what.startsWith("disabled by "), library + ": " + what);
            }
        }
        assertEquals(probe.available(), new CudaBackend().probe().available(), "a second probe agrees");
    }

    @Test
    void createMovesOnWithoutCuda() {
        BackendProbe probe = new CudaBackend().probe();
        if (probe.available()) {
            try (GpuContext ctx = GpuContext.create()) {
                assertEquals("cuda", ctx.backendName(), "CUDA is preferred where it works");
            }
            return;
        }
        try (GpuContext ctx = GpuContext.create()) {
            assertNotEquals("cuda", ctx.backendName());
        }
        BackendUnavailableException e = org.junit.jupiter.api.Assertions.assertThrows(BackendUnavailableException.class,
                () -> GpuContext.create("cuda"));
        assertEquals(probe.reason(), e.reason());
    }
}
