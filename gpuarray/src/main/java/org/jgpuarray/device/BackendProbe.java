package org.jgpuarray.device;

import java.util.List;
import java.util.Objects;

/**
 * What a backend found on this machine.
 *
 * @param backend   the backend's name
 * @param available true when at least one device can be opened
 * @param reason    when unavailable, one line saying why (no driver, no compiler, ...); "" otherwise
 * @param devices   the devices, empty when unavailable
 */
public record BackendProbe(String backend, boolean available, String reason, List<DeviceInfo> devices) {
    public BackendProbe {
        Objects.requireNonNull(backend, "backend");
        reason = Objects.requireNonNullElse(reason, "");
        devices = List.copyOf(devices);
    }

    /** A probe of a usable backend. */
    public static BackendProbe available(String backend, List<DeviceInfo> devices) {
        return new BackendProbe(backend, !devices.isEmpty(), devices.isEmpty() ? "no devices" : "", devices);
    }

    /** A probe of a backend that cannot run here, with the reason. */
    public static BackendProbe unavailable(String backend, String reason) {
        return new BackendProbe(backend, false, reason, List.of());
    }
}
