package org.jgpuarray.cuda.internal.compiler;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jgpuarray.device.UnsupportedCapabilityException;

/**
 * What to compile for: a cubin for a real architecture ({@code sm_90}) or PTX for a virtual one
 * ({@code compute_90}). Immutable.
 *
 * @param arch the architecture
 * @param kind cubin or PTX
 */
public record CompileTarget(GpuArch arch, BinaryKind kind) {
    public CompileTarget {
        Objects.requireNonNull(arch, "arch");
        Objects.requireNonNull(kind, "kind");
    }

    /** A cubin for {@code arch}. */
    public static CompileTarget cubin(GpuArch arch) {
        return new CompileTarget(arch, BinaryKind.CUBIN);
    }

    /** PTX for {@code arch}. */
    public static CompileTarget ptx(GpuArch arch) {
        return new CompileTarget(arch, BinaryKind.PTX);
    }

    /**
     * The best target for a device: a cubin of the device's own architecture where the compiler
     * supports it, else PTX of the newest architecture the compiler supports that is not newer than
     * the device (the driver's JIT compiles it for the device).
     *
     * @param device    the device's compute capability
     * @param supported the real architectures the compiler supports; empty when it cannot say, and
     *                  then PTX for the device's own architecture is chosen
     * @param compiler  the compiler's description, for the error message
     * @throws UnsupportedCapabilityException when every supported architecture is newer than the device
     */
    public static CompileTarget forDevice(GpuArch device, List<GpuArch> supported, String compiler) {
        if (supported.isEmpty()) {
            return ptx(device);
        }
        if (supported.contains(device)) {
            return cubin(device);
        }
        Optional<GpuArch> older = supported.stream().filter(a -> a.compareTo(device) <= 0).max(GpuArch::compareTo);
        return ptx(older.orElseThrow(() -> new UnsupportedCapabilityException("compiling for " + device.sm(),
                compiler + " supports " + supported.stream().min(GpuArch::compareTo).orElseThrow().sm()
                        + " and newer; install an older CUDA toolkit or NVRTC for this GPU")));
    }

    /** The architecture name the compiler is given: {@code sm_90} for a cubin, {@code compute_90} for PTX. */
    public String archName() {
        return kind == BinaryKind.CUBIN ? arch.sm() : arch.compute();
    }

    /** E.g. {@code sm_90 cubin} or {@code compute_80 PTX}. */
    @Override
    public String toString() {
        return archName() + (kind == BinaryKind.CUBIN ? " cubin" : " PTX");
    }
}
