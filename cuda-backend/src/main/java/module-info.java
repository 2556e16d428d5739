/**
 * jgpuarray's CUDA backend (JCuda driver API, NVRTC, JCublas; cuFFT, cuRAND and other NVRTC versions
 * through JNA), found by {@link java.util.ServiceLoader} under the name {@code cuda}.
 *
 * <p>JCuda 12.6 loads its natives with {@code jcuda.LibUtils.class.getResourceAsStream}, which on the
 * module path searches the {@code jcuda} module only: put the natives jars into that module with
 * {@code --patch-module jcuda=jcuda-natives-12.6.0-<os>-<arch>.jar:jcublas-natives-...jar}, or on
 * {@code java.library.path}.
 */
@SuppressWarnings("requires-automatic") // JCuda, JCublas and JNA are automatic modules
module org.jgpuarray.cuda {
    requires transitive org.jgpuarray.core;
    requires org.jgpuarray.kernels;
    // JCuda 12.6 has no module names: "jcuda" and "jcublas" are derived from the jars
    requires jcuda;
    requires jcublas;
    requires com.sun.jna;

    exports org.jgpuarray.cuda;

    // JNA proxies the Library interfaces without reflection into them; a Structure, a default method or
    // an OPTIONS field in an internal package would need "opens <package> to com.sun.jna" here.

    provides org.jgpuarray.spi.Backend with org.jgpuarray.cuda.CudaBackend;
}
