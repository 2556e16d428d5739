package org.jgpuarray.spark;

import java.util.Locale;
import java.util.Objects;
import org.jgpuarray.device.DeviceInfo;

/**
 * A GPU address as Spark's resource scheduling hands it to a task, read as a jgpuarray device: a bare
 * ordinal ({@code "1"}) is CUDA device 1, the convention of NVIDIA's discovery script and Kubernetes;
 * {@code "backend:index"} ({@code "opencl:1"}) names the backend too. {@link GpuDiscovery} writes
 * addresses in this form.
 *
 * @param backend the jgpuarray backend: {@code cuda}, {@code opencl} or {@code cpu}
 * @param index   the device index within that backend
 */
public record GpuAddress(String backend, int index) {
    /**
     * @throws IllegalArgumentException for a negative index or a blank backend
     */
    public GpuAddress {
        Objects.requireNonNull(backend, "backend");
        if (backend.isBlank() || index < 0) {
            throw new IllegalArgumentException("a GPU address needs a backend and an index >= 0, got " + backend + ":"
                    + index);
        }
    }

    /**
     * Reads an address: {@code "1"} or {@code "opencl:1"}.
     *
     * @throws IllegalArgumentException naming the address when it has neither form
     */
    public static GpuAddress parse(String address) {
        Objects.requireNonNull(address, "address");
        String text = address.trim();
        int colon = text.lastIndexOf(':');
        String backend = colon < 0 ? "cuda" : text.substring(0, colon).toLowerCase(Locale.ROOT);
        String index = text.substring(colon + 1);
        if (!index.matches("\\d{1,9}") || backend.isBlank()) {
            throw new IllegalArgumentException("GPU address '" + address + "' is neither a CUDA ordinal (\"1\") nor"
                    + " backend:index (\"opencl:1\")");
        }
        return new GpuAddress(backend, Integer.parseInt(index));
    }

    /** The address of a device: its ordinal for CUDA, {@code backend:index} for the others. */
    public static String of(DeviceInfo device) {
        return new GpuAddress(device.backend(), device.index()).toString();
    }

    /** {@code "1"} for CUDA device 1, {@code "opencl:1"} for OpenCL device 1. */
    @Override
    public String toString() {
        return backend.equals("cuda") ? Integer.toString(index) : backend + ":" + index;
    }
}
