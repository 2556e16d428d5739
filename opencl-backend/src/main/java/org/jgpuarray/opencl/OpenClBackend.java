package org.jgpuarray.opencl;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jgpuarray.device.BackendProbe;
import org.jgpuarray.device.BackendUnavailableException;
import org.jgpuarray.opencl.internal.ClDeviceHandle;
import org.jgpuarray.opencl.internal.ClDiscovery;
import org.jgpuarray.opencl.internal.IcdLoader;
import org.jgpuarray.opencl.internal.LibraryOpener;
import org.jgpuarray.opencl.internal.OpenClDriver;
import org.jgpuarray.spi.Backend;
import org.jgpuarray.spi.gpu.CacheSettings;
import org.jgpuarray.spi.gpu.GpuDevice;

/**
 * The OpenCL backend (JOCL): any installed ICD, GPUs first, then accelerators, then CPUs. Registered
 * for {@link java.util.ServiceLoader}; touches no native code before {@link #probe()} or {@link #open(int)}.
 * The device list is found once per process.
 */
public final class OpenClBackend implements Backend {
    /** The backend's name. */
    public static final String NAME = ClDiscovery.BACKEND;

    private static final System.Logger LOG = System.getLogger("org.jgpuarray.opencl");
    private static final Object LOCK = new Object();
    private static Discovery discovered;

    /** What one run of device discovery found: the probe, and the devices behind it. */
    record Discovery(BackendProbe probe, List<ClDeviceHandle> devices) {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int spiVersion() {
        return SPI_VERSION;
    }

    /** 200: after CUDA (300), before the CPU (100). */
    @Override
    public int priority() {
        return 200;
    }

    /** The devices, or why there are none; never throws. */
    @Override
    public BackendProbe probe() {
        return discovery().probe();
    }

    /**
     * Opens a device with the disk cache the environment asks for (see {@link CacheSettings}).
     *
     * @throws BackendUnavailableException when OpenCL cannot start or there is no such device
     */
    @Override
    public GpuDevice open(int deviceIndex) {
        return open(deviceIndex, CacheSettings.fromEnvironment());
    }

    /**
     * Opens a device with explicit disk-cache settings.
     *
     * @param cache where to keep program binaries, or {@link CacheSettings#disabled()}
     * @throws BackendUnavailableException when OpenCL cannot start or there is no such device
     */
    public GpuDevice open(int deviceIndex, CacheSettings cache) {
        Discovery found = discovery();
        if (!found.probe().available()) {
            throw new BackendUnavailableException(NAME, found.probe().reason());
        }
        List<ClDeviceHandle> devices = found.devices();
        if (deviceIndex < 0 || deviceIndex >= devices.size()) {
            throw new BackendUnavailableException(NAME, "device " + deviceIndex + " requested, but only "
                    + devices.size() + " found");
        }
        return new GpuDevice(OpenClDriver.open(devices.get(deviceIndex)), cache, NAME);
    }

    private static Discovery discovery() {
        synchronized (LOCK) {
            if (discovered == null) {
                discovered = discover(LibraryOpener.system(), ClDiscovery::devices);
            }
            return discovered;
        }
    }

    /**
     * Checks that JOCL can load the OpenCL ICD loader, then runs a discovery; every failure becomes an
     * unavailable probe with a one-line reason.
     *
     * @param opener    opens shared libraries, as JOCL's native code will
     * @param discovery lists the devices; called only when the loader check passes, since JOCL's class
     *                  initialiser prints to standard output when it cannot load {@code libOpenCL.so}
     */
    static Discovery discover(LibraryOpener opener, Supplier<List<ClDeviceHandle>> discovery) {
        Optional<String> loaderProblem = IcdLoader.whyJoclCannotLoad(opener);
        if (loaderProblem.isPresent()) {
            LOG.log(System.Logger.Level.DEBUG, () -> "OpenCL unavailable: " + loaderProblem.get());
            return new Discovery(BackendProbe.unavailable(NAME, loaderProblem.get()), List.of());
        }
        return discover(discovery);
    }

    /**
     * Runs a discovery, turning every failure into an unavailable probe with a one-line reason.
     *
     * @param discovery lists the devices; may throw (JOCL's native library failing to load throws a LinkageError)
     */
    static Discovery discover(Supplier<List<ClDeviceHandle>> discovery) {
        List<ClDeviceHandle> devices;
        try {
            devices = discovery.get();
        } catch (UnsatisfiedLinkError | NoClassDefFoundError | ExceptionInInitializerError e) {
            LOG.log(System.Logger.Level.DEBUG, "OpenCL unavailable", e);
            return new Discovery(BackendProbe.unavailable(NAME, "JOCL's native library did not load: "
                    + firstLine(e)), List.of());
        } catch (LinkageError | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "OpenCL probe failed", e);
            return new Discovery(BackendProbe.unavailable(NAME, "OpenCL probe failed: " + firstLine(e)), List.of());
        }
        if (devices.isEmpty()) {
            return new Discovery(BackendProbe.unavailable(NAME, "no OpenCL platform (the ICD loader found no"
                    + " installed driver; on Debian: apt-get install pocl-opencl-icd)"), List.of());
        }
        return new Discovery(BackendProbe.available(NAME, devices.stream().map(ClDeviceHandle::info).toList()),
                devices);
    }

    private static String firstLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = m.indexOf('\n');
        return newline < 0 ? m : m.substring(0, newline);
    }
}
