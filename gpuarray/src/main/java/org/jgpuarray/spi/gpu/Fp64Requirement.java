package org.jgpuarray.spi.gpu;

import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jgpuarray.device.UnsupportedCapabilityException;
import org.jgpuarray.kernels.Argument;
import org.jgpuarray.kernels.ArgumentList;
import org.jgpuarray.kernels.ElementwiseSpec;
import org.jgpuarray.kernels.ReductionSpec;
import org.jgpuarray.kernels.ScalarType;
import org.jgpuarray.kernels.ScanSpec;

/**
 * Whether a kernel spec needs float64: a FLOAT64 argument, accumulator or element type, or the word
 * {@code double} in any of its snippets. Checked before building, so a device without fp64 refuses the
 * kernel with an {@link UnsupportedCapabilityException} instead of a build error from deep inside.
 */
final class Fp64Requirement {
    private static final Pattern DOUBLE = Pattern.compile("\\bdouble\\b");

    private Fp64Requirement() {
    }

    static boolean needs(ElementwiseSpec spec) {
        return uses(spec.arguments()) || mentions(spec.operation(), spec.preamble(), spec.loopPrep(), spec.afterLoop());
    }

    static boolean needs(ReductionSpec spec) {
        return spec.outputType() == ScalarType.FLOAT64 || uses(spec.arguments())
                || mentions(spec.neutral(), spec.reduceExpression(), spec.mapExpression(), spec.preamble());
    }

    static boolean needs(ScanSpec spec) {
        return spec.type() == ScalarType.FLOAT64 || mentions(spec.scanExpression(), spec.neutral(), spec.preamble());
    }

    /**
     * Refuses a kernel that needs float64 on a device without it.
     *
     * @throws UnsupportedCapabilityException naming the capability, the kernel and the device
     */
    static void check(boolean needsFp64, boolean deviceFp64, String kernel, String device) {
        if (needsFp64 && !deviceFp64) {
            throw new UnsupportedCapabilityException("fp64", "kernel '" + kernel + "' uses float64 (double), but"
                    + " device '" + device + "' reports no double precision (OpenCL: no cl_khr_fp64)");
        }
    }

    private static boolean uses(ArgumentList arguments) {
        return arguments.arguments().stream().map(Argument::type).anyMatch(t -> t == ScalarType.FLOAT64);
    }

    private static boolean mentions(String... snippets) {
        return Stream.of(snippets).anyMatch(s -> s != null && DOUBLE.matcher(s).find());
    }
}
