package org.jgpuarray.kernels.c;

import java.util.regex.Pattern;

/**
 * Makes a portable preamble valid CUDA: helper functions written as plain C get the {@code __device__}
 * qualifier that CUDA requires, and so do {@code const} globals (NVRTC compiles no host variables), so
 * one preamble serves CUDA, OpenCL and the CPU.
 */
final class CudaPreamble {
    private static final Pattern CONST = Pattern.compile("\\bconst\\b");
    private static final Pattern MEMORY_SPACE = Pattern.compile("\\b(__device__|__constant__|__shared__|__managed__|__global__)\\b");

    private CudaPreamble() {
    }

    /**
     * Returns {@code preamble} with {@code __device__ } inserted before every top-level function
     * declaration or definition that has neither {@code __device__} nor {@code __global__}, and before every
     * {@code const} global without a memory space.
     */
    static String qualify(String preamble) {
        return TopLevelDeclarations.rewrite(preamble, header -> {
            boolean function = TopLevelDeclarations.isFunction(header);
            boolean constant = !function && !header.isBlank() && CONST.matcher(header).find();
            return (function || constant) && !MEMORY_SPACE.matcher(header).find()
                    ? TopLevelDeclarations.prefix(header, "__device__ ") : header;
        });
    }
}
