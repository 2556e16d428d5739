package org.jgpuarray.device;

import java.util.Objects;

/**
 * Work on a device group failed on one of its devices: the message names the member and its device, the
 * cause is what that device's work threw. When several members failed, this names the first (lowest
 * member) and the others' exceptions are {@linkplain #getSuppressed() suppressed} into it.
 */
public class DeviceGroupException extends GpuException {
    private static final long serialVersionUID = 1L;

    private final int member;
    private final transient DeviceInfo device;

    /**
     * @param member the failed member's position in its group, from 0
     * @param device the member's device
     * @param cause  what the member's work threw
     */
    public DeviceGroupException(int member, DeviceInfo device, Throwable cause) {
        super("device group member " + member + " (" + Objects.requireNonNull(device, "device") + ") failed: "
                + Objects.requireNonNull(cause, "cause"), cause);
        this.member = member;
        this.device = device;
    }

    /** The failed member's position in its group, from 0. */
    public int member() {
        return member;
    }

    /** The failed member's device; null after deserialization. */
    public DeviceInfo device() {
        return device;
    }
}
