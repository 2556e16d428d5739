package org.jgpuarray.opencl;

/**
 * What the program cache of one {@link OpenClDevice} has done since the device opened.
 *
 * @param sourceBuilds     programs compiled from source by the OpenCL compiler
 * @param binaryLoads      programs loaded from a cached binary on disk
 * @param memoryHits       requests served by a program already built on this device
 * @param discardedEntries disk entries found damaged, or rejected by the driver, deleted and rebuilt
 */
public record ProgramCacheStatistics(long sourceBuilds, long binaryLoads, long memoryHits, long discardedEntries) {
    @Override
    public String toString() {
        return sourceBuilds + " built from source, " + binaryLoads + " loaded from disk, " + memoryHits
                + " in-memory hits, " + discardedEntries + " damaged entries rebuilt";
    }
}
