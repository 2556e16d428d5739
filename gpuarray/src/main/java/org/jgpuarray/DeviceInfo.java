package org.jgpuarray;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a device is, as its backend's probe reports it. The named components are common to every
 * backend; {@code properties} holds the rest (compute capability, OpenCL version, clocks, caches, ...),
 * in the order the backend reports them.
 *
 * @param backend           {@code cpu}, {@code opencl} or {@code cuda}
 * @param index             the device's index within its backend
 * @param name              the device name, e.g. {@code NVIDIA H100 80GB HBM3}
 * @param vendor            the vendor
 * @param type              {@code GPU}, {@code CPU} or {@code ACCELERATOR}
 * @param computeUnits      streaming multiprocessors, OpenCL compute units or CPU cores
 * @param globalMemoryBytes device memory (the JVM's heap limit for the CPU backend)
 * @param fp64              whether float64 kernels can run
 * @param properties        further fields, backend-specific; unmodifiable
 */
public record DeviceInfo(String backend, int index, String name, String vendor, String type, int computeUnits,
                         long globalMemoryBytes, boolean fp64, Map<String, Object> properties) {
    public DeviceInfo {
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(name, "name");
        vendor = Objects.requireNonNullElse(vendor, "");
        type = Objects.requireNonNullElse(type, "");
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    @Override
    public String toString() {
        return backend + ":" + index + " " + name + " (" + type + ", " + computeUnits + " compute units, "
                + (globalMemoryBytes >> 20) + " MiB)";
    }
}
