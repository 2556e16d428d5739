package org.jgpuarray.cuda.internal;

import static jcuda.driver.CUfunction_attribute.CU_FUNC_ATTRIBUTE_MAX_THREADS_PER_BLOCK;
import static jcuda.driver.JCudaDriver.cuFuncGetAttribute;
import static jcuda.driver.JCudaDriver.cuLaunchKernel;

import jcuda.Pointer;
import jcuda.driver.CUfunction;

/** One kernel of a loaded module, launched asynchronously in the device's stream. */
final class CudaKernel {
    private final CudaContext context;
    private final CUfunction function;
    private final String name;
    private final int maxThreadsPerBlock;

    CudaKernel(CudaContext context, CUfunction function, String name) {
        this.context = context;
        this.function = function;
        this.name = name;
        int[] max = {0};
        this.maxThreadsPerBlock = cuFuncGetAttribute(max, CU_FUNC_ATTRIBUTE_MAX_THREADS_PER_BLOCK, function) == 0
                && max[0] > 0 ? max[0] : 1024;
    }

    /** The kernel's name. */
    String name() {
        return name;
    }

    /** The most threads a block of this kernel may have (registers limit it below the device's). */
    int maxThreadsPerBlock() {
        return maxThreadsPerBlock;
    }

    /** A one-dimensional launch. */
    void launch(long blocks, int threads, Pointer params) {
        launch(new long[] {blocks, 1, 1}, new long[] {threads, 1, 1}, params);
    }

    /**
     * {@code cuLaunchKernel} with three-dimensional grid and block sizes; the context must be current.
     *
     * @throws IllegalArgumentException when a size does not fit the launch limits
     * @throws org.jgpuarray.device.DeviceException when the driver refuses the launch
     */
    void launch(long[] grid, long[] block, Pointer params) {
        for (int d = 0; d < 3; d++) {
            if (grid[d] < 1 || grid[d] > Integer.MAX_VALUE || block[d] < 1 || block[d] > 1024) {
                throw new IllegalArgumentException("kernel '" + name + "': grid " + java.util.Arrays.toString(grid)
                        + " and block " + java.util.Arrays.toString(block) + " are outside CUDA's limits");
            }
        }
        int result = cuLaunchKernel(function, (int) grid[0], (int) grid[1], (int) grid[2],
                (int) block[0], (int) block[1], (int) block[2], 0, DeviceMemory.STREAM, params, null);
        if (result != 0) {
            throw context.failure("cuLaunchKernel(" + name + ")", result, "");
        }
    }
}
