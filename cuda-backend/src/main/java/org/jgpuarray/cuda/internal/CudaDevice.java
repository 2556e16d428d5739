package org.jgpuarray.cuda.internal;

import static jcuda.driver.JCudaDriver.cuCtxSynchronize;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import jcuda.driver.CUstream;
import org.jgpuarray.device.DeviceInfo;
import org.jgpuarray.cuda.internal.compiler.CompileTarget;
import org.jgpuarray.cuda.internal.compiler.CudaBinary;
import org.jgpuarray.cuda.internal.compiler.CudaCompiler;
import org.jgpuarray.kernels.Dialect;
import org.jgpuarray.kernels.ElementwiseSpec;
import org.jgpuarray.kernels.ReductionSpec;
import org.jgpuarray.kernels.ScalarType;
import org.jgpuarray.kernels.ScanSpec;
import org.jgpuarray.kernels.c.CSource;
import org.jgpuarray.kernels.c.CSourceGenerator;
import org.jgpuarray.kernels.c.KernelLayout;
import org.jgpuarray.spi.BackendDevice;
import org.jgpuarray.spi.CompiledElementwise;
import org.jgpuarray.spi.CompiledReduction;
import org.jgpuarray.spi.CompiledScan;
import org.jgpuarray.spi.DeviceBuffer;
import org.jgpuarray.spi.HostArray;
import org.jgpuarray.device.DeviceTimer;
import org.jgpuarray.spi.RawProgram;

/**
 * A CUDA device opened for computing: the device's primary context, memory from {@code cuMemAlloc},
 * kernels compiled by the chosen compiler (through the disk cache) and launched asynchronously in the
 * legacy default stream; copies to the host wait for them. The vendor libraries (cuBLAS, cuFFT,
 * cuRAND) are offered through {@link #library(Class)}, bound to the same stream. Used from one thread at
 * a time, as the core guarantees; each entry point makes the context current on the calling thread.
 */
public final class CudaDevice implements BackendDevice {
    private final DeviceInfo info;
    private final CudaContext context;
    private final CudaCompiler compiler;
    private final CompileTarget target;
    private final ModuleLoader loader;
    private final LaunchGeometry geometry;
    private final DeviceMemory memory;
    private final Scratch scratch;
    private final List<LoadedModule> modules = new ArrayList<>();
    private DeviceLibraries libraries = DeviceLibraries.NONE;
    private boolean closed;

    private CudaDevice(DeviceInfo info, CudaContext context, CudaCompiler compiler, int driverVersion) {
        this.info = info;
        this.context = context;
        this.compiler = compiler;
        this.target = compiler.targetFor(DeviceDescription.arch(context.device()));
        this.loader = new ModuleLoader(context, compiler, driverVersion);
        this.geometry = new LaunchGeometry(info.computeUnits());
        this.memory = new DeviceMemory(this, context);
        this.scratch = new Scratch(memory, context);
    }

    /**
     * Opens device {@code info.index()}: retains its primary context.
     *
     * @param info          the probe's description of the device
     * @param compiler      the compiler (usually caching) that builds its kernels
     * @param driverVersion {@code cuDriverGetVersion}'s number, for messages
     * @param libraries     makes the device's vendor libraries ({@code d -> DeviceLibraries.NONE} for none);
     *                      called once, must not throw
     * @throws org.jgpuarray.device.UnsupportedCapabilityException when the compiler cannot target this device
     * @throws org.jgpuarray.device.DeviceException when the driver refuses the context
     */
    public static CudaDevice open(DeviceInfo info, CudaCompiler compiler, int driverVersion,
                                  Function<CudaDevice, DeviceLibraries> libraries) {
        CudaContext context = CudaContext.retain(info.index());
        try {
            CudaDevice device = new CudaDevice(info, context, compiler, driverVersion);
            device.libraries = libraries.apply(device);
            return device;
        } catch (RuntimeException e) {
            context.release();
            throw e;
        }
    }

    @Override
    public DeviceInfo info() {
        return info;
    }

    @Override
    public Dialect dialect() {
        return Dialect.CUDA;
    }

    /** What kernels are compiled for on this device, e.g. {@code sm_90 cubin}. */
    public CompileTarget target() {
        return target;
    }

    /** The compiler building this device's kernels. */
    public CudaCompiler compiler() {
        return compiler;
    }

    @Override
    public DeviceBuffer allocate(ScalarType type, long count) {
        if (count < 0) {
            throw new IllegalArgumentException("negative element count " + count);
        }
        return memory.allocate(Math.multiplyExact(count, (long) type.byteSize()));
    }

    @Override
    public void copyFromHost(HostArray src, int srcOffset, DeviceBuffer dst, long dstByteOffset, int count) {
        memory.copyFromHost(src, srcOffset, dst, dstByteOffset, count);
    }

    @Override
    public void copyToHost(DeviceBuffer src, long srcByteOffset, HostArray dst, int dstOffset, int count) {
        memory.copyToHost(src, srcByteOffset, dst, dstOffset, count);
    }

    @Override
    public void copyOnDevice(DeviceBuffer src, long srcByteOffset, DeviceBuffer dst, long dstByteOffset, long bytes) {
        memory.copyOnDevice(src, srcByteOffset, dst, dstByteOffset, bytes);
    }

    @Override
    public CompiledElementwise compile(ElementwiseSpec spec) {
        LoadedModule module = build(spec.name(), CSourceGenerator.elementwise(spec, Dialect.CUDA), List.of());
        return new CudaElementwise(this, module.kernel(spec.name()));
    }

    @Override
    public CompiledReduction compile(ReductionSpec spec) {
        LoadedModule module = build(spec.name(), CSourceGenerator.reduction(spec, Dialect.CUDA), List.of());
        return new CudaReduction(this, module.kernel(KernelLayout.reductionStage1(spec.name())),
                module.kernel(KernelLayout.reductionStage2(spec.name())), spec.outputType().byteSize());
    }

    @Override
    public CompiledScan compile(ScanSpec spec) {
        LoadedModule module = build(spec.name(), CSourceGenerator.scan(spec, Dialect.CUDA), List.of());
        return new CudaScan(this, module.kernel(KernelLayout.scanTiles(spec.name())),
                module.kernel(KernelLayout.scanAddOffsets(spec.name())), spec.type().byteSize(), spec.inclusive());
    }

    @Override
    public RawProgram compileProgram(String name, String source, List<String> options) {
        return new CudaRawProgram(this, load(name, source, List.copyOf(options)));
    }

    /**
     * cuBLAS, cuFFT or cuRAND as the core's provider of {@code kind}, where the library loads here; empty
     * otherwise (and after close). Never throws.
     */
    @Override
    public <T> Optional<T> library(Class<T> kind) {
        if (closed) {
            return Optional.empty();
        }
        return libraries.get(kind);
    }

    /**
     * The device address of a live buffer of this device, for library calls.
     *
     * @param role names the buffer in messages, e.g. {@code "gemm operand A"}
     * @throws IllegalArgumentException when the buffer belongs to another device
     * @throws IllegalStateException    when it was released
     */
    public CudaPointer pointer(DeviceBuffer buffer, String role) {
        return memory.own(buffer, role).pointer();
    }

    /**
     * The stream every launch and copy of this device is enqueued in; libraries must use it too, so that
     * their work is ordered with the kernels. Null: the legacy default stream.
     */
    public CUstream stream() {
        return DeviceMemory.STREAM;
    }

    /** The primary context; {@link CudaContext#enter()} it before calling a library. */
    public CudaContext context() {
        return context;
    }

    @Override
    public void synchronize() {
        context.enter();
        context.check("cuCtxSynchronize", cuCtxSynchronize());
    }

    @Override
    public DeviceTimer startTimer() {
        return new EventTimer(context);
    }

    /**
     * Frees the libraries' handles and plans, every module and buffer, and releases the primary context.
     * Idempotent; never throws.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (!context.isBroken()) {
                context.enter();
                cuCtxSynchronize();
            }
        } catch (RuntimeException e) {
            System.getLogger("org.jgpuarray.cuda").log(System.Logger.Level.DEBUG, "while closing " + info + ": " + e);
        }
        libraries.close();
        try {
            modules.forEach(LoadedModule::unload);
            modules.clear();
            scratch.clear();
            memory.freeAll();
        } catch (RuntimeException e) {
            System.getLogger("org.jgpuarray.cuda").log(System.Logger.Level.DEBUG, "while closing " + info + ": " + e);
        } finally {
            context.release();
        }
    }

    DeviceMemory memory() {
        return memory;
    }

    Scratch scratch() {
        return scratch;
    }

    LaunchGeometry geometry() {
        return geometry;
    }

    void unload(LoadedModule module) {
        if (modules.remove(module)) {
            module.unload();
        }
    }

    private LoadedModule build(String name, CSource source, List<String> options) {
        return load(name, source.source(), options);
    }

    private LoadedModule load(String name, String source, List<String> options) {
        if (closed) {
            throw new IllegalStateException("this CUDA device is closed");
        }
        CudaBinary binary = compiler.compile(name, source, options, target);
        LoadedModule module = loader.load(binary, name, source, options);
        modules.add(module);
        return module;
    }
}
