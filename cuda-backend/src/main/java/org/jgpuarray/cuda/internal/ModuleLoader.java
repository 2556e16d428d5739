package org.jgpuarray.cuda.internal;

import static jcuda.driver.CUjit_option.CU_JIT_ERROR_LOG_BUFFER;
import static jcuda.driver.CUjit_option.CU_JIT_ERROR_LOG_BUFFER_SIZE_BYTES;
import static jcuda.driver.CUjit_option.CU_JIT_INFO_LOG_BUFFER;
import static jcuda.driver.CUjit_option.CU_JIT_INFO_LOG_BUFFER_SIZE_BYTES;
import static jcuda.driver.JCudaDriver.cuModuleLoadDataJIT;

import java.nio.charset.StandardCharsets;
import java.util.List;
import jcuda.Pointer;
import jcuda.driver.CUmodule;
import jcuda.driver.JITOptions;
import org.jgpuarray.device.DeviceException;
import org.jgpuarray.device.KernelCompilationException;
import org.jgpuarray.cuda.internal.compiler.CudaBinary;
import org.jgpuarray.cuda.internal.compiler.CudaCompiler;
import org.jgpuarray.cuda.internal.compiler.CudaVersion;
import org.jgpuarray.kernels.c.CSource;

/**
 * Loads PTX or cubins with {@code cuModuleLoadDataEx}, capturing the JIT's info and error logs. A
 * PTX rejected by the JIT becomes a {@link KernelCompilationException} with the JIT's log; PTX newer
 * than the driver ({@code CUDA_ERROR_UNSUPPORTED_PTX_VERSION}) becomes a {@link DeviceException} that
 * names the compiler's and the driver's CUDA versions and what to do.
 */
final class ModuleLoader {
    private static final int LOG_BYTES = 16 * 1024;
    private static final System.Logger LOG = System.getLogger("org.jgpuarray.cuda");

    private final CudaContext context;
    private final DeviceMemory memory;
    private final CudaCompiler compiler;
    private final int driverVersion;

    ModuleLoader(CudaContext context, DeviceMemory memory, CudaCompiler compiler, int driverVersion) {
        this.context = context;
        this.memory = memory;
        this.compiler = compiler;
        this.driverVersion = driverVersion;
    }

    /**
     * Loads a compiled program.
     *
     * @param name    the program's name, for messages
     * @param source  its source, for messages
     * @param options its compiler options, for messages
     */
    LoadedModule load(CudaBinary binary, String name, String source, List<String> options) {
        context.enter();
        try {
            return loadEntered(binary, name, source, options);
        } finally {
            context.exit();
        }
    }

    private LoadedModule loadEntered(CudaBinary binary, String name, String source, List<String> options) {
        JITOptions jit = new JITOptions();
        jit.putBytes(CU_JIT_INFO_LOG_BUFFER, new byte[LOG_BYTES]);
        jit.putInt(CU_JIT_INFO_LOG_BUFFER_SIZE_BYTES, LOG_BYTES);
        jit.putBytes(CU_JIT_ERROR_LOG_BUFFER, new byte[LOG_BYTES]);
        jit.putInt(CU_JIT_ERROR_LOG_BUFFER_SIZE_BYTES, LOG_BYTES);
        CUmodule module = new CUmodule();
        int result = cuModuleLoadDataJIT(module, Pointer.to(binary.imageForLoading()), jit);
        String info = text(jit.getBytes(CU_JIT_INFO_LOG_BUFFER));
        String errors = text(jit.getBytes(CU_JIT_ERROR_LOG_BUFFER));
        if (result == 0) {
            if (!info.isBlank()) {
                LOG.log(System.Logger.Level.DEBUG, () -> "JIT of '" + name + "': " + info);
            }
            return new LoadedModule(context, memory, module, binary);
        }
        if (CuResults.isSticky(result) || !CuResults.isImageError(result)) {
            throw context.failure("cuModuleLoadDataEx(" + name + ")", result, errors);
        }
        DeviceException cause = new DeviceException("cuModuleLoadDataEx(" + name + ")", result, CuResults.name(result),
                versionAdvice(result, binary));
        if (result == CuResults.UNSUPPORTED_PTX_VERSION || errors.isBlank()) {
            throw cause;
        }
        String log = errors + (info.isBlank() ? "" : "\n" + info) + "\n(" + binary + " from " + compiler.description() + ")";
        throw new KernelCompilationException(name, log, options, CSource.numberLines(source), cause);
    }

    /** What the user can do when the driver rejects the image. */
    String versionAdvice(int result, CudaBinary binary) {
        CudaVersion driver = CudaVersion.fromDriverNumber(driverVersion);
        String what = "the driver (CUDA " + driver + ", cuDriverGetVersion " + driverVersion + ") cannot load the "
                + binary + " made by " + compiler.description() + " (CUDA " + compiler.version() + ")";
        if (compiler.version().compareTo(driver) > 0 || result == CuResults.UNSUPPORTED_PTX_VERSION) {
            return what + ": the compiler is newer than the driver. Update the NVIDIA driver to one for CUDA "
                    + compiler.version() + " or newer, or use a compiler not newer than CUDA " + driver
                    + " (install its NVRTC, e.g. libnvrtc.so." + driver.major() + ", or point CUDA_HOME at that toolkit;"
                    + " JGPUARRAY_CUDA_COMPILER=jcuda-nvrtc|nvrtc|nvcc picks one)";
        }
        return what;
    }

    private static String text(byte[] bytes) {
        if (bytes == null) {
            return "";
        }
        int end = 0;
        while (end < bytes.length && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, 0, end, StandardCharsets.UTF_8).strip();
    }
}
