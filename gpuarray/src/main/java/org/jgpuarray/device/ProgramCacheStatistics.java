package org.jgpuarray.device;

/**
 * What the program cache of a device that compiles GPU programs (CUDA, OpenCL) has done since the device
 * opened: {@code GpuContext.unwrap(ProgramCacheStatistics.class)} gives a snapshot.
 *
 * @param sourceBuilds     programs compiled from source
 * @param binaryLoads      programs loaded from the disk cache
 * @param memoryHits       programs found in memory
 * @param discardedEntries disk entries deleted as damaged, rejected by the driver, or lacking a kernel
 */
public record ProgramCacheStatistics(long sourceBuilds, long binaryLoads, long memoryHits, long discardedEntries) {
    @Override
    public String toString() {
        return sourceBuilds + " built from source, " + binaryLoads + " loaded from disk, " + memoryHits
                + " found in memory, " + discardedEntries + " discarded";
    }
}
