package org.jgpuarray.device;

/**
 * A raw OpenCL kernel argument that asks for {@code bytes} of local (work-group shared) memory, the
 * {@code cl.LocalMemory} of PyOpenCL.
 *
 * @param bytes size in bytes, positive
 */
public record LocalMemory(long bytes) {
    public LocalMemory {
        if (bytes <= 0) {
            throw new IllegalArgumentException("local memory size must be positive, got " + bytes);
        }
    }
}
