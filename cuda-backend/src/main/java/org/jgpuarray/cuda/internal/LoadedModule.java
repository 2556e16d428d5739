package org.jgpuarray.cuda.internal;

import static jcuda.driver.JCudaDriver.cuModuleGetFunction;
import static jcuda.driver.JCudaDriver.cuModuleUnload;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jcuda.driver.CUfunction;
import jcuda.driver.CUmodule;
import org.jgpuarray.cuda.internal.compiler.BinaryKind;
import org.jgpuarray.cuda.internal.compiler.CudaBinary;
import org.jgpuarray.spi.gpu.GpuKernel;
import org.jgpuarray.spi.gpu.GpuProgram;

/**
 * A module loaded into a context. Kernels are found by name: {@code extern "C"} and generated names
 * directly, C++ kernels through their mangled form.
 */
final class LoadedModule implements GpuProgram {
    private final CudaContext context;
    private final DeviceMemory memory;
    private final CUmodule module;
    private final CudaBinary binary;
    private final Map<String, Optional<GpuKernel>> kernels = new HashMap<>();
    private boolean unloaded;

    LoadedModule(CudaContext context, DeviceMemory memory, CUmodule module, CudaBinary binary) {
        this.context = context;
        this.memory = memory;
        this.module = module;
        this.binary = binary;
    }

    /** The cache payload: kind, architecture, then the image. */
    @Override
    public byte[] binary() {
        return encode(binary);
    }

    /** The payload of a binary: kind, architecture, then the image. */
    static byte[] encode(CudaBinary binary) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(binary.image().length + 32);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(binary.kind().ordinal());
            out.writeUTF(binary.arch());
            out.write(binary.image());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The binary a {@link #binary()} payload holds; empty when it is not one. */
    static Optional<CudaBinary> decode(byte[] payload) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
            int kind = in.readUnsignedByte();
            String arch = in.readUTF();
            if (kind >= BinaryKind.values().length) {
                return Optional.empty();
            }
            return Optional.of(new CudaBinary(BinaryKind.values()[kind], arch, in.readAllBytes(), ""));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * The kernel of that name: exactly, or else the one C++ kernel whose mangled name it is.
     *
     * @throws IllegalArgumentException when the plain name is an overloaded C++ kernel
     */
    @Override
    public Optional<GpuKernel> kernel(String name) {
        Optional<GpuKernel> known = kernels.get(name);
        if (known == null) {
            known = find(name).or(() -> mangled(name));
            kernels.put(name, known);
        }
        return known;
    }

    private Optional<GpuKernel> mangled(String name) {
        List<String> candidates = MangledNames.of(binary, name);
        if (candidates.size() > 1) {
            throw new IllegalArgumentException("kernel name '" + name + "' is overloaded in this module: " + candidates
                    + "; declare the one you want extern \"C\"");
        }
        return candidates.isEmpty() ? Optional.empty() : find(candidates.get(0));
    }

    private Optional<GpuKernel> find(String name) {
        if (unloaded) {
            throw new IllegalStateException("the CUDA module holding '" + name + "' was released");
        }
        CUfunction function = new CUfunction();
        context.enter();
        try {
            int result = cuModuleGetFunction(function, module, name);
            if (result == CuResults.NOT_FOUND) {
                return Optional.empty();
            }
            context.check("cuModuleGetFunction(" + name + ")", result);
            return Optional.of(new CudaKernel(context, memory, function, name));
        } finally {
            context.exit();
        }
    }

    /** {@code cuModuleUnload}; idempotent, skipped when the context is broken. */
    @Override
    public void release() {
        if (!unloaded) {
            unloaded = true;
            kernels.clear();
            if (!context.isBroken() && context.enterToRelease()) {
                try {
                    cuModuleUnload(module);
                } finally {
                    context.exit();
                }
            }
        }
    }
}
