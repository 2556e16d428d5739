package org.jgpuarray.spi.gpu;

import java.util.Optional;

/** A program (OpenCL) or module (CUDA) compiled for one device, owned by the program cache. */
public interface GpuProgram {
    /** The device binary for the disk cache, in the driver's own format; empty when the driver offers none. */
    byte[] binary();

    /**
     * The kernel a user or a generator names: CUDA also finds a C++ kernel by its unmangled name.
     *
     * @return the kernel, or empty when the program defines none of that name
     * @throws IllegalArgumentException when the name is ambiguous (overloaded C++ kernels)
     */
    Optional<GpuKernel> kernel(String name);

    /** Frees the program and its kernels; called once, by the program cache. */
    void release();
}
