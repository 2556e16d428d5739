package org.jgpuarray.opencl.internal;

import static org.jocl.CL.clReleaseProgram;
import static org.jocl.CL.clRetainProgram;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jgpuarray.device.DeviceException;
import org.jgpuarray.opencl.ProgramCacheSettings;
import org.jgpuarray.opencl.ProgramCacheStatistics;
import org.jocl.cl_context;
import org.jocl.cl_program;

/**
 * The programs of one device, built once: in memory by (source, options), and on disk as program
 * binaries keyed by {@link CacheKey}, so that another context or another process loads them instead of
 * compiling. A binary the driver rejects is deleted and the program rebuilt from source.
 */
public final class ProgramCache {
    private static final System.Logger LOG = System.getLogger("org.jgpuarray.opencl");

    private record Key(String source, List<String> options) {
    }

    private final cl_context context;
    private final ClDeviceHandle device;
    private final DiskCache disk;
    private final Map<Key, cl_program> programs = new HashMap<>();
    private long sourceBuilds;
    private long binaryLoads;
    private long memoryHits;
    private long discarded;

    ProgramCache(cl_context context, ClDeviceHandle device, ProgramCacheSettings settings) {
        this.context = context;
        this.device = device;
        this.disk = settings.enabled() ? new DiskCache(settings.directory()) : null;
    }

    /**
     * The built program of {@code source} with {@code options}; the cache keeps ownership.
     *
     * @param name the program's name for messages
     * @throws org.jgpuarray.device.KernelCompilationException when the source does not compile
     */
    public cl_program get(String name, String source, List<String> options) {
        Key key = new Key(source, List.copyOf(options));
        cl_program program = programs.get(key);
        if (program != null) {
            memoryHits++;
            return program;
        }
        program = load(name, source, key.options());
        programs.put(key, program);
        return program;
    }

    /** The program with one more reference, which the caller releases with {@code clReleaseProgram}. */
    public cl_program retain(String name, String source, List<String> options) {
        cl_program program = get(name, source, options);
        Cl.check("clRetainProgram", clRetainProgram(program), name);
        return program;
    }

    /** Counters since the device opened. */
    public ProgramCacheStatistics statistics() {
        return new ProgramCacheStatistics(sourceBuilds, binaryLoads, memoryHits, discarded);
    }

    /** Releases every program (the device is closing). */
    void releaseAll() {
        programs.values().forEach(p -> clReleaseProgram(p));
        programs.clear();
    }

    /** Writes the program's binary to disk; a driver that cannot hand it out just leaves the cache cold. */
    private void store(String name, String hash, cl_program program) {
        try {
            byte[] binary = ClPrograms.binary(program);
            if (binary.length > 0) {
                disk.write(hash, binary);
            }
        } catch (DeviceException e) {
            LOG.log(System.Logger.Level.DEBUG, () -> "no binary of '" + name + "' to cache: " + e.getMessage());
        }
    }

    private cl_program load(String name, String source, List<String> options) {
        String hash = disk == null ? null : CacheKey.of(device.fingerprint(), options, source);
        if (disk != null) {
            Optional<byte[]> binary = disk.read(hash);
            discarded += disk.takeDiscarded();
            if (binary.isPresent()) {
                Optional<cl_program> loaded = ClPrograms.fromBinary(context, device, name, binary.get(), options);
                if (loaded.isPresent()) {
                    binaryLoads++;
                    return loaded.get();
                }
                LOG.log(System.Logger.Level.INFO, "the driver rejected the cached binary of '" + name
                        + "'; rebuilding it from source");
                disk.delete(hash);
                discarded++;
            }
        }
        cl_program program = ClPrograms.fromSource(context, device, name, source, options);
        sourceBuilds++;
        if (disk != null) {
            store(name, hash, program);
        }
        return program;
    }
}
