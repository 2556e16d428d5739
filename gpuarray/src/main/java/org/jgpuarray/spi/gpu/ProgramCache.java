package org.jgpuarray.spi.gpu;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jgpuarray.device.ProgramCacheStatistics;

/**
 * The programs of one device, built once: in memory by (source, options), and on disk by a key over the
 * cache format, the dialect, the driver's {@linkplain GpuDriver#binaryFingerprint() fingerprint}, the
 * options and the source, so that another context or process loads them instead of compiling. An entry
 * that fails to load, or that lacks a kernel it should have, is deleted and the program rebuilt from
 * source, once. Programs stay until the device closes. Thread-safe.
 */
final class ProgramCache {
    /** Bumped whenever the meaning of a cached entry changes. */
    static final String FORMAT = "jgpuarray-program-v2";
    private static final System.Logger LOG = System.getLogger("org.jgpuarray");

    private record Key(String source, List<String> options) {
    }

    private final GpuDriver driver;
    private final DiskCache disk;
    private final Map<Key, GpuProgram> programs = new HashMap<>();
    private long sourceBuilds;
    private long binaryLoads;
    private long memoryHits;
    private long discarded;

    /**
     * @param driver the device's driver
     * @param disk   the device's disk cache, or null for none
     */
    ProgramCache(GpuDriver driver, DiskCache disk) {
        this.driver = driver;
        this.disk = disk;
    }

    /**
     * The built program of {@code source} with {@code options}; the cache keeps ownership.
     *
     * @param name     the program's name for messages
     * @param required kernels the program must define; a cached binary without one of them is discarded
     * @throws org.jgpuarray.device.KernelCompilationException when the source does not compile
     */
    synchronized GpuProgram get(String name, String source, List<String> options, List<String> required) {
        Key key = new Key(source, List.copyOf(options));
        GpuProgram program = programs.get(key);
        if (program != null) {
            memoryHits++;
            return program;
        }
        program = fromDisk(name, key, required).orElseGet(() -> build(name, key));
        programs.put(key, program);
        return program;
    }

    synchronized ProgramCacheStatistics statistics() {
        return new ProgramCacheStatistics(sourceBuilds, binaryLoads, memoryHits,
                discarded + (disk == null ? 0 : disk.damaged()));
    }

    /** Releases every program (the device is closing). */
    synchronized void releaseAll() {
        for (GpuProgram p : new ArrayList<>(programs.values())) {
            try {
                p.release();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.DEBUG, () -> "while releasing a program: " + e);
            }
        }
        programs.clear();
    }

    private String diskKey(Key key) {
        return DiskCache.key(FORMAT, driver.dialect().name(), driver.binaryFingerprint(),
                String.join("\u0000", key.options()), key.source());
    }

    private Optional<GpuProgram> fromDisk(String name, Key key, List<String> required) {
        if (disk == null) {
            return Optional.empty();
        }
        String diskKey = diskKey(key);
        Optional<byte[]> binary = disk.read(diskKey);
        if (binary.isEmpty()) {
            return Optional.empty();
        }
        Optional<GpuProgram> loaded = driver.load(name, binary.get(), key.options());
        if (loaded.isPresent() && lacksNone(loaded.get(), required)) {
            binaryLoads++;
            return loaded;
        }
        loaded.ifPresent(GpuProgram::release);
        LOG.log(System.Logger.Level.INFO, "the cached binary of '" + name + "' "
                + (loaded.isEmpty() ? "was rejected by the driver" : "lacks a kernel it should have")
                + "; deleting it and rebuilding from source");
        disk.delete(diskKey);
        discarded++;
        return Optional.empty();
    }

    private static boolean lacksNone(GpuProgram program, List<String> required) {
        for (String kernel : required) {
            if (program.kernel(kernel).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    private GpuProgram build(String name, Key key) {
        GpuProgram program = driver.build(name, key.source(), key.options());
        sourceBuilds++;
        if (disk != null) {
            byte[] binary = program.binary();
            if (binary.length > 0) {
                disk.write(diskKey(key), binary);
            }
        }
        return program;
    }
}
