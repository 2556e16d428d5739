package org.jgpuarray.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.jgpuarray.BackendUnavailableException;
import org.jgpuarray.DeviceInfo;
import org.jgpuarray.spi.Backend;
import org.jgpuarray.spi.BackendDevice;
import org.jgpuarray.spi.BackendProbe;

/**
 * Finds backends through {@link ServiceLoader} and opens the one the user asked for, or the best
 * available. A provider that fails to load cannot stop discovery: it is logged and skipped.
 */
public final class BackendRegistry {
    /** Environment variable naming the backend: {@code cuda}, {@code opencl} or {@code cpu}. */
    public static final String BACKEND_VARIABLE = "JGPUARRAY_BACKEND";
    /** Environment variable choosing the device: an index, or a part of the device's, vendor's or platform's name. */
    public static final String DEVICE_VARIABLE = "JGPUARRAY_DEVICE";

    private static final System.Logger LOG = System.getLogger("org.jgpuarray");

    private BackendRegistry() {
    }

    /** Every backend on the class path, most preferred first. */
    public static List<Backend> backends() {
        List<Backend> found = new ArrayList<>();
        Iterator<Backend> it = ServiceLoader.load(Backend.class, BackendRegistry.class.getClassLoader()).iterator();
        while (true) {
            try {
                if (!it.hasNext()) {
                    break;
                }
                found.add(it.next());
            } catch (ServiceConfigurationError | LinkageError e) {
                LOG.log(System.Logger.Level.WARNING, "skipping a backend that failed to load: " + e);
            }
        }
        found.sort(Comparator.comparingInt(Backend::priority).reversed());
        return found;
    }

    /** The backend of that name. */
    public static Optional<Backend> find(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        return backends().stream().filter(b -> b.name().equals(wanted)).findFirst();
    }

    /**
     * Opens a device of the named backend, or of the best available one when {@code name} is null
     * (then {@value #BACKEND_VARIABLE} is honoured first).
     *
     * @param name        a backend name, or null for automatic choice
     * @param deviceChoice an index or a part of a device name, or null ({@value #DEVICE_VARIABLE} is read then)
     * @throws BackendUnavailableException when the named backend cannot start
     * @throws IllegalArgumentException    when the name is unknown
     */
    public static BackendDevice open(String name, String deviceChoice) {
        String device = deviceChoice != null ? deviceChoice : System.getenv(DEVICE_VARIABLE);
        String requested = name != null ? name : System.getenv(BACKEND_VARIABLE);
        if (requested != null && !requested.isBlank()) {
            Backend backend = find(requested).orElseThrow(() -> new IllegalArgumentException(
                    "unknown backend '" + requested + "'; available here: "
                            + backends().stream().map(Backend::name).toList()));
            return openDevice(backend, device);
        }
        StringBuilder skipped = new StringBuilder();
        for (Backend backend : backends()) {
            try {
                BackendDevice opened = openDevice(backend, device);
                if (skipped.length() > 0) {
                    LOG.log(System.Logger.Level.INFO, "using backend '" + backend.name() + "'; skipped:" + skipped);
                }
                return opened;
            } catch (BackendUnavailableException e) {
                skipped.append(" ").append(backend.name()).append(" (").append(e.reason()).append(")");
            }
        }
        throw new BackendUnavailableException("any", "no backend could start:" + skipped);
    }

    private static BackendDevice openDevice(Backend backend, String choice) {
        BackendProbe probe = backend.probe();
        if (!probe.available()) {
            throw new BackendUnavailableException(backend.name(), probe.reason());
        }
        return backend.open(deviceIndex(probe, choice));
    }

    static int deviceIndex(BackendProbe probe, String choice) {
        if (choice == null || choice.isBlank()) {
            return 0;
        }
        List<DeviceInfo> devices = probe.devices();
        if (choice.trim().matches("\\d+")) {
            int index = Integer.parseInt(choice.trim());
            if (index >= devices.size()) {
                throw new BackendUnavailableException(probe.backend(), "device " + index + " requested, but only "
                        + devices.size() + " found");
            }
            return index;
        }
        String needle = choice.trim().toLowerCase(Locale.ROOT);
        for (int k = 0; k < devices.size(); k++) {
            DeviceInfo d = devices.get(k);
            String described = d.vendor() + " " + d.name() + " " + d.properties().getOrDefault("platformName", "")
                    + " " + d.properties().getOrDefault("platformVendor", "");
            if (described.toLowerCase(Locale.ROOT).contains(needle)) {
                return k;
            }
        }
        throw new BackendUnavailableException(probe.backend(), "no device matches '" + choice + "' among "
                + devices.stream().map(DeviceInfo::name).toList());
    }
}
