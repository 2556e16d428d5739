package org.jgpuarray.cuda.internal;

import static jcuda.driver.CUdevice_attribute.CU_DEVICE_ATTRIBUTE_CLOCK_RATE;
import static jcuda.driver.CUdevice_attribute.CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR;
import static jcuda.driver.CUdevice_attribute.CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MINOR;
import static jcuda.driver.CUdevice_attribute.CU_DEVICE_ATTRIBUTE_ECC_ENABLED;
import static jcuda.driver.CUdevice_attribute.CU_DEVICE_ATTRIBUTE_GLOBAL_MEMORY_BUS_WIDTH;
import static jcuda.driver.CUdevice_attribute.CU_DEVICE_ATTRIBUTE_L2_CACHE_SIZE;
import static jcuda.driver.CUdevice_attribute.CU_DEVICE_ATTRIBUTE_MAX_GRID_DIM_X;
import static jcuda.driver.CUdevice_attribute.CU_DEVICE_ATTRIBUTE_MAX_SHARED_MEMORY_PER_BLOCK;
import static jcuda.driver.CUdevice_attribute.CU_DEVICE_ATTRIBUTE_MAX_THREADS_PER_BLOCK;
import static jcuda.driver.CUdevice_attribute.CU_DEVICE_ATTRIBUTE_MAX_THREADS_PER_MULTIPROCESSOR;
import static jcuda.driver.CUdevice_attribute.CU_DEVICE_ATTRIBUTE_MEMORY_CLOCK_RATE;
import static jcuda.driver.CUdevice_attribute.CU_DEVICE_ATTRIBUTE_MULTIPROCESSOR_COUNT;
import static jcuda.driver.CUdevice_attribute.CU_DEVICE_ATTRIBUTE_TOTAL_CONSTANT_MEMORY;
import static jcuda.driver.CUdevice_attribute.CU_DEVICE_ATTRIBUTE_WARP_SIZE;
import static jcuda.driver.JCudaDriver.cuCtxPopCurrent;
import static jcuda.driver.JCudaDriver.cuCtxPushCurrent;
import static jcuda.driver.JCudaDriver.cuDeviceGet;
import static jcuda.driver.JCudaDriver.cuDeviceGetAttribute;
import static jcuda.driver.JCudaDriver.cuDeviceGetName;
import static jcuda.driver.JCudaDriver.cuDeviceGetPCIBusId;
import static jcuda.driver.JCudaDriver.cuDevicePrimaryCtxGetState;
import static jcuda.driver.JCudaDriver.cuDevicePrimaryCtxRelease;
import static jcuda.driver.JCudaDriver.cuDevicePrimaryCtxRetain;
import static jcuda.driver.JCudaDriver.cuDeviceTotalMem;
import static jcuda.driver.JCudaDriver.cuMemGetInfo;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;
import jcuda.driver.CUcontext;
import jcuda.driver.CUdevice;
import org.jgpuarray.device.DeviceInfo;
import org.jgpuarray.device.DeviceType;
import org.jgpuarray.spi.gpu.LaunchLimits;
import org.jgpuarray.device.UnsupportedCapabilityException;
import org.jgpuarray.cuda.internal.compiler.CudaCompiler;
import org.jgpuarray.cuda.internal.compiler.CudaVersion;
import org.jgpuarray.cuda.internal.compiler.GpuArch;

/**
 * Describes a CUDA device from the driver API with the fields of PyCUDA's {@code Device}: name,
 * compute capability, total (and, where a context exists, free) memory, multiprocessors, clocks, limits, caches, ECC, the driver
 * version, the compiler chosen for it, and whatever the caller adds (the vendor libraries found).
 */
public final class DeviceDescription {
    private DeviceDescription() {
    }

    /**
     * Reads every field of device {@code ordinal} without creating a context: attributes and total memory need
     * none; free memory is read only where the primary context exists already (it is left out otherwise).
     *
     * @param compiler      the compiler kernels will be built with
     * @param driverVersion {@code cuDriverGetVersion}'s number
     * @param extra         further properties, appended in their order; not modified
     * @throws org.jgpuarray.device.DeviceException when the device cannot be queried
     */
    public static DeviceInfo describe(int ordinal, CudaCompiler compiler, int driverVersion, Map<String, ?> extra) {
        CUdevice device = new CUdevice();
        CudaContext.throwOnError("cuDeviceGet", cuDeviceGet(device, ordinal));
        byte[] rawName = new byte[256];
        CudaContext.throwOnError("cuDeviceGetName", cuDeviceGetName(rawName, rawName.length, device));
        String name = cString(rawName);
        GpuArch arch = new GpuArch(attribute(device, CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR).orElse(1),
                attribute(device, CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MINOR).orElse(0));
        long[] total = {0};
        CudaContext.throwOnError("cuDeviceTotalMem", cuDeviceTotalMem(total, device));
        int sms = attribute(device, CU_DEVICE_ATTRIBUTE_MULTIPROCESSOR_COUNT).orElse(1);

        Map<String, Object> p = new LinkedHashMap<>();
        p.put("computeCapability", arch.toString());
        p.put("architecture", arch.sm());
        p.put("totalMemoryBytes", total[0]);
        freeMemory(device).ifPresent(free -> p.put("freeMemoryBytes", free));
        p.put("multiprocessors", sms);
        put(p, "clockRateKHz", attribute(device, CU_DEVICE_ATTRIBUTE_CLOCK_RATE));
        put(p, "memoryClockRateKHz", attribute(device, CU_DEVICE_ATTRIBUTE_MEMORY_CLOCK_RATE));
        put(p, "memoryBusWidthBits", attribute(device, CU_DEVICE_ATTRIBUTE_GLOBAL_MEMORY_BUS_WIDTH));
        put(p, "maxThreadsPerBlock", attribute(device, CU_DEVICE_ATTRIBUTE_MAX_THREADS_PER_BLOCK));
        put(p, "maxThreadsPerMultiprocessor", attribute(device, CU_DEVICE_ATTRIBUTE_MAX_THREADS_PER_MULTIPROCESSOR));
        put(p, "maxGridDimX", attribute(device, CU_DEVICE_ATTRIBUTE_MAX_GRID_DIM_X));
        put(p, "sharedMemoryPerBlockBytes", attribute(device, CU_DEVICE_ATTRIBUTE_MAX_SHARED_MEMORY_PER_BLOCK));
        put(p, "constantMemoryBytes", attribute(device, CU_DEVICE_ATTRIBUTE_TOTAL_CONSTANT_MEMORY));
        put(p, "warpSize", attribute(device, CU_DEVICE_ATTRIBUTE_WARP_SIZE));
        put(p, "l2CacheBytes", attribute(device, CU_DEVICE_ATTRIBUTE_L2_CACHE_SIZE));
        attribute(device, CU_DEVICE_ATTRIBUTE_ECC_ENABLED).ifPresent(ecc -> p.put("eccEnabled", ecc != 0));
        String[] bus = {null};
        if (cuDeviceGetPCIBusId(bus, 64, device) == 0 && bus[0] != null) {
            p.put("pciBusId", bus[0].trim());
        }
        p.put("driverVersion", CudaVersion.fromDriverNumber(driverVersion).toString());
        p.put("driverVersionNumber", driverVersion);
        p.put("compiler", compiler.description());
        p.put("compilerCudaVersion", compiler.version().toString());
        try {
            p.put("compileTarget", compiler.targetFor(arch).toString());
        } catch (UnsupportedCapabilityException e) {
            p.put("compileTarget", "none: " + e.getMessage());
        }
        p.putAll(extra);
        return DeviceInfo.builder("cuda", name, DeviceType.GPU).index(ordinal).vendor("NVIDIA").computeUnits(sms)
                .globalMemoryBytes(total[0])
                .localMemoryBytes(((Number) p.getOrDefault("sharedMemoryPerBlockBytes", 48 * 1024)).longValue())
                .maxWorkGroupSize(((Number) p.getOrDefault("maxThreadsPerBlock", 1024)).intValue())
                .clockMhz(((Number) p.getOrDefault("clockRateKHz", 0)).intValue() / 1000)
                .driverVersion(CudaVersion.fromDriverNumber(driverVersion).toString())
                .fp64(true)
                .properties(p)
                .build();
    }

    /** The device's compute capability. */
    public static GpuArch arch(CUdevice device) {
        return new GpuArch(attribute(device, CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR).orElse(1),
                attribute(device, CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MINOR).orElse(0));
    }

    /**
     * The launch limits of a device: grid and block extents, threads per block, and dynamic shared memory
     * (the opt-in maximum above the default 48 KiB where the device has one). Attributes the driver does not
     * report take CUDA's documented values for current GPUs.
     */
    public static LaunchLimits limits(CUdevice device) {
        long[] grid = {attribute(device, 5).orElse(Integer.MAX_VALUE), attribute(device, 6).orElse(65535),
                attribute(device, 7).orElse(65535)};
        long[] block = {attribute(device, 2).orElse(1024), attribute(device, 3).orElse(1024),
                attribute(device, 4).orElse(64)};
        long threads = attribute(device, CU_DEVICE_ATTRIBUTE_MAX_THREADS_PER_BLOCK).orElse(1024);
        long shared = attribute(device, CU_DEVICE_ATTRIBUTE_MAX_SHARED_MEMORY_PER_BLOCK).orElse(48 * 1024);
        long optIn = attribute(device, 97).orElse((int) shared);
        return new LaunchLimits(grid, block, threads, Math.max(shared, optIn), shared);
    }

    /** One attribute, empty when the driver does not report it. */
    public static OptionalInt attribute(CUdevice device, int attribute) {
        int[] value = {0};
        return cuDeviceGetAttribute(value, attribute, device) == 0 ? OptionalInt.of(value[0]) : OptionalInt.empty();
    }

    /**
     * Free memory, where the device's primary context exists already (retaining it then creates nothing);
     * empty otherwise: the probe never creates a context on a GPU the user may not open.
     */
    private static OptionalLong freeMemory(CUdevice device) {
        int[] flags = {0};
        int[] active = {0};
        if (cuDevicePrimaryCtxGetState(device, flags, active) != 0 || active[0] == 0) {
            return OptionalLong.empty();
        }
        CUcontext context = new CUcontext();
        if (cuDevicePrimaryCtxRetain(context, device) != 0) {
            return OptionalLong.empty();
        }
        try {
            if (cuCtxPushCurrent(context) != 0) {
                return OptionalLong.empty();
            }
            try {
                long[] free = {0};
                long[] total = {0};
                return cuMemGetInfo(free, total) == 0 ? OptionalLong.of(free[0]) : OptionalLong.empty();
            } finally {
                cuCtxPopCurrent(new CUcontext());
            }
        } finally {
            cuDevicePrimaryCtxRelease(device);
        }
    }

    private static void put(Map<String, Object> properties, String key, OptionalInt value) {
        value.ifPresent(v -> properties.put(key, v));
    }

    private static String cString(byte[] bytes) {
        int end = 0;
        while (end < bytes.length && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, 0, end, StandardCharsets.UTF_8).trim();
    }
}
