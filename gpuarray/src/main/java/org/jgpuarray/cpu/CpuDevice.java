package org.jgpuarray.cpu;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jgpuarray.device.DeviceException;
import org.jgpuarray.device.DeviceInfo;
import org.jgpuarray.device.OutOfDeviceMemoryException;
import org.jgpuarray.device.UnsupportedCapabilityException;
import org.jgpuarray.cpu.lib.CpuLibraries;
import org.jgpuarray.cpu.lib.CpuWorkers;
import org.jgpuarray.kernels.Dialect;
import org.jgpuarray.kernels.ElementwiseSpec;
import org.jgpuarray.kernels.ReductionSpec;
import org.jgpuarray.kernels.ScalarType;
import org.jgpuarray.kernels.ScanSpec;
import org.jgpuarray.kernels.java.JavaElementwiseKernel;
import org.jgpuarray.kernels.java.JavaReductionKernel;
import org.jgpuarray.kernels.java.JavaScanKernel;
import org.jgpuarray.kernels.java.JavaSegmentedReductionKernel;
import org.jgpuarray.kernels.java.JavaSourceGenerator;
import org.jgpuarray.spi.BackendDevice;
import org.jgpuarray.spi.CompiledElementwise;
import org.jgpuarray.spi.CompiledReduction;
import org.jgpuarray.spi.CompiledScan;
import org.jgpuarray.spi.DeviceBuffer;
import org.jgpuarray.spi.HostArray;
import org.jgpuarray.spi.RawProgram;

/**
 * The CPU backend's device: Java arrays for memory, Janino-compiled kernels run on all cores. Elementwise
 * kernels and reductions split by the bytes they touch ({@link ParallelRanges#split(long, long)}): small calls
 * run straight on the calling thread, large ones in chunks that the caller and the helper threads share.
 */
final class CpuDevice implements BackendDevice {
    private static final long MAX_COMPONENTS = Integer.MAX_VALUE - 8;

    private final DeviceInfo info;

    CpuDevice(DeviceInfo info) {
        this.info = info;
    }

    @Override
    public DeviceInfo info() {
        return info;
    }

    @Override
    public Dialect dialect() {
        return Dialect.JAVA;
    }

    @Override
    public DeviceBuffer allocate(ScalarType type, long count) {
        long components = type.isComplex() ? 2 * count : count;
        if (components > MAX_COMPONENTS) {
            throw new UnsupportedCapabilityException("arrays of more than " + MAX_COMPONENTS + " values",
                    "the CPU backend stores each array in one Java array; asked for " + count + " " + type.numpyName());
        }
        try {
            return new CpuBuffer(HostArray.allocate(type, (int) count).array(), type);
        } catch (OutOfMemoryError e) {
            throw new OutOfDeviceMemoryException("new " + type.nameIn(Dialect.JAVA) + "[]", -1, "OutOfMemoryError",
                    count * type.byteSize());
        }
    }

    @Override
    public void copyFromHost(HostArray src, int srcOffset, DeviceBuffer dst, long dstByteOffset, int count) {
        CpuBuffer d = (CpuBuffer) dst;
        src.copyTo(srcOffset, d.array(), d.index(dstByteOffset), count);
    }

    @Override
    public void copyToHost(DeviceBuffer src, long srcByteOffset, HostArray dst, int dstOffset, int count) {
        CpuBuffer s = (CpuBuffer) src;
        dst.copyFrom(s.array(), s.index(srcByteOffset), dstOffset, count);
    }

    @Override
    public void copyOnDevice(DeviceBuffer src, long srcByteOffset, DeviceBuffer dst, long dstByteOffset, long bytes) {
        CpuBuffer s = (CpuBuffer) src;
        CpuBuffer d = (CpuBuffer) dst;
        System.arraycopy(s.array(), s.index(srcByteOffset), d.array(), d.index(dstByteOffset), s.components(bytes));
    }

    /** Between two CPU devices (contexts) the buffers are Java arrays of one heap: one array copy. */
    @Override
    public boolean copyToPeer(DeviceBuffer src, long srcByteOffset, BackendDevice target, DeviceBuffer dst,
                              long dstByteOffset, long bytes) {
        if (!(target instanceof CpuDevice)) {
            return false;
        }
        copyOnDevice(src, srcByteOffset, dst, dstByteOffset, bytes);
        return true;
    }

    @Override
    public CompiledElementwise compile(ElementwiseSpec spec) {
        JavaElementwiseKernel kernel = JavaKernelCompiler.compile(spec.name(),
                () -> JavaSourceGenerator.elementwise(spec), () -> JavaSourceGenerator.elementwiseCompact(spec),
                JavaElementwiseKernel.class);
        long bytesPerElement = ParallelRanges.bytesPerElement(spec.arguments());
        String name = spec.name();
        return (n, args) -> {
            Object[] arrays = unwrap(args);
            if (ParallelRanges.oneChunk(n, bytesPerElement)) {
                run(name, () -> {
                    kernel.run(arrays, n, 0, n);
                    return null;
                });
                return;
            }
            long[] bounds = ParallelRanges.split(n, bytesPerElement);
            run(name, () -> {
                CpuWorkers.run(bounds.length - 1, k -> kernel.run(arrays, n, bounds[k], bounds[k + 1]));
                return null;
            });
        };
    }

    @Override
    public CompiledReduction compile(ReductionSpec spec) {
        if (spec.segmented()) {
            return new CpuSegmentedReduction(spec.name(), JavaKernelCompiler.compile(spec.name(),
                    () -> JavaSourceGenerator.reduction(spec), JavaSegmentedReductionKernel.class),
                    ParallelRanges.bytesPerElement(spec.arguments()));
        }
        JavaReductionKernel kernel = JavaKernelCompiler.compile(spec.name(),
                () -> JavaSourceGenerator.reduction(spec), JavaReductionKernel.class);
        long bytesPerElement = ParallelRanges.bytesPerElement(spec.arguments());
        String name = spec.name();
        return (n, args, result) -> {
            Object[] arrays = unwrap(args);
            run(name, () -> {
                Object total = ParallelRanges.oneChunk(n, bytesPerElement)
                        ? ParallelRanges.reduceHere(kernel, arrays, n)
                        : ParallelRanges.reduce(CpuWorkers.pool(), ParallelRanges.split(n, bytesPerElement), kernel,
                                arrays, n);
                ((CpuBuffer) result).setFirst(total);
                return total;
            });
        };
    }

    @Override
    public CompiledScan compile(ScanSpec spec) {
        return new CpuScan(spec.name(), JavaKernelCompiler.compile(spec.name(), () -> JavaSourceGenerator.scan(spec),
                JavaScanKernel.class));
    }

    /** The CPU runs generated kernels only. */
    @Override
    public RawProgram compileProgram(String name, String source, List<String> options) {
        throw new UnsupportedCapabilityException("raw CUDA or OpenCL source ('" + name + "')",
                "the cpu backend runs generated kernels (ElementwiseKernel, ReductionKernel, scans) only");
    }

    /** Java BLAS, Philox and JTransforms FFTs on the buffers' arrays; see {@link CpuLibraries}. */
    @Override
    public <T> Optional<T> library(Class<T> kind) {
        return CpuLibraries.find(kind, b -> ((CpuBuffer) b).array());
    }

    @Override
    public void synchronize() {
        // kernels run synchronously
    }

    @Override
    public void close() {
        // memory is Java arrays, freed by the garbage collector
    }

    /** The launch values with each buffer replaced by its Java array. */
    static Object[] unwrap(Object[] args) {
        Object[] values = args.clone();
        for (int k = 0; k < values.length; k++) {
            if (values[k] instanceof CpuBuffer b) {
                values[k] = b.array();
            }
        }
        return values;
    }

    /** Runs a kernel's body, turning the exceptions a faulty kernel can raise into a {@link DeviceException}. */
    static void run(String kernel, Supplier<?> body) {
        try {
            body.get();
        } catch (ArithmeticException | IndexOutOfBoundsException | ClassCastException | NegativeArraySizeException e) {
            throw new DeviceException("CPU kernel '" + kernel + "'", -1, e.getClass().getSimpleName(), e.getMessage(), e);
        } catch (StackOverflowError e) {
            // a recursive helper of the snippet ran too deep; the stack is unwound by now, so the JVM is fine
            throw new DeviceException("CPU kernel '" + kernel + "'", -1, "StackOverflowError", "recursion too deep:"
                    + " a recursive helper function exhausted the Java thread's stack; bound its depth or make it a loop",
                    null);
        }
    }
}
