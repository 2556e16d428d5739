package org.jgpuarray.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.UnaryOperator;
import org.jgpuarray.device.BackendProbe;
import org.jgpuarray.device.BackendUnavailableException;
import org.jgpuarray.device.DeviceInfo;
import org.jgpuarray.spi.Backend;
import org.jgpuarray.spi.BackendDevice;

/**
 * The backends on the class path (or module path), found once through {@link ServiceLoader}, and the
 * choice among them. A provider that fails to load, declares another SPI version or repeats a name
 * cannot stop discovery: it is logged at WARNING and left out. The choice honours, first match wins, an
 * explicit argument, the system properties {@value #BACKEND_PROPERTY} and {@value #DEVICE_PROPERTY}, then
 * the environment variables {@value #BACKEND_VARIABLE} and {@value #DEVICE_VARIABLE}. Thread-safe.
 */
public final class BackendRegistry {
    /** Environment variable naming the backend: {@code cuda}, {@code opencl} or {@code cpu}. */
    public static final String BACKEND_VARIABLE = "JGPUARRAY_BACKEND";
    /** Environment variable choosing the device: an index, or a part of the device's, vendor's or platform's name. */
    public static final String DEVICE_VARIABLE = "JGPUARRAY_DEVICE";
    /** System property naming the backend; wins over {@value #BACKEND_VARIABLE}. */
    public static final String BACKEND_PROPERTY = "jgpuarray.backend";
    /** System property choosing the device; wins over {@value #DEVICE_VARIABLE}. */
    public static final String DEVICE_PROPERTY = "jgpuarray.device";

    /** The project's backends that live in their own artifacts, for the message when one is missing. */
    private static final Map<String, String> ARTIFACTS = Map.of(
            "opencl", "org.jgpuarray:jgpuarray-opencl",
            "cuda", "org.jgpuarray:jgpuarray-cuda");

    private static final System.Logger LOG = System.getLogger("org.jgpuarray");

    private static volatile List<Backend> discovered;

    private BackendRegistry() {
    }

    /** Every usable backend on the class path, most preferred first; discovered once. */
    public static List<Backend> backends() {
        List<Backend> found = discovered;
        if (found == null) {
            synchronized (BackendRegistry.class) {
                found = discovered;
                if (found == null) {
                    found = discover(ServiceLoader.load(Backend.class, BackendRegistry.class.getClassLoader()).iterator());
                    discovered = found;
                }
            }
        }
        return found;
    }

    /**
     * The backends an iterator of providers yields: loadable, of this SPI version, first of each name,
     * sorted by priority.
     */
    static List<Backend> discover(Iterator<Backend> providers) {
        Map<String, Backend> byName = new LinkedHashMap<>();
        while (true) {
            Backend b;
            try {
                if (!providers.hasNext()) {
                    break;
                }
                b = providers.next();
            } catch (ServiceConfigurationError | LinkageError e) {
                LOG.log(System.Logger.Level.WARNING, "skipping a backend that failed to load: " + e);
                continue;
            }
            String problem = problemWith(b, byName);
            if (problem != null) {
                LOG.log(System.Logger.Level.WARNING, problem);
            } else {
                byName.put(b.name(), b);
            }
        }
        List<Backend> sorted = new ArrayList<>(byName.values());
        sorted.sort(Comparator.comparingInt(Backend::priority).reversed());
        return List.copyOf(sorted);
    }

    private static String problemWith(Backend b, Map<String, Backend> accepted) {
        String where = b.getClass().getName();
        int version;
        String name;
        try {
            version = b.spiVersion();
            name = b.name();
        } catch (RuntimeException | LinkageError e) {
            return "skipping backend " + where + ": it failed to describe itself: " + e;
        }
        if (version != Backend.SPI_VERSION) {
            return "skipping backend '" + name + "' (" + where + "): built for SPI version " + version
                    + ", this jgpuarray-core has version " + Backend.SPI_VERSION + "; use matching versions";
        }
        Backend first = accepted.get(name);
        if (first != null) {
            return "two backends are named '" + name + "': using " + first.getClass().getName() + ", ignoring "
                    + where + " (remove one of them from the class path)";
        }
        return null;
    }

    /** What each backend finds on this machine, most preferred first. */
    public static List<BackendProbe> probes() {
        return backends().stream().map(BackendRegistry::probe).toList();
    }

    /**
     * Opens a device of the named backend, or of the best available one when {@code name} is null (then the
     * property and environment variable are honoured first).
     *
     * @param name         a backend name, or null for automatic choice
     * @param deviceChoice an index or a part of a device name, or null (the property and variable are read then)
     * @throws BackendUnavailableException when the named backend cannot start
     * @throws IllegalArgumentException    when the name is blank or unknown (naming the artifact to add for
     *                                     the project's own backends)
     */
    public static BackendDevice open(String name, String deviceChoice) {
        return open(name, deviceChoice, System::getProperty, System::getenv);
    }

    static BackendDevice open(String name, String deviceChoice, UnaryOperator<String> properties,
                              UnaryOperator<String> environment) {
        if (name != null && name.isBlank()) {
            throw new IllegalArgumentException("the backend name is blank; use " + knownNames()
                    + ", or GpuContext.create() for the best available");
        }
        if (deviceChoice != null && deviceChoice.isBlank()) {
            throw new IllegalArgumentException("the device choice is blank; give an index or a part of a device name");
        }
        String device = deviceChoice != null ? deviceChoice : setting(DEVICE_PROPERTY, DEVICE_VARIABLE, properties,
                environment);
        String requested = name != null ? name : setting(BACKEND_PROPERTY, BACKEND_VARIABLE, properties, environment);
        if (requested != null) {
            return openDevice(find(requested), device);
        }
        StringBuilder skipped = new StringBuilder();
        for (Backend backend : backends()) {
            try {
                BackendDevice opened = openDevice(backend, device);
                LOG.log(System.Logger.Level.DEBUG, () -> "using backend '" + backend.name() + "', device "
                        + opened.info() + (skipped.length() > 0 ? "; skipped:" + skipped : ""));
                return opened;
            } catch (BackendUnavailableException e) {
                skipped.append(" ").append(backend.name()).append(" (").append(e.reason()).append(")");
            }
        }
        throw new BackendUnavailableException("any", "no backend could start:" + skipped);
    }

    /**
     * The backend of that name.
     *
     * @throws IllegalArgumentException naming the available backends, and the artifact to add when the name
     *                                  is one of the project's backends that is not on the class path
     */
    public static Backend find(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        Optional<Backend> match = backends().stream().filter(b -> b.name().equals(wanted)).findFirst();
        if (match.isPresent()) {
            return match.get();
        }
        String artifact = ARTIFACTS.get(wanted);
        if (artifact != null) {
            throw new IllegalArgumentException("the " + wanted + " backend is not on the class path: add the artifact "
                    + artifact + " to your dependencies (backends present: " + knownNames() + ")");
        }
        throw new IllegalArgumentException("unknown backend '" + name + "'; backends present: " + knownNames()
                + " (the project's backends are cpu, opencl and cuda)");
    }

    /** A backend's probe; a probe that throws (against its contract) becomes an unavailable one. */
    static BackendProbe probe(Backend backend) {
        try {
            return backend.probe();
        } catch (RuntimeException | LinkageError e) {
            LOG.log(System.Logger.Level.DEBUG, "backend " + backend.name() + " failed to probe", e);
            return BackendProbe.unavailable(backend.name(), "probe failed: " + e);
        }
    }

    private static List<String> knownNames() {
        return backends().stream().map(Backend::name).toList();
    }

    private static String setting(String property, String variable, UnaryOperator<String> properties,
                                  UnaryOperator<String> environment) {
        String fromProperty = properties.apply(property);
        if (fromProperty != null && !fromProperty.isBlank()) {
            return fromProperty.trim();
        }
        String fromEnvironment = environment.apply(variable);
        return fromEnvironment == null || fromEnvironment.isBlank() ? null : fromEnvironment.trim();
    }

    private static BackendDevice openDevice(Backend backend, String choice) {
        BackendProbe probe = probe(backend);
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
