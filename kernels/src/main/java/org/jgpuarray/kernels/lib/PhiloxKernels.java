package org.jgpuarray.kernels.lib;

import java.util.List;
import org.jgpuarray.kernels.Dialect;
import org.jgpuarray.kernels.ScalarType;
import org.jgpuarray.kernels.c.CSource;

/**
 * CUDA C++ and OpenCL C kernels of the Philox4x32-10 stream defined by {@link Philox4x32}: the same
 * words, uniforms and normals as the Java reference, on any grid.
 *
 * <p>Launch: one dimension, any grid and block size (grid-stride loops over counter blocks). Every
 * kernel takes {@code (out, n, k0, k1, offset)} where {@code out} receives {@code n} elements,
 * {@code (k0, k1)} is the key (the seed's low and high words, passed as int) and {@code offset}
 * (long) the first counter block; the normal kernels add {@code mean, std} in the output type.
 */
public final class PhiloxKernels {
    /** Int32 words; in the float32 program. */
    public static final String BITS = "jga_philox_bits";
    /** Suggested threads per block. */
    public static final int BLOCK = 256;

    private static final String CORE = """
            JGA_INLINE void jga_philox(jga_ulong ctr, jga_uint k0, jga_uint k1, jga_uint *x)
            {
                jga_uint c0 = (jga_uint) ctr;
                jga_uint c1 = (jga_uint) (ctr >> 32);
                jga_uint c2 = 0u;
                jga_uint c3 = 0u;
                for (int round = 0; round < 10; round++) {
                    const jga_ulong p0 = (jga_ulong) 0xD2511F53u * c0;
                    const jga_ulong p1 = (jga_ulong) 0xCD9E8D57u * c2;
                    const jga_uint n0 = ((jga_uint) (p1 >> 32)) ^ c1 ^ k0;
                    const jga_uint n2 = ((jga_uint) (p0 >> 32)) ^ c3 ^ k1;
                    c1 = (jga_uint) p1;
                    c3 = (jga_uint) p0;
                    c0 = n0;
                    c2 = n2;
                    k0 += 0x9E3779B9u;
                    k1 += 0xBB67AE85u;
                }
                x[0] = c0;
                x[1] = c1;
                x[2] = c2;
                x[3] = c3;
            }
            """;

    private static final String BITS_KERNEL = """
            JGA_KERNEL void jga_philox_bits(JGA_GLOBAL int *out, jga_long n, jga_uint k0, jga_uint k1, jga_long offset)
            {
                const jga_long blocks = (n + 3) / 4;
                for (jga_long b = JGA_GID0; b < blocks; b += JGA_GSIZE0) {
                    jga_uint x[4];
                    jga_philox((jga_ulong) offset + (jga_ulong) b, k0, k1, x);
                    for (int w = 0; w < 4; w++) {
                        if (4 * b + w < n) {
                            out[4 * b + w] = (int) x[w];
                        }
                    }
                }
            }
            """;

    private static final String FLOAT_KERNELS = """
            JGA_KERNEL void jga_philox_uniform_float32(JGA_GLOBAL float *out, jga_long n, jga_uint k0, jga_uint k1, jga_long offset)
            {
                const jga_long blocks = (n + 3) / 4;
                for (jga_long b = JGA_GID0; b < blocks; b += JGA_GSIZE0) {
                    jga_uint x[4];
                    jga_philox((jga_ulong) offset + (jga_ulong) b, k0, k1, x);
                    for (int w = 0; w < 4; w++) {
                        if (4 * b + w < n) {
                            out[4 * b + w] = (float) (x[w] >> 8) * 5.96046448e-08f;
                        }
                    }
                }
            }

            JGA_INLINE void jga_normal_pair_float32(jga_uint a, jga_uint b, float mean, float stdv, float *z)
            {
                const float u1 = (float) (a >> 8) * 5.96046448e-08f;
                const float u2 = (float) (b >> 8) * 5.96046448e-08f;
                const float r = ${SQRT}(-2.0f * ${LOG}(1.0f - u1));
                const float t = 2.0f * u2;
                z[0] = ${FMA}(stdv, r * ${COSPI}(t), mean);
                z[1] = ${FMA}(stdv, r * ${SINPI}(t), mean);
            }

            JGA_KERNEL void jga_philox_normal_float32(JGA_GLOBAL float *out, jga_long n, jga_uint k0, jga_uint k1, jga_long offset, float mean, float stdv)
            {
                const jga_long blocks = (n + 3) / 4;
                for (jga_long b = JGA_GID0; b < blocks; b += JGA_GSIZE0) {
                    jga_uint x[4];
                    float z[4];
                    jga_philox((jga_ulong) offset + (jga_ulong) b, k0, k1, x);
                    jga_normal_pair_float32(x[0], x[1], mean, stdv, z);
                    jga_normal_pair_float32(x[2], x[3], mean, stdv, z + 2);
                    for (int w = 0; w < 4; w++) {
                        if (4 * b + w < n) {
                            out[4 * b + w] = z[w];
                        }
                    }
                }
            }
            """;

    private static final String DOUBLE_KERNELS = """
            JGA_INLINE double jga_uniform_float64(jga_uint a, jga_uint b)
            {
                return ((double) (a >> 5) * 67108864.0 + (double) (b >> 6)) * 1.1102230246251565e-16;
            }

            JGA_KERNEL void jga_philox_uniform_float64(JGA_GLOBAL double *out, jga_long n, jga_uint k0, jga_uint k1, jga_long offset)
            {
                const jga_long blocks = (n + 1) / 2;
                for (jga_long b = JGA_GID0; b < blocks; b += JGA_GSIZE0) {
                    jga_uint x[4];
                    jga_philox((jga_ulong) offset + (jga_ulong) b, k0, k1, x);
                    out[2 * b] = jga_uniform_float64(x[0], x[1]);
                    if (2 * b + 1 < n) {
                        out[2 * b + 1] = jga_uniform_float64(x[2], x[3]);
                    }
                }
            }

            JGA_KERNEL void jga_philox_normal_float64(JGA_GLOBAL double *out, jga_long n, jga_uint k0, jga_uint k1, jga_long offset, double mean, double stdv)
            {
                const jga_long blocks = (n + 1) / 2;
                for (jga_long b = JGA_GID0; b < blocks; b += JGA_GSIZE0) {
                    jga_uint x[4];
                    jga_philox((jga_ulong) offset + (jga_ulong) b, k0, k1, x);
                    const double u1 = jga_uniform_float64(x[0], x[1]);
                    const double u2 = jga_uniform_float64(x[2], x[3]);
                    const double r = sqrt(-2.0 * log(1.0 - u1));
                    const double t = 2.0 * u2;
                    out[2 * b] = fma(stdv, r * cospi(t), mean);
                    if (2 * b + 1 < n) {
                        out[2 * b + 1] = fma(stdv, r * sinpi(t), mean);
                    }
                }
            }
            """;

    private PhiloxKernels() {
    }

    /**
     * The program of one output type.
     *
     * @param dialect CUDA or OPENCL
     * @param type    FLOAT32 (kernels {@link #BITS}, uniform and normal float32) or FLOAT64
     */
    public static CSource program(Dialect dialect, ScalarType type) {
        boolean fp64 = type == ScalarType.FLOAT64;
        LibPrelude.requireReal(type);
        String body = fp64 ? DOUBLE_KERNELS : FLOAT_KERNELS
                .replace("${SQRT}", LibPrelude.fn(dialect, type, "sqrt"))
                .replace("${LOG}", LibPrelude.fn(dialect, type, "log"))
                .replace("${FMA}", LibPrelude.fn(dialect, type, "fma"))
                .replace("${COSPI}", LibPrelude.fn(dialect, type, "cospi"))
                .replace("${SINPI}", LibPrelude.fn(dialect, type, "sinpi"));
        String source = LibPrelude.of(dialect, fp64) + "\n" + CORE + "\n" + (fp64 ? "" : BITS_KERNEL + "\n") + body;
        List<String> names = fp64 ? List.of(uniform(type), normal(type)) : List.of(BITS, uniform(type), normal(type));
        return new CSource(source, names);
    }

    /** The uniform kernel of a type. */
    public static String uniform(ScalarType type) {
        return "jga_philox_uniform_" + type.numpyName();
    }

    /** The normal kernel of a type. */
    public static String normal(ScalarType type) {
        return "jga_philox_normal_" + type.numpyName();
    }
}
