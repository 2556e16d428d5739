/**
 * jgpuarray's core: the API ({@code GPUArray}, kernels, contexts, BLAS, FFT, random numbers and the
 * device vocabulary), the SPI for backends, backend discovery and the CPU backend.
 *
 * <p>Only the API packages are exported to everyone. The SPI, and {@code spi.gpu} (the toolkit the GPU
 * backends share), are exported to the project's backends alone; {@code internal} and {@code cpu}
 * packages are exported to nobody. Backends are found with {@link java.util.ServiceLoader}: on the module
 * path through {@code provides}, on the class path through {@code META-INF/services}.
 */
@SuppressWarnings({"module", "requires-automatic"}) // backends compile later; Janino and JTransforms are automatic modules
module org.jgpuarray.core {
    requires org.jgpuarray.kernels;
    // the CPU backend compiles generated Java kernels in memory
    requires org.codehaus.janino;
    requires org.codehaus.commons.compiler;
    // the CPU backend's FFTs; JTransforms 3.1 has no module name, so this is the name derived from its jar
    requires JTransforms;

    exports org.jgpuarray;
    exports org.jgpuarray.blas;
    exports org.jgpuarray.device;
    exports org.jgpuarray.fft;
    exports org.jgpuarray.random;

    exports org.jgpuarray.spi to org.jgpuarray.opencl, org.jgpuarray.cuda;
    // the GPU backends' shared execution path (launches, argument binding, scratch, program caches)
    exports org.jgpuarray.spi.gpu to org.jgpuarray.opencl, org.jgpuarray.cuda;

    uses org.jgpuarray.spi.Backend;
    provides org.jgpuarray.spi.Backend with org.jgpuarray.cpu.CpuBackend;
}
