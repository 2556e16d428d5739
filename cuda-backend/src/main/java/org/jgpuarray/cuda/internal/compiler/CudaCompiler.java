package org.jgpuarray.cuda.internal.compiler;

import java.util.List;

/**
 * Compiles CUDA C++ to PTX or a cubin. Three implementations exist, tried in this order when the
 * backend starts: NVRTC through JCuda ({@link JcudaNvrtcCompiler}), the machine's NVRTC of any major
 * version bound through JNA ({@link JnaNvrtcCompiler}), and {@code nvcc} ({@link NvccCompiler}).
 * Compilation needs no GPU: the target architecture is a parameter.
 *
 * <p>Implementations are thread-safe.
 */
public interface CudaCompiler {
    /** A short identifier: {@code jcuda-nvrtc}, {@code nvrtc} or {@code nvcc} (the values of {@code JGPUARRAY_CUDA_COMPILER}). */
    String id();

    /** What it is, for users and cache keys, e.g. {@code NVRTC 11.8 (libnvrtc.so.11.2 through JNA)}. */
    String description();

    /** The CUDA version of the compiler; its PTX needs a driver at least this new. */
    CudaVersion version();

    /** The real architectures it can build cubins for, ascending; empty when unknown. */
    List<GpuArch> supportedArchs();

    /**
     * The target for a device of the given capability: see {@link CompileTarget#forDevice}.
     *
     * @throws org.jgpuarray.device.UnsupportedCapabilityException when the compiler is too new for the device
     */
    default CompileTarget targetFor(GpuArch device) {
        return CompileTarget.forDevice(device, supportedArchs(), description());
    }

    /**
     * Compiles one program.
     *
     * @param name    the program's name, used in messages and as its file name; not modified
     * @param source  the complete CUDA C++ source
     * @param options compiler options in NVRTC spelling ({@code -DNAME=1}, {@code --use_fast_math}); the
     *                architecture option is added from {@code target}; not modified
     * @param target  what to produce
     * @return the PTX or cubin
     * @throws org.jgpuarray.device.KernelCompilationException with the compiler's log, the options and the
     *         numbered source when the source does not compile
     * @throws org.jgpuarray.device.DeviceException when the compiler itself fails (an NVRTC call other than
     *         compilation, or nvcc that cannot be started)
     */
    CudaBinary compile(String name, String source, List<String> options, CompileTarget target);
}
