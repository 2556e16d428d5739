package org.jgpuarray.cuda.internal.compiler;

/**
 * A CUDA version such as 12.4, of a driver, a toolkit or NVRTC. Immutable; ordered.
 *
 * @param major major version
 * @param minor minor version
 */
public record CudaVersion(int major, int minor) implements Comparable<CudaVersion> {
    /** The version unknown (0.0), e.g. the driver's on a machine without one. */
    public static final CudaVersion UNKNOWN = new CudaVersion(0, 0);

    /** The version encoded as {@code cuDriverGetVersion} reports it: 12040 is 12.4. */
    public static CudaVersion fromDriverNumber(int number) {
        return new CudaVersion(number / 1000, (number % 1000) / 10);
    }

    @Override
    public int compareTo(CudaVersion other) {
        return major != other.major ? Integer.compare(major, other.major) : Integer.compare(minor, other.minor);
    }

    /** E.g. {@code 12.4}. */
    @Override
    public String toString() {
        return major + "." + minor;
    }
}
