package org.jgpuarray;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jgpuarray.device.BackendProbe;
import org.jgpuarray.device.BackendUnavailableException;
import org.jgpuarray.device.DeviceInfo;
import org.jgpuarray.internal.BackendRegistry;
import org.jgpuarray.spi.Backend;
import org.jgpuarray.spi.BackendDevice;

/** The devices of the backends on the class path, listed and opened by index: the several-device calls of {@link GpuContext}. */
final class Devices {
    private Devices() {
    }

    /** Every device of every available backend, the most preferred backend first, each backend's in index order. */
    static List<DeviceInfo> all() {
        List<DeviceInfo> devices = new ArrayList<>();
        for (BackendProbe probe : GpuContext.probeBackends()) {
            if (probe.available()) {
                devices.addAll(probe.devices());
            }
        }
        return List.copyOf(devices);
    }

    /**
     * The devices of one backend; empty when it cannot start here.
     *
     * @throws IllegalArgumentException when no backend has that name
     */
    static List<DeviceInfo> of(String backend) {
        BackendProbe probe = probe(BackendRegistry.find(Objects.requireNonNull(backend, "backend")));
        return probe.available() ? probe.devices() : List.of();
    }

    /**
     * Opens device {@code index} of a backend.
     *
     * @throws IllegalArgumentException    for an unknown backend or a negative index
     * @throws BackendUnavailableException when the backend cannot start, or has no device of that index
     */
    static BackendDevice open(String backend, int index) {
        Objects.requireNonNull(backend, "backend");
        if (index < 0) {
            throw new IllegalArgumentException("device index must be >= 0, got " + index);
        }
        Backend found = BackendRegistry.find(backend);
        BackendProbe probe = probe(found);
        if (!probe.available()) {
            throw new BackendUnavailableException(found.name(), probe.reason());
        }
        int count = probe.devices().size();
        if (index >= count) {
            throw new BackendUnavailableException(found.name(), "device " + index + " requested, but " + found.name()
                    + " has " + count + (count == 1 ? " device (index 0)" : " devices (indices 0 to " + (count - 1) + ")"));
        }
        return found.open(index);
    }

    private static BackendProbe probe(Backend backend) {
        return GpuContext.probeBackends().stream().filter(p -> p.backend().equals(backend.name())).findFirst()
                .orElseGet(() -> BackendProbe.unavailable(backend.name(), "not probed"));
    }
}
