package org.jgpuarray.cuda.internal;

import java.util.List;
import java.util.Optional;
import org.jgpuarray.spi.RawFunction;
import org.jgpuarray.spi.RawProgram;

/**
 * A module compiled from hand-written CUDA C++ (PyCUDA's {@code SourceModule}). Kernels are found by
 * their name as written: {@code extern "C"} names directly, C++ names through their mangled form.
 */
final class CudaRawProgram implements RawProgram {
    private final CudaDevice device;
    private final LoadedModule module;

    CudaRawProgram(CudaDevice device, LoadedModule module) {
        this.device = device;
        this.module = module;
    }

    @Override
    public RawFunction function(String name) {
        Optional<CudaKernel> kernel = module.find(name);
        if (kernel.isEmpty()) {
            List<String> mangled = MangledNames.of(module.binary(), name);
            if (mangled.size() == 1) {
                kernel = module.find(mangled.get(0));
            } else if (mangled.size() > 1) {
                throw new IllegalArgumentException("kernel name '" + name + "' is overloaded in this module: "
                        + mangled + "; declare the one you want extern \"C\"");
            }
        }
        return new CudaRawFunction(device, kernel.orElseThrow(() -> new IllegalArgumentException(
                "this CUDA module has no kernel named '" + name + "' (is it declared __global__?)")), name);
    }

    @Override
    public void release() {
        device.unload(module);
    }
}
