package org.jgpuarray.kernels.lib;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jgpuarray.kernels.Dialect;
import org.jgpuarray.kernels.ScalarType;
import org.jgpuarray.kernels.c.CSource;

/**
 * Portable FFT kernels in CUDA C++ and OpenCL C: mixed-radix Stockham passes (radices of
 * {@link FftRadices#SUPPORTED}), Bluestein's chirp multiplications, and the real-data helpers. Complex
 * data are interleaved pairs ({@code float2}/{@code double2}).
 *
 * <p><b>Signals.</b> Kernels that transform along one axis address signal {@code sig} element
 * {@code e} at {@code (sig / inner) * outer + sig % inner + e * stride}: rows of a C-order array have
 * {@code inner = 1, outer = length, stride = 1}; columns of {@code n0 x n1} matrices have
 * {@code inner = n1, outer = n0 * n1, stride = n1}.
 *
 * <p><b>Pass</b> {@code jga_fft_r<R>_<fwd|inv>_<type>(in, out, twiddles, len, ns, nsig, inner, outer,
 * stride, scale)}: one Stockham autosort pass of radix R over {@code nsig} signals of length
 * {@code len}, where {@code ns} is the product of the radices of the earlier passes; thread j of a
 * signal reads elements {@code j + r len/R}, multiplies them by {@code twiddles[r (j mod ns) len/(ns R)]}
 * (conjugated for the inverse), applies the radix-R DFT and writes elements
 * {@code (j / ns) ns R + j mod ns + r ns}, times {@code scale}. {@code twiddles[t] = exp(-2 pi i t / len)}.
 *
 * <p><b>Bluestein</b> for length n with convolution length m: {@code jga_bluestein_pre_<dir>} (in,
 * scratch, chirp, n, m, nsig, inner, outer, stride) writes {@code x_j chirp_j} padded with zeros to m
 * per signal; {@code jga_pointwise} (data, filter, m, total) multiplies by the filter's spectrum;
 * {@code jga_bluestein_post_<dir>} (scratch, out, chirp, n, m, nsig, inner, outer, stride, scale)
 * writes {@code scratch_k chirp_k scale}. {@code chirp_j = exp(-pi i j^2 / n)}, conjugated for the inverse.
 *
 * <p><b>Real data</b>: {@code jga_real_to_complex(x, z, count)}, {@code jga_take_half(full, half, n, h,
 * rows)}, {@code jga_hermitian(half, full, n0, n1, h, batch)} (the full spectrum of a half spectrum,
 * n0 = 1 for 1-D), {@code jga_real_part(z, x, count)}; and {@code jga_scale_copy(in, out, count, scale)}.
 *
 * <p>Integer arguments have the program's index type: {@code int} for programs made with
 * {@code wideIndex = false} (every index below 2^31, faster), else {@code long}. Launch 1-D, any grid
 * and block (grid-stride loops).
 */
public final class FftKernels {
    private static final String PASS = """
            JGA_KERNEL void ${NAME}(JGA_GLOBAL const ${C} *in, JGA_GLOBAL ${C} *out, JGA_GLOBAL const ${C} *tw,
                    const ${I} len, const ${I} ns, const ${I} nsig, const ${I} inner, const ${I} outer,
                    const ${I} stride, const ${T} scale)
            {
                const ${I} per = len / ${R};
                const ${I} total = per * nsig;
                const ${I} twStep = len / (ns * ${R});
                for (${I} g = (${I}) JGA_GID0; g < total; g += (${I}) JGA_GSIZE0) {
                    ${I} sig;
                    ${I} j;
                    if (stride == 1) {
                        sig = g / per;
                        j = g - sig * per;
                    } else {
                        j = g / nsig;
                        sig = g - j * nsig;
                    }
                    const ${I} base = (sig / inner) * outer + (sig % inner);
                    const ${I} kq = j % ns;
            ${LOADS}
                    if (ns > 1) {
            ${TWIDDLES}
                    }
            ${CODELET}
                    const ${I} d = (j / ns) * ns * ${R} + kq;
            ${STORES}
                }
            }
            """;

    private static final String HELPERS = """
            JGA_KERNEL void jga_bluestein_pre_${DIR}_${N}(JGA_GLOBAL const ${C} *in, JGA_GLOBAL ${C} *scratch,
                    JGA_GLOBAL const ${C} *chirp, const ${I} n, const ${I} m, const ${I} nsig, const ${I} inner,
                    const ${I} outer, const ${I} stride)
            {
                for (${I} g = (${I}) JGA_GID0; g < nsig * m; g += (${I}) JGA_GSIZE0) {
                    const ${I} sig = g / m;
                    const ${I} j = g - sig * m;
                    ${C} v = ${MAKE}((${T}) 0, (${T}) 0);
                    if (j < n) {
                        const ${C} x = in[(sig / inner) * outer + (sig % inner) + j * stride];
                        const ${C} c = chirp[j];
                        v = ${MAKE}(x.x * c.x ${SIGN_MINUS} x.y * c.y, x.y * c.x ${SIGN_PLUS} x.x * c.y);
                    }
                    scratch[g] = v;
                }
            }

            JGA_KERNEL void jga_bluestein_post_${DIR}_${N}(JGA_GLOBAL const ${C} *scratch, JGA_GLOBAL ${C} *out,
                    JGA_GLOBAL const ${C} *chirp, const ${I} n, const ${I} m, const ${I} nsig, const ${I} inner,
                    const ${I} outer, const ${I} stride, const ${T} scale)
            {
                for (${I} g = (${I}) JGA_GID0; g < nsig * n; g += (${I}) JGA_GSIZE0) {
                    ${I} sig;
                    ${I} k;
                    if (stride == 1) {
                        sig = g / n;
                        k = g - sig * n;
                    } else {
                        k = g / nsig;
                        sig = g - k * nsig;
                    }
                    const ${C} x = scratch[sig * m + k];
                    const ${C} c = chirp[k];
                    out[(sig / inner) * outer + (sig % inner) + k * stride] =
                            ${MAKE}((x.x * c.x ${SIGN_MINUS} x.y * c.y) * scale, (x.y * c.x ${SIGN_PLUS} x.x * c.y) * scale);
                }
            }
            """;

    private static final String COMMON = """
            JGA_KERNEL void jga_pointwise_${N}(JGA_GLOBAL ${C} *data, JGA_GLOBAL const ${C} *filter, const ${I} m,
                    const ${I} total)
            {
                for (${I} g = (${I}) JGA_GID0; g < total; g += (${I}) JGA_GSIZE0) {
                    const ${C} x = data[g];
                    const ${C} f = filter[g % m];
                    data[g] = ${MAKE}(x.x * f.x - x.y * f.y, x.x * f.y + x.y * f.x);
                }
            }

            JGA_KERNEL void jga_real_to_complex_${N}(JGA_GLOBAL const ${T} *x, JGA_GLOBAL ${C} *z, const ${I} count)
            {
                for (${I} g = (${I}) JGA_GID0; g < count; g += (${I}) JGA_GSIZE0) {
                    z[g] = ${MAKE}(x[g], (${T}) 0);
                }
            }

            JGA_KERNEL void jga_take_half_${N}(JGA_GLOBAL const ${C} *full, JGA_GLOBAL ${C} *spectrum, const ${I} n,
                    const ${I} h, const ${I} rows)
            {
                for (${I} g = (${I}) JGA_GID0; g < rows * h; g += (${I}) JGA_GSIZE0) {
                    const ${I} r = g / h;
                    spectrum[g] = full[r * n + (g - r * h)];
                }
            }

            JGA_KERNEL void jga_hermitian_${N}(JGA_GLOBAL const ${C} *spectrum, JGA_GLOBAL ${C} *full, const ${I} n0,
                    const ${I} n1, const ${I} h, const ${I} batch)
            {
                for (${I} g = (${I}) JGA_GID0; g < batch * n0 * n1; g += (${I}) JGA_GSIZE0) {
                    const ${I} c = g % n1;
                    const ${I} t = g / n1;
                    const ${I} a = t % n0;
                    const ${I} b = t / n0;
                    if (c < h) {
                        full[g] = spectrum[(b * n0 + a) * h + c];
                    } else {
                        const ${C} v = spectrum[(b * n0 + (n0 - a) % n0) * h + (n1 - c)];
                        full[g] = ${MAKE}(v.x, -v.y);
                    }
                }
            }

            JGA_KERNEL void jga_scale_copy_${N}(JGA_GLOBAL const ${C} *in, JGA_GLOBAL ${C} *out, const ${I} count,
                    const ${T} scale)
            {
                for (${I} g = (${I}) JGA_GID0; g < count; g += (${I}) JGA_GSIZE0) {
                    out[g] = ${MAKE}(in[g].x * scale, in[g].y * scale);
                }
            }

            JGA_KERNEL void jga_real_part_${N}(JGA_GLOBAL const ${C} *z, JGA_GLOBAL ${T} *x, const ${I} count)
            {
                for (${I} g = (${I}) JGA_GID0; g < count; g += (${I}) JGA_GSIZE0) {
                    x[g] = z[g].x;
                }
            }
            """;

    private FftKernels() {
    }

    /**
     * The FFT program of one precision: pass kernels of every supported radix in both directions,
     * Bluestein and real-data kernels.
     *
     * @param dialect   CUDA or OPENCL
     * @param type      FLOAT32 (complex64 data) or FLOAT64 (complex128)
     * @param wideIndex 64-bit ({@code long}) integer arguments and indices instead of {@code int}
     */
    public static CSource program(Dialect dialect, ScalarType type, boolean wideIndex) {
        Map<String, String> common = Map.of("N", type.numpyName(), "T", LibPrelude.real(type),
                "C", LibPrelude.complex(type), "I", wideIndex ? "jga_long" : "int",
                "MAKE", LibPrelude.makeComplex(type));
        StringBuilder src = new StringBuilder(LibPrelude.of(dialect, type == ScalarType.FLOAT64));
        List<String> names = new ArrayList<>();
        for (int radix : FftRadices.SUPPORTED) {
            for (boolean inverse : new boolean[] {false, true}) {
                String name = passKernel(radix, inverse, type);
                names.add(name);
                src.append('\n').append(GemmKernels.fill(pass(radix, inverse, type), with(common, "NAME", name)));
            }
        }
        for (boolean inverse : new boolean[] {false, true}) {
            Map<String, String> values = with(with(with(common, "DIR", inverse ? "inv" : "fwd"),
                    "SIGN_MINUS", inverse ? "+" : "-"), "SIGN_PLUS", inverse ? "-" : "+");
            src.append('\n').append(GemmKernels.fill(HELPERS, values));
            names.add(bluesteinPre(inverse, type));
            names.add(bluesteinPost(inverse, type));
        }
        src.append('\n').append(GemmKernels.fill(COMMON, common));
        for (String k : List.of("pointwise", "real_to_complex", "take_half", "hermitian", "scale_copy",
                "real_part")) {
            names.add(helper(k, type));
        }
        return new CSource(src.toString(), names);
    }

    /** The pass kernel of a radix and direction. */
    public static String passKernel(int radix, boolean inverse, ScalarType type) {
        return "jga_fft_r" + radix + "_" + (inverse ? "inv" : "fwd") + "_" + type.numpyName();
    }

    /** Bluestein's first kernel (chirp, pad). */
    public static String bluesteinPre(boolean inverse, ScalarType type) {
        return "jga_bluestein_pre_" + (inverse ? "inv" : "fwd") + "_" + type.numpyName();
    }

    /** Bluestein's last kernel (chirp, scale). */
    public static String bluesteinPost(boolean inverse, ScalarType type) {
        return "jga_bluestein_post_" + (inverse ? "inv" : "fwd") + "_" + type.numpyName();
    }

    /**
     * A helper kernel: {@code pointwise}, {@code real_to_complex}, {@code take_half},
     * {@code hermitian}, {@code scale_copy} or {@code real_part}.
     */
    public static String helper(String base, ScalarType type) {
        return "jga_" + base + "_" + type.numpyName();
    }

    private static String pass(int radix, boolean inverse, ScalarType type) {
        String c = LibPrelude.complex(type);
        String make = LibPrelude.makeComplex(type);
        StringBuilder loads = new StringBuilder();
        StringBuilder twiddles = new StringBuilder();
        StringBuilder stores = new StringBuilder();
        String pad = "        ";
        for (int r = 0; r < radix; r++) {
            loads.append(pad).append(c).append(" v").append(r).append(" = in[base + (j + ").append(r)
                    .append(" * per) * stride];\n");
            stores.append(pad).append("out[base + (d + ").append(r).append(" * ns) * stride] = ").append(make)
                    .append("(v").append(r).append(".x * scale, v").append(r).append(".y * scale);\n");
            if (r > 0) {
                String w = "w" + r;
                String v = "v" + r;
                twiddles.append(pad).append("    {\n").append(pad).append("        const ").append(c).append(' ')
                        .append(w).append(" = tw[").append(r).append(" * kq * twStep];\n").append(pad)
                        .append("        ").append(v).append(" = ").append(make).append('(')
                        .append(complexProduct(v, w, inverse)).append(");\n").append(pad).append("    }\n");
            }
        }
        return PASS.replace("${LOADS}", strip(loads)).replace("${TWIDDLES}", strip(twiddles))
                .replace("${STORES}", strip(stores)).replace("${CODELET}", FftCodelet.dft(radix, inverse, type, pad))
                .replace("${R}", Integer.toString(radix));
    }

    private static String complexProduct(String v, String w, boolean conjugateW) {
        return conjugateW
                ? v + ".x * " + w + ".x + " + v + ".y * " + w + ".y, " + v + ".y * " + w + ".x - " + v + ".x * " + w + ".y"
                : v + ".x * " + w + ".x - " + v + ".y * " + w + ".y, " + v + ".y * " + w + ".x + " + v + ".x * " + w + ".y";
    }

    private static String strip(StringBuilder b) {
        int end = b.length();
        while (end > 0 && b.charAt(end - 1) == '\n') {
            end--;
        }
        return b.substring(0, end);
    }

    private static Map<String, String> with(Map<String, String> base, String key, String value) {
        Map<String, String> m = new java.util.HashMap<>(base);
        m.put(key, value);
        return m;
    }
}
