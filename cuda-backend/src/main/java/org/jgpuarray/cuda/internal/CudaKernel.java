package org.jgpuarray.cuda.internal;

import static jcuda.driver.CUfunction_attribute.CU_FUNC_ATTRIBUTE_MAX_DYNAMIC_SHARED_SIZE_BYTES;
import static jcuda.driver.CUfunction_attribute.CU_FUNC_ATTRIBUTE_MAX_THREADS_PER_BLOCK;
import static jcuda.driver.CUfunction_attribute.CU_FUNC_ATTRIBUTE_SHARED_SIZE_BYTES;
import static jcuda.driver.JCudaDriver.cuFuncGetAttribute;
import static jcuda.driver.JCudaDriver.cuFuncSetAttribute;
import static jcuda.driver.JCudaDriver.cuLaunchKernel;

import jcuda.driver.CUfunction;
import org.jgpuarray.spi.gpu.GpuKernel;

/**
 * One kernel of a loaded module, launched asynchronously in the device's selected stream. Dynamic shared memory
 * beyond what the function allows by default (48 KiB less its static shared memory) is opted into with
 * {@code cuFuncSetAttribute(CU_FUNC_ATTRIBUTE_MAX_DYNAMIC_SHARED_SIZE_BYTES)} before the launch that needs
 * it. Created and launched with the context entered; launches are serialised by the device.
 */
final class CudaKernel implements GpuKernel {
    /** The dynamic shared memory every function may use without opting in. */
    private static final int DEFAULT_SHARED = 48 * 1024;

    private final CudaContext context;
    private final DeviceMemory memory;
    private final CUfunction function;
    private final String name;
    private final int maxThreadsPerBlock;
    private final int staticSharedBytes;
    private long dynamicSharedLimit;

    CudaKernel(CudaContext context, DeviceMemory memory, CUfunction function, String name) {
        this.context = context;
        this.memory = memory;
        this.function = function;
        this.name = name;
        this.maxThreadsPerBlock = attribute(CU_FUNC_ATTRIBUTE_MAX_THREADS_PER_BLOCK, 1024);
        this.staticSharedBytes = attribute(CU_FUNC_ATTRIBUTE_SHARED_SIZE_BYTES, 0);
        this.dynamicSharedLimit = attribute(CU_FUNC_ATTRIBUTE_MAX_DYNAMIC_SHARED_SIZE_BYTES,
                Math.max(0, DEFAULT_SHARED - staticSharedBytes));
    }

    private int attribute(int attribute, int fallback) {
        int[] value = {0};
        return cuFuncGetAttribute(value, attribute, function) == 0 && value[0] >= 0 ? value[0] : fallback;
    }

    @Override
    public String name() {
        return name;
    }

    /** The most threads a block of this kernel may have (registers limit it below the device's). */
    @Override
    public int maxBlockSize() {
        return maxThreadsPerBlock > 0 ? maxThreadsPerBlock : 1024;
    }

    /** The kernel's own {@code __shared__} arrays, which count against the per-block limit with the dynamic ones. */
    @Override
    public long staticSharedBytes() {
        return staticSharedBytes;
    }

    /**
     * {@code cuLaunchKernel}, after opting into more dynamic shared memory when {@code sharedBytes} needs it;
     * the sizes were checked against the device's limits by the caller.
     *
     * @throws org.jgpuarray.device.DeviceException when the driver refuses the launch
     */
    @Override
    public void launch(long[] grid, long[] block, long sharedBytes, Object[] args) {
        var params = KernelParams.of(memory, name, args);
        context.enter();
        try {
            if (sharedBytes > dynamicSharedLimit) {
                optIn(sharedBytes);
            }
            int result = cuLaunchKernel(function, (int) grid[0], (int) grid[1], (int) grid[2],
                    (int) block[0], (int) block[1], (int) block[2], (int) sharedBytes, memory.stream(), params, null);
            if (result != 0) {
                throw context.failure("cuLaunchKernel(" + name + ")", result, "");
            }
        } finally {
            context.exit();
        }
    }

    private void optIn(long sharedBytes) {
        int result = cuFuncSetAttribute(function, CU_FUNC_ATTRIBUTE_MAX_DYNAMIC_SHARED_SIZE_BYTES, (int) sharedBytes);
        if (result != 0) {
            throw context.failure("cuFuncSetAttribute(" + name + ", CU_FUNC_ATTRIBUTE_MAX_DYNAMIC_SHARED_SIZE_BYTES, "
                    + sharedBytes + ")", result, "the kernel uses " + staticSharedBytes + " bytes of static shared memory");
        }
        dynamicSharedLimit = sharedBytes;
    }
}
