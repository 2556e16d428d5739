package org.jgpuarray.opencl;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import org.jgpuarray.device.BackendProbe;
import org.jgpuarray.spi.gpu.GpuDevice;
import org.jgpuarray.spi.gpu.CacheSettings;

/** Opens OpenCL devices for tests, or skips the test with the probe's reason when OpenCL has none here. */
final class OpenClTestDevices {
    private OpenClTestDevices() {
    }

    /** Skips the calling test, printing why, unless an OpenCL platform with a device exists. */
    static BackendProbe assumeOpenCl() {
        BackendProbe probe = new OpenClBackend().probe();
        if (!probe.available()) {
            System.out.println("SKIPPED: no OpenCL device: " + probe.reason());
        }
        assumeTrue(probe.available(), () -> "no OpenCL device: " + probe.reason());
        return probe;
    }

    /** The first device, with no disk cache. */
    static GpuDevice open() {
        return open(CacheSettings.disabled());
    }

    /** The first device, caching binaries in {@code dir}. */
    static GpuDevice open(Path dir) {
        return open(CacheSettings.at(dir));
    }

    static GpuDevice open(CacheSettings cache) {
        assumeOpenCl();
        return new OpenClBackend().open(0, cache);
    }
}
