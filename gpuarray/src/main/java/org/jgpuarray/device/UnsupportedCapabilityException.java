package org.jgpuarray.device;

/** The device or backend lacks something the call needs (fp64, raw CUDA source on OpenCL, ...). */
public class UnsupportedCapabilityException extends GpuException {
    private static final long serialVersionUID = 1L;
    private final String capability;

    public UnsupportedCapabilityException(String capability, String detail) {
        super(capability + " is not supported: " + detail);
        this.capability = capability;
    }

    /** The missing capability, e.g. {@code fp64}. */
    public String capability() {
        return capability;
    }
}
