package org.jgpuarray.cuda.internal;

import static jcuda.driver.CUfunction_attribute.CU_FUNC_ATTRIBUTE_MAX_THREADS_PER_BLOCK;
import static jcuda.driver.JCudaDriver.cuFuncGetAttribute;
import static jcuda.driver.JCudaDriver.cuLaunchKernel;

import jcuda.driver.CUfunction;
import org.jgpuarray.spi.gpu.GpuKernel;

/** One kernel of a loaded module, launched asynchronously in the device's stream. */
final class CudaKernel implements GpuKernel {
    private final CudaContext context;
    private final DeviceMemory memory;
    private final CUfunction function;
    private final String name;
    private final int maxThreadsPerBlock;

    CudaKernel(CudaContext context, DeviceMemory memory, CUfunction function, String name) {
        this.context = context;
        this.memory = memory;
        this.function = function;
        this.name = name;
        int[] max = {0};
        this.maxThreadsPerBlock = cuFuncGetAttribute(max, CU_FUNC_ATTRIBUTE_MAX_THREADS_PER_BLOCK, function) == 0
                && max[0] > 0 ? max[0] : 1024;
    }

    @Override
    public String name() {
        return name;
    }

    /** The most threads a block of this kernel may have (registers limit it below the device's). */
    @Override
    public int maxBlockSize() {
        return maxThreadsPerBlock;
    }

    /**
     * {@code cuLaunchKernel}; the sizes were checked against the device's limits by the caller.
     *
     * @throws org.jgpuarray.device.DeviceException when the driver refuses the launch
     */
    @Override
    public void launch(long[] grid, long[] block, long sharedBytes, Object[] args) {
        var params = KernelParams.of(memory, name, args);
        context.enter();
        int result = cuLaunchKernel(function, (int) grid[0], (int) grid[1], (int) grid[2],
                (int) block[0], (int) block[1], (int) block[2], (int) sharedBytes, DeviceMemory.STREAM, params, null);
        if (result != 0) {
            throw context.failure("cuLaunchKernel(" + name + ")", result, "");
        }
    }
}
