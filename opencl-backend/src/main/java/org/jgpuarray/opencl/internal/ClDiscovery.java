package org.jgpuarray.opencl.internal;

import static org.jocl.CL.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jgpuarray.device.DeviceException;
import org.jgpuarray.device.DeviceInfo;
import org.jgpuarray.device.DeviceType;
import org.jocl.CL;
import org.jocl.cl_device_id;
import org.jocl.cl_platform_id;

/**
 * Enumerates the OpenCL platforms and devices of this machine, GPUs first, then accelerators, then CPUs
 * (platform order within each kind), and describes each with the fields of PyOpenCL's device probe.
 */
public final class ClDiscovery {
    private static final System.Logger LOG = System.getLogger("org.jgpuarray.opencl");

    /** The name devices report under. */
    public static final String BACKEND = "opencl";

    private ClDiscovery() {
    }

    /**
     * Loads JOCL and lists every device.
     *
     * @return the devices in preference order; empty when the ICD loader finds no platform. A platform whose
     *         queries fail (a broken driver) is logged and skipped, so it cannot hide the others
     * @throws LinkageError when JOCL's native library or {@code libOpenCL} cannot be loaded
     * @throws org.jgpuarray.device.DeviceException when a query fails
     */
    public static List<ClDeviceHandle> devices() {
        CL.setExceptionsEnabled(false);
        int[] count = new int[1];
        int code = clGetPlatformIDs(0, null, count);
        if (code == CL_PLATFORM_NOT_FOUND_KHR || (code == CL_SUCCESS && count[0] == 0)) {
            return List.of();
        }
        Cl.check("clGetPlatformIDs", code);
        cl_platform_id[] platforms = new cl_platform_id[count[0]];
        Cl.check("clGetPlatformIDs", clGetPlatformIDs(platforms.length, platforms, null));
        List<ClDeviceHandle> found = new ArrayList<>();
        for (cl_platform_id platform : platforms) {
            try {
                for (cl_device_id device : devicesOf(platform)) {
                    found.add(describe(platform, device, 0));
                }
            } catch (DeviceException e) {
                LOG.log(System.Logger.Level.WARNING, "skipping an OpenCL platform that failed a query: " + e.getMessage());
            }
        }
        return inPreferenceOrder(found);
    }

    /**
     * Devices in preference order, indexed from 0: GPUs, then accelerators, then CPUs, then the rest, each
     * kind in discovery (platform) order.
     *
     * @param found the devices as discovered; not modified
     * @return the ordered devices, each with its index
     */
    static List<ClDeviceHandle> inPreferenceOrder(List<ClDeviceHandle> found) {
        List<ClDeviceHandle> ordered = new ArrayList<>(found);
        ordered.sort(Comparator.comparingInt(h -> typeRank(h.info().type())));
        List<ClDeviceHandle> indexed = new ArrayList<>();
        for (int k = 0; k < ordered.size(); k++) {
            indexed.add(withIndex(ordered.get(k), k));
        }
        return List.copyOf(indexed);
    }

    private static List<cl_device_id> devicesOf(cl_platform_id platform) {
        int[] count = new int[1];
        int code = clGetDeviceIDs(platform, CL_DEVICE_TYPE_ALL, 0, null, count);
        if (code == CL_DEVICE_NOT_FOUND || count[0] == 0) {
            return List.of();
        }
        Cl.check("clGetDeviceIDs", code);
        cl_device_id[] devices = new cl_device_id[count[0]];
        Cl.check("clGetDeviceIDs", clGetDeviceIDs(platform, CL_DEVICE_TYPE_ALL, devices.length, devices, null));
        return List.of(devices);
    }

    static int typeRank(DeviceType type) {
        return switch (type) {
            case GPU -> 0;
            case ACCELERATOR -> 1;
            case CPU -> 2;
        };
    }

    /** GPU, CPU or accelerator; custom and default devices count as accelerators. */
    static DeviceType deviceType(String typeName) {
        return switch (typeName) {
            case "GPU" -> DeviceType.GPU;
            case "CPU" -> DeviceType.CPU;
            default -> DeviceType.ACCELERATOR;
        };
    }

    static String typeName(long type) {
        if ((type & CL_DEVICE_TYPE_GPU) != 0) {
            return "GPU";
        }
        if ((type & CL_DEVICE_TYPE_ACCELERATOR) != 0) {
            return "ACCELERATOR";
        }
        if ((type & CL_DEVICE_TYPE_CPU) != 0) {
            return "CPU";
        }
        return (type & CL_DEVICE_TYPE_CUSTOM) != 0 ? "CUSTOM" : "DEFAULT";
    }

    private static ClDeviceHandle describe(cl_platform_id platform, cl_device_id device, int index) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("platformName", ClInfo.platformString(platform, CL_PLATFORM_NAME));
        p.put("platformVendor", ClInfo.platformString(platform, CL_PLATFORM_VENDOR));
        p.put("platformVersion", ClInfo.platformString(platform, CL_PLATFORM_VERSION));
        p.put("platformProfile", ClInfo.platformString(platform, CL_PLATFORM_PROFILE));
        String name = ClInfo.deviceString(device, CL_DEVICE_NAME);
        String type = typeName(ClInfo.deviceUlong(device, CL_DEVICE_TYPE, 0));
        p.put("deviceType", type);
        p.put("deviceVersion", ClInfo.deviceString(device, CL_DEVICE_VERSION));
        p.put("driverVersion", ClInfo.deviceString(device, CL_DRIVER_VERSION));
        p.put("openclCVersion", ClInfo.deviceString(device, CL_DEVICE_OPENCL_C_VERSION));
        p.put("deviceProfile", ClInfo.deviceString(device, CL_DEVICE_PROFILE));
        putLimits(device, p);
        String extensions = ClInfo.deviceString(device, CL_DEVICE_EXTENSIONS);
        boolean fp64 = hasFp64(extensions, ClInfo.deviceUlong(device, CL_DEVICE_DOUBLE_FP_CONFIG, 0));
        p.put("fp64", fp64);
        boolean compiler = ClInfo.deviceUint(device, CL_DEVICE_COMPILER_AVAILABLE) != 0;
        p.put("compilerAvailable", compiler);
        p.put("available", ClInfo.deviceUint(device, CL_DEVICE_AVAILABLE) != 0);
        p.put("extensions", extensions);
        DeviceInfo info = DeviceInfo.builder(BACKEND, name, deviceType(type)).index(index)
                .vendor(ClInfo.deviceString(device, CL_DEVICE_VENDOR))
                .computeUnits((Integer) p.get("maxComputeUnits"))
                .globalMemoryBytes((Long) p.get("globalMemoryBytes"))
                .maxAllocationBytes((Long) p.get("maxAllocationBytes"))
                .localMemoryBytes((Long) p.get("localMemoryBytes"))
                .maxWorkGroupSize((int) Math.min(Integer.MAX_VALUE, (Long) p.get("maxWorkGroupSize")))
                .clockMhz((Integer) p.get("maxClockMHz"))
                .driverVersion((String) p.get("driverVersion"))
                .fp64(fp64)
                .properties(p)
                .build();
        String fingerprint = String.join("\n", (String) p.get("platformName"), (String) p.get("platformVersion"),
                name, (String) p.get("deviceVersion"), (String) p.get("driverVersion"));
        return new ClDeviceHandle(platform, device, info, compiler, fingerprint, workItemSizes(device));
    }

    /** Compute units, clock, memory sizes and work-group limits, as PyOpenCL's probe lists them. */
    private static void putLimits(cl_device_id device, Map<String, Object> p) {
        p.put("maxComputeUnits", ClInfo.deviceUint(device, CL_DEVICE_MAX_COMPUTE_UNITS));
        p.put("maxClockMHz", ClInfo.deviceUint(device, CL_DEVICE_MAX_CLOCK_FREQUENCY));
        long global = ClInfo.deviceUlong(device, CL_DEVICE_GLOBAL_MEM_SIZE, 0);
        p.put("globalMemoryBytes", global);
        p.put("localMemoryBytes", ClInfo.deviceUlong(device, CL_DEVICE_LOCAL_MEM_SIZE, 0));
        p.put("constantMemoryBytes", ClInfo.deviceUlong(device, CL_DEVICE_MAX_CONSTANT_BUFFER_SIZE, 0));
        p.put("maxAllocationBytes", ClInfo.deviceUlong(device, CL_DEVICE_MAX_MEM_ALLOC_SIZE, global));
        p.put("maxWorkGroupSize", ClInfo.deviceSize(device, CL_DEVICE_MAX_WORK_GROUP_SIZE));
        p.put("maxWorkItemSizes", Arrays.toString(workItemSizes(device)));
        p.put("addressBits", ClInfo.deviceUint(device, CL_DEVICE_ADDRESS_BITS));
    }

    /** {@code CL_DEVICE_MAX_WORK_ITEM_SIZES}, padded with 1 to three dimensions. */
    private static long[] workItemSizes(cl_device_id device) {
        long[] reported = ClInfo.deviceSizes(device, CL_DEVICE_MAX_WORK_ITEM_SIZES);
        long[] sizes = {1, 1, 1};
        System.arraycopy(reported, 0, sizes, 0, Math.min(3, reported.length));
        return sizes;
    }

    /** fp64 as OpenCL reports it: the {@code cl_khr_fp64} (or AMD's) extension, or a double FP config. */
    static boolean hasFp64(String extensions, long doubleFpConfig) {
        List<String> names = List.of(extensions.trim().split("\\s+"));
        return names.contains("cl_khr_fp64") || names.contains("cl_amd_fp64") || doubleFpConfig != 0;
    }

    private static ClDeviceHandle withIndex(ClDeviceHandle h, int index) {
        return h.with(h.info().withIndex(index));
    }
}
