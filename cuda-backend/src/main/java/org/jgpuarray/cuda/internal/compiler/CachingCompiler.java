package org.jgpuarray.cuda.internal.compiler;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A compiler whose results are kept in a {@link BinaryCache}, keyed by source, options, target,
 * the compiler's identity and version, and the driver version. Thread-safe.
 */
public final class CachingCompiler implements CudaCompiler {
    private final CudaCompiler compiler;
    private final BinaryCache cache;
    private final int driverVersion;
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();

    /**
     * @param compiler      the compiler that fills the cache
     * @param cache         the cache
     * @param driverVersion {@code cuDriverGetVersion}'s number, 0 when there is no driver
     */
    public CachingCompiler(CudaCompiler compiler, BinaryCache cache, int driverVersion) {
        this.compiler = compiler;
        this.cache = cache;
        this.driverVersion = driverVersion;
    }

    /** The compiler behind the cache. */
    public CudaCompiler compiler() {
        return compiler;
    }

    /** Compilations answered from the cache. */
    public long hits() {
        return hits.get();
    }

    /** Compilations that ran the compiler. */
    public long misses() {
        return misses.get();
    }

    @Override
    public String id() {
        return compiler.id();
    }

    @Override
    public String description() {
        return compiler.description();
    }

    @Override
    public CudaVersion version() {
        return compiler.version();
    }

    @Override
    public List<GpuArch> supportedArchs() {
        return compiler.supportedArchs();
    }

    @Override
    public CompileTarget targetFor(GpuArch device) {
        return compiler.targetFor(device);
    }

    @Override
    public CudaBinary compile(String name, String source, List<String> options, CompileTarget target) {
        String key = BinaryCache.key(compiler.description() + " " + compiler.version(), target, driverVersion,
                options, source);
        return cache.load(key).map(b -> {
            hits.incrementAndGet();
            return b;
        }).orElseGet(() -> {
            misses.incrementAndGet();
            CudaBinary binary = compiler.compile(name, source, options, target);
            cache.store(key, binary);
            return binary;
        });
    }
}
