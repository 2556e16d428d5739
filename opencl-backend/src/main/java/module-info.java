/**
 * jgpuarray's OpenCL backend (JOCL), found by {@link java.util.ServiceLoader} under the name {@code opencl}.
 * Exports only {@code org.jgpuarray.opencl}: {@code OpenClFeatures}, which {@code GpuContext.unwrap} hands
 * out, and the provider class.
 */
@SuppressWarnings("requires-automatic") // JOCL and JNA are automatic modules
module org.jgpuarray.opencl {
    requires transitive org.jgpuarray.core;
    requires org.jgpuarray.kernels;
    // JOCL 2.0.5 has no module name: "jocl" is derived from its jar (which also holds the natives)
    requires jocl;
    // dlopen through JNA, to name a missing libOpenCL.so before JOCL tries it
    requires com.sun.jna;

    exports org.jgpuarray.opencl;

    provides org.jgpuarray.spi.Backend with org.jgpuarray.opencl.OpenClBackend;
}
