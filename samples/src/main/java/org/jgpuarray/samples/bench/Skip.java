package org.jgpuarray.samples.bench;

/**
 * A workload and size that did not run, with the reason.
 *
 * @param workload  the workload's name
 * @param sizeLabel the size as it reads
 * @param reason    why it was skipped
 */
public record Skip(String workload, String sizeLabel, String reason) {
}
