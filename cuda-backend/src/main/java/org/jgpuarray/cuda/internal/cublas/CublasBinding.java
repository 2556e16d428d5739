package org.jgpuarray.cuda.internal.cublas;

/** A cuBLAS library loaded in this process (through JCublas2 or JNA), which makes handles. Thread-safe. */
public interface CublasBinding {
    /** What runs, with version, binding and library, e.g. {@code cuBLAS 13.0.2 (JNA, libcublas.so.13)}. */
    String implementation();

    /**
     * Creates a handle ({@code cublasCreate_v2}) in the calling thread's current context.
     *
     * @throws org.jgpuarray.device.DeviceException when cuBLAS refuses
     */
    CublasHandle create();
}
