package org.jgpuarray.kernels.lib;

/**
 * {@code sin(pi x)} and {@code cos(pi x)} in double, accurate to about an ulp near their zeros too:
 * the argument is reduced exactly to {@code |r| <= 1/4} before multiplying by pi. The host side of the
 * library kernels (twiddle tables, chirps, the Philox reference's Box-Muller) uses them, matching the
 * {@code sinpi}/{@code cospi} of CUDA and OpenCL. Valid for {@code |x|} up to 2^52.
 */
public final class PiTrig {
    private PiTrig() {
    }

    /** {@code sin(pi x)}. */
    public static double sinpi(double x) {
        double n = Math.rint(2 * x);
        double r = Math.PI * (x - 0.5 * n);
        return switch ((int) ((long) n & 3)) {
            case 0 -> Math.sin(r);
            case 1 -> Math.cos(r);
            case 2 -> -Math.sin(r);
            default -> -Math.cos(r);
        };
    }

    /** {@code cos(pi x)}. */
    public static double cospi(double x) {
        double n = Math.rint(2 * x);
        double r = Math.PI * (x - 0.5 * n);
        return switch ((int) ((long) n & 3)) {
            case 0 -> Math.cos(r);
            case 1 -> -Math.sin(r);
            case 2 -> -Math.cos(r);
            default -> Math.sin(r);
        };
    }
}
