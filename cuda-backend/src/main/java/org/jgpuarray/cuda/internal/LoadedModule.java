package org.jgpuarray.cuda.internal;

import static jcuda.driver.JCudaDriver.cuModuleGetFunction;
import static jcuda.driver.JCudaDriver.cuModuleUnload;

import java.util.Optional;
import jcuda.driver.CUfunction;
import jcuda.driver.CUmodule;
import org.jgpuarray.cuda.internal.compiler.CudaBinary;

/** A module loaded into a context: its kernels are looked up by name. */
final class LoadedModule {
    private final CudaContext context;
    private final CUmodule module;
    private final CudaBinary binary;
    private boolean unloaded;

    LoadedModule(CudaContext context, CUmodule module, CudaBinary binary) {
        this.context = context;
        this.module = module;
        this.binary = binary;
    }

    /** The PTX or cubin it was loaded from. */
    CudaBinary binary() {
        return binary;
    }

    /** The kernel of exactly that (unmangled or mangled) name, or empty. */
    Optional<CudaKernel> find(String name) {
        if (unloaded) {
            throw new IllegalStateException("the CUDA module holding '" + name + "' was released");
        }
        context.enter();
        CUfunction function = new CUfunction();
        int result = cuModuleGetFunction(function, module, name);
        if (result == CuResults.NOT_FOUND) {
            return Optional.empty();
        }
        context.check("cuModuleGetFunction(" + name + ")", result);
        return Optional.of(new CudaKernel(context, function, name));
    }

    /** The kernel of that name, which the generated source defines. */
    CudaKernel kernel(String name) {
        return find(name).orElseThrow(() -> new IllegalStateException("generated module lacks kernel '" + name + "'"));
    }

    /** {@code cuModuleUnload}; idempotent, errors ignored when the context is broken. */
    void unload() {
        if (!unloaded) {
            unloaded = true;
            if (!context.isBroken()) {
                context.enter();
                cuModuleUnload(module);
            }
        }
    }
}
