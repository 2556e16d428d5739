package org.jgpuarray.device;

import java.util.Locale;

/** What kind of processor a device is, as its backend reports it. */
public enum DeviceType {
    /** A graphics processor: CUDA devices, OpenCL GPUs. */
    GPU,
    /** A host processor: the CPU backend, OpenCL CPU drivers such as PoCL. */
    CPU,
    /** Another kind of accelerator (OpenCL {@code CL_DEVICE_TYPE_ACCELERATOR}, custom devices). */
    ACCELERATOR;

    /**
     * The type named by {@code text} ({@code "gpu"}, {@code "CPU"}, ...).
     *
     * @throws IllegalArgumentException naming the text and the known types
     */
    public static DeviceType of(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown device type '" + text + "'; known: GPU, CPU, ACCELERATOR", e);
        }
    }
}
