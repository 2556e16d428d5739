/**
 * Kernel specifications and source generators for CUDA C, OpenCL C and Java: implementation, not API.
 *
 * <p>Every package is exported only to the modules that use it: specs and the C dialects to the core and
 * the backends; the library kernel templates to the core (its portable BLAS, FFT and random numbers);
 * the Java dialect to the core, plus, at run time, to the unnamed module of each class loader that
 * defines generated kernel classes (see {@link org.jgpuarray.kernels.java.GeneratedKernelAccess}).
 */
@SuppressWarnings("module") // the backends are compiled after this module: "module not found"
module org.jgpuarray.kernels {
    exports org.jgpuarray.kernels to org.jgpuarray.core, org.jgpuarray.opencl, org.jgpuarray.cuda;
    exports org.jgpuarray.kernels.c to org.jgpuarray.core, org.jgpuarray.opencl, org.jgpuarray.cuda;
    exports org.jgpuarray.kernels.lib to org.jgpuarray.core;
    exports org.jgpuarray.kernels.java to org.jgpuarray.core;
}
