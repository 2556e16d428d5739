package org.jgpuarray.kernels;

/** The source languages that kernel specifications are generated in. */
public enum Dialect {
    /** CUDA C++ for NVRTC or nvcc. */
    CUDA,
    /** OpenCL C 1.2. */
    OPENCL,
    /** Java source for the CPU backend. */
    JAVA
}
