package org.jgpuarray.cuda;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jgpuarray.device.BackendUnavailableException;
import org.jgpuarray.device.DeviceInfo;
import org.jgpuarray.device.UnsupportedCapabilityException;
import org.jgpuarray.cuda.internal.CudaDriver;
import org.jgpuarray.cuda.internal.DeviceDescription;
import org.jgpuarray.cuda.internal.DriverLibrary;
import org.jgpuarray.cuda.internal.DriverStatus;
import org.jgpuarray.cuda.internal.compiler.CompilerSelection;
import org.jgpuarray.cuda.internal.compiler.CudaCompiler;
import org.jgpuarray.cuda.internal.lib.CudaLibraries;
import org.jgpuarray.cuda.internal.lib.VendorLibraries;
import org.jgpuarray.spi.Backend;
import org.jgpuarray.spi.gpu.CacheSettings;
import org.jgpuarray.spi.gpu.GpuDevice;
import org.jgpuarray.spi.BackendDevice;
import org.jgpuarray.device.BackendProbe;

/**
 * The CUDA backend ({@code cuda}, priority 300): NVIDIA GPUs through JCuda's driver API, with kernels
 * compiled at run time by NVRTC (through JCuda, or bound directly by soname) or {@code nvcc}. Available
 * when {@code libcuda.so.1} loads, a device is present and a compiler is found; otherwise the probe
 * says which of these is missing, in one line. Devices offer cuBLAS, cuFFT and cuRAND where those load,
 * on their first use; the probe's device properties {@code cublas}, {@code cufft} and {@code curand} say
 * which would load, without loading them (or what loaded, once one did). The probe creates no context.
 *
 * <p>Thread-safe. Constructing it touches no native library; the first {@link #probe()} does, once.
 */
public final class CudaBackend implements Backend {
    /** The backend's name. */
    public static final String NAME = "cuda";

    private volatile BackendProbe probe;
    private volatile CudaCompiler compiler;

    /** Creates the backend; touches nothing native. */
    public CudaBackend() {
        // ServiceLoader needs a public no-argument constructor
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int spiVersion() {
        return SPI_VERSION;
    }

    @Override
    public int priority() {
        return 300;
    }

    /** Probes once and remembers the answer; never throws. */
    @Override
    public BackendProbe probe() {
        BackendProbe known = probe;
        if (known == null) {
            synchronized (this) {
                if (probe == null) {
                    probe = probeNow();
                }
                known = probe;
            }
        }
        return known;
    }

    @Override
    public BackendDevice open(int deviceIndex) {
        BackendProbe found = probe();
        if (!found.available()) {
            throw new BackendUnavailableException(NAME, found.reason());
        }
        if (deviceIndex < 0 || deviceIndex >= found.devices().size()) {
            throw new BackendUnavailableException(NAME, "device " + deviceIndex + " requested, but only "
                    + found.devices().size() + " found");
        }
        DeviceInfo info = found.devices().get(deviceIndex);
        try {
            return new GpuDevice(CudaDriver.open(info, compiler, DriverLibrary.status().driverVersion(),
                    CudaLibraries::new), CacheSettings.fromEnvironment(), NAME);
        } catch (UnsupportedCapabilityException e) {
            throw new BackendUnavailableException(NAME, info.name() + ": " + e.getMessage(), e);
        }
    }

    private BackendProbe probeNow() {
        try {
            DriverStatus driver = DriverLibrary.status();
            if (!driver.available()) {
                return BackendProbe.unavailable(NAME, driver.reason());
            }
            CompilerSelection.Choice choice = CompilerSelection.chosen();
            if (choice.get().isEmpty()) {
                return BackendProbe.unavailable(NAME, choice.reason());
            }
            CudaCompiler chosen = choice.compiler();
            compiler = chosen;
            Map<String, Object> libraries = VendorLibraries.properties();
            List<DeviceInfo> devices = new ArrayList<>();
            for (int ordinal = 0; ordinal < driver.deviceCount(); ordinal++) {
                devices.add(DeviceDescription.describe(ordinal, chosen, driver.driverVersion(), libraries));
            }
            return BackendProbe.available(NAME, devices);
        } catch (RuntimeException | LinkageError e) {
            return BackendProbe.unavailable(NAME, "probe failed: " + e);
        }
    }
}
