package org.jgpuarray.device;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a device is, as its backend's probe reports it. The typed components are the facts every
 * backend knows; {@code properties} holds the rest (compute capability, OpenCL version, caches, ...)
 * under backend-specific names, in the order the backend reports them. Immutable.
 *
 * @param backend            {@code cpu}, {@code opencl} or {@code cuda}
 * @param index              the device's index within its backend
 * @param name               the device name, e.g. {@code NVIDIA H100 80GB HBM3}
 * @param vendor             the vendor ("" when unknown)
 * @param type               GPU, CPU or accelerator
 * @param computeUnits       streaming multiprocessors, OpenCL compute units or CPU cores; at least 1
 * @param globalMemoryBytes  device memory (the JVM's heap limit for the CPU backend)
 * @param maxAllocationBytes the largest single allocation the device allows
 * @param localMemoryBytes   shared (CUDA) or local (OpenCL) memory per block; 0 where there is none
 * @param maxWorkGroupSize   most threads per block or work-items per work-group; 1 for the CPU backend
 * @param clockMhz           the maximum clock in MHz; 0 when unknown
 * @param driverVersion      the driver's version (the Java version for the CPU backend); "" when unknown
 * @param fp64               whether float64 kernels can run
 * @param properties         further fields, backend-specific; unmodifiable
 */
public record DeviceInfo(String backend, int index, String name, String vendor, DeviceType type, int computeUnits,
                         long globalMemoryBytes, long maxAllocationBytes, long localMemoryBytes, int maxWorkGroupSize,
                         int clockMhz, String driverVersion, boolean fp64, Map<String, Object> properties) {
    public DeviceInfo {
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        vendor = Objects.requireNonNullElse(vendor, "");
        driverVersion = Objects.requireNonNullElse(driverVersion, "");
        computeUnits = Math.max(1, computeUnits);
        maxWorkGroupSize = Math.max(1, maxWorkGroupSize);
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    /** A builder for backends and tests; every field but backend, name and type has a default. */
    public static Builder builder(String backend, String name, DeviceType type) {
        return new Builder(backend, name, type);
    }

    /** A copy with another index (backends sort devices before numbering them). */
    public DeviceInfo withIndex(int newIndex) {
        return new DeviceInfo(backend, newIndex, name, vendor, type, computeUnits, globalMemoryBytes,
                maxAllocationBytes, localMemoryBytes, maxWorkGroupSize, clockMhz, driverVersion, fp64, properties);
    }

    /** A copy that reports (or hides) float64 support. */
    public DeviceInfo withFp64(boolean hasFp64) {
        return new DeviceInfo(backend, index, name, vendor, type, computeUnits, globalMemoryBytes,
                maxAllocationBytes, localMemoryBytes, maxWorkGroupSize, clockMhz, driverVersion, hasFp64, properties);
    }

    @Override
    public String toString() {
        return backend + ":" + index + " " + name + " (" + type + ", " + computeUnits + " compute units, "
                + (globalMemoryBytes >> 20) + " MiB)";
    }

    /** Builds a {@link DeviceInfo}. Not thread-safe. */
    public static final class Builder {
        private final String backend;
        private final String name;
        private final DeviceType type;
        private int index;
        private String vendor = "";
        private int computeUnits = 1;
        private long globalMemoryBytes;
        private long maxAllocationBytes = -1;
        private long localMemoryBytes;
        private int maxWorkGroupSize = 1;
        private int clockMhz;
        private String driverVersion = "";
        private boolean fp64;
        private final Map<String, Object> properties = new LinkedHashMap<>();

        private Builder(String backend, String name, DeviceType type) {
            this.backend = backend;
            this.name = name;
            this.type = type;
        }

        public Builder index(int value) {
            this.index = value;
            return this;
        }

        public Builder vendor(String value) {
            this.vendor = value;
            return this;
        }

        public Builder computeUnits(int value) {
            this.computeUnits = value;
            return this;
        }

        /** Device memory; also the largest allocation unless {@link #maxAllocationBytes} says otherwise. */
        public Builder globalMemoryBytes(long value) {
            this.globalMemoryBytes = value;
            return this;
        }

        public Builder maxAllocationBytes(long value) {
            this.maxAllocationBytes = value;
            return this;
        }

        public Builder localMemoryBytes(long value) {
            this.localMemoryBytes = value;
            return this;
        }

        public Builder maxWorkGroupSize(int value) {
            this.maxWorkGroupSize = value;
            return this;
        }

        public Builder clockMhz(int value) {
            this.clockMhz = value;
            return this;
        }

        public Builder driverVersion(String value) {
            this.driverVersion = value;
            return this;
        }

        public Builder fp64(boolean value) {
            this.fp64 = value;
            return this;
        }

        /** Adds backend-specific fields, in order; not modified. */
        public Builder properties(Map<String, ?> values) {
            this.properties.putAll(values);
            return this;
        }

        public DeviceInfo build() {
            return new DeviceInfo(backend, index, name, vendor, type, computeUnits, globalMemoryBytes,
                    maxAllocationBytes < 0 ? globalMemoryBytes : maxAllocationBytes, localMemoryBytes,
                    maxWorkGroupSize, clockMhz, driverVersion, fp64, properties);
        }
    }
}
