package org.jgpuarray.kernels.lib;

import java.util.List;
import java.util.Map;
import org.jgpuarray.kernels.Dialect;
import org.jgpuarray.kernels.ScalarType;
import org.jgpuarray.kernels.c.CSource;

/**
 * BLAS level 1 and 2 kernels in CUDA C++ and OpenCL C, row-major, contiguous vectors. Launch every
 * kernel 1-D with blocks of exactly {@link #BLOCK} threads; grid-stride loops take any grid.
 *
 * <ul>
 *   <li>{@code gemv_n(rows, cols, alpha, A, lda, x, beta, y)}: one group per row (groups stride over
 *       rows), {@code y = alpha A x + beta y};</li>
 *   <li>{@code gemv_t(rows, cols, alpha, A, lda, x, beta, y)}: one thread per column,
 *       {@code y = alpha A^T x + beta y};</li>
 *   <li>{@code axpy(n, alpha, x, y)}: {@code y += alpha x};</li>
 *   <li>{@code dot_partial(n, x, y, partials)} then {@code sum_final(count, partials, result)} with one
 *       group: the dot product into {@code result[0]};</li>
 *   <li>{@code amax_partial(n, x, partials)}, {@code max_final(count, partials, scale)} (one group),
 *       {@code ssq_partial(n, x, scale, partials)}, {@code nrm2_final(count, partials, scale, result)}
 *       (one group): the scaled two-pass Euclidean norm, safe from overflow and underflow.</li>
 * </ul>
 * Kernel names carry the type: {@code jga_axpy_float32}. Sizes are {@code long}, scalars of the type.
 */
public final class BlasKernels {
    /** Threads per group, a power of two; also the size of the local reduction arrays. */
    public static final int BLOCK = 256;
    /** Kernel base names in the order {@link CSource#kernelNames()} lists them. */
    public static final List<String> KERNELS = List.of("gemv_n", "gemv_t", "axpy", "dot_partial", "sum_final",
            "amax_partial", "max_final", "ssq_partial", "nrm2_final");

    private static final String BODY = """
            #define JGA_BLAS_BLOCK ${BLOCK}

            /* Sums (or takes the maximum of) the group's values of s; the result is in s[0]. */
            JGA_INLINE void jga_group_reduce_${N}(JGA_LOCAL_PTR ${T} *s, const int lid, const int maximum)
            {
                for (int step = JGA_BLAS_BLOCK / 2; step > 0; step >>= 1) {
                    JGA_BARRIER();
                    if (lid < step) {
                        s[lid] = maximum ? ${FMAX}(s[lid], s[lid + step]) : s[lid] + s[lid + step];
                    }
                }
                JGA_BARRIER();
            }

            JGA_KERNEL void jga_gemv_n_${N}(const jga_long rows, const jga_long cols, const ${T} alpha,
                    JGA_GLOBAL const ${T} *A, const jga_long lda, JGA_GLOBAL const ${T} *x, const ${T} beta,
                    JGA_GLOBAL ${T} *y)
            {
                JGA_LOCAL ${T} s[JGA_BLAS_BLOCK];
                const int lid = JGA_LID0;
                for (jga_long r = JGA_GROUP0; r < rows; r += JGA_NGROUPS0) {
                    ${T} acc = (${T}) 0;
                    for (jga_long c = lid; c < cols; c += JGA_BLAS_BLOCK) {
                        acc += A[r * lda + c] * x[c];
                    }
                    s[lid] = acc;
                    jga_group_reduce_${N}(s, lid, 0);
                    if (lid == 0) {
                        y[r] = beta == (${T}) 0 ? alpha * s[0] : alpha * s[0] + beta * y[r];
                    }
                }
            }

            JGA_KERNEL void jga_gemv_t_${N}(const jga_long rows, const jga_long cols, const ${T} alpha,
                    JGA_GLOBAL const ${T} *A, const jga_long lda, JGA_GLOBAL const ${T} *x, const ${T} beta,
                    JGA_GLOBAL ${T} *y)
            {
                for (jga_long c = JGA_GID0; c < cols; c += JGA_GSIZE0) {
                    ${T} acc = (${T}) 0;
                    for (jga_long r = 0; r < rows; r++) {
                        acc += A[r * lda + c] * x[r];
                    }
                    y[c] = beta == (${T}) 0 ? alpha * acc : alpha * acc + beta * y[c];
                }
            }

            JGA_KERNEL void jga_axpy_${N}(const jga_long n, const ${T} alpha, JGA_GLOBAL const ${T} *x,
                    JGA_GLOBAL ${T} *y)
            {
                for (jga_long i = JGA_GID0; i < n; i += JGA_GSIZE0) {
                    y[i] += alpha * x[i];
                }
            }

            JGA_KERNEL void jga_dot_partial_${N}(const jga_long n, JGA_GLOBAL const ${T} *x,
                    JGA_GLOBAL const ${T} *y, JGA_GLOBAL ${T} *partials)
            {
                JGA_LOCAL ${T} s[JGA_BLAS_BLOCK];
                const int lid = JGA_LID0;
                ${T} acc = (${T}) 0;
                for (jga_long i = JGA_GID0; i < n; i += JGA_GSIZE0) {
                    acc += x[i] * y[i];
                }
                s[lid] = acc;
                jga_group_reduce_${N}(s, lid, 0);
                if (lid == 0) {
                    partials[JGA_GROUP0] = s[0];
                }
            }

            JGA_KERNEL void jga_sum_final_${N}(const jga_long count, JGA_GLOBAL const ${T} *partials,
                    JGA_GLOBAL ${T} *result)
            {
                JGA_LOCAL ${T} s[JGA_BLAS_BLOCK];
                const int lid = JGA_LID0;
                ${T} acc = (${T}) 0;
                for (jga_long i = lid; i < count; i += JGA_BLAS_BLOCK) {
                    acc += partials[i];
                }
                s[lid] = acc;
                jga_group_reduce_${N}(s, lid, 0);
                if (lid == 0) {
                    result[0] = s[0];
                }
            }

            JGA_KERNEL void jga_amax_partial_${N}(const jga_long n, JGA_GLOBAL const ${T} *x,
                    JGA_GLOBAL ${T} *partials)
            {
                JGA_LOCAL ${T} s[JGA_BLAS_BLOCK];
                const int lid = JGA_LID0;
                ${T} acc = (${T}) 0;
                for (jga_long i = JGA_GID0; i < n; i += JGA_GSIZE0) {
                    acc = ${FMAX}(acc, ${FABS}(x[i]));
                }
                s[lid] = acc;
                jga_group_reduce_${N}(s, lid, 1);
                if (lid == 0) {
                    partials[JGA_GROUP0] = s[0];
                }
            }

            JGA_KERNEL void jga_max_final_${N}(const jga_long count, JGA_GLOBAL const ${T} *partials,
                    JGA_GLOBAL ${T} *scale)
            {
                JGA_LOCAL ${T} s[JGA_BLAS_BLOCK];
                const int lid = JGA_LID0;
                ${T} acc = (${T}) 0;
                for (jga_long i = lid; i < count; i += JGA_BLAS_BLOCK) {
                    acc = ${FMAX}(acc, partials[i]);
                }
                s[lid] = acc;
                jga_group_reduce_${N}(s, lid, 1);
                if (lid == 0) {
                    scale[0] = s[0];
                }
            }

            JGA_KERNEL void jga_ssq_partial_${N}(const jga_long n, JGA_GLOBAL const ${T} *x,
                    JGA_GLOBAL const ${T} *scale, JGA_GLOBAL ${T} *partials)
            {
                JGA_LOCAL ${T} s[JGA_BLAS_BLOCK];
                const int lid = JGA_LID0;
                const ${T} sc = scale[0];
                ${T} acc = (${T}) 0;
                if (sc > (${T}) 0) {
                    for (jga_long i = JGA_GID0; i < n; i += JGA_GSIZE0) {
                        const ${T} v = x[i] / sc;
                        acc += v * v;
                    }
                }
                s[lid] = acc;
                jga_group_reduce_${N}(s, lid, 0);
                if (lid == 0) {
                    partials[JGA_GROUP0] = s[0];
                }
            }

            JGA_KERNEL void jga_nrm2_final_${N}(const jga_long count, JGA_GLOBAL const ${T} *partials,
                    JGA_GLOBAL const ${T} *scale, JGA_GLOBAL ${T} *result)
            {
                JGA_LOCAL ${T} s[JGA_BLAS_BLOCK];
                const int lid = JGA_LID0;
                ${T} acc = (${T}) 0;
                for (jga_long i = lid; i < count; i += JGA_BLAS_BLOCK) {
                    acc += partials[i];
                }
                s[lid] = acc;
                jga_group_reduce_${N}(s, lid, 0);
                if (lid == 0) {
                    result[0] = scale[0] * ${SQRT}(s[0]);
                }
            }
            """;

    private BlasKernels() {
    }

    /**
     * The level 1 and 2 program of one element type.
     *
     * @param dialect CUDA or OPENCL
     * @param type    FLOAT32 or FLOAT64
     */
    public static CSource program(Dialect dialect, ScalarType type) {
        String body = GemmKernels.fill(BODY, Map.of("BLOCK", Integer.toString(BLOCK), "N", type.numpyName(),
                "T", LibPrelude.real(type), "FMAX", LibPrelude.fn(dialect, type, "fmax"),
                "FABS", LibPrelude.fn(dialect, type, "fabs"), "SQRT", LibPrelude.fn(dialect, type, "sqrt")));
        List<String> names = KERNELS.stream().map(k -> kernelName(k, type)).toList();
        return new CSource(LibPrelude.of(dialect, type == ScalarType.FLOAT64) + "\n" + body, names);
    }

    /** The full name of a kernel of {@link #KERNELS} for a type, e.g. {@code jga_axpy_float32}. */
    public static String kernelName(String base, ScalarType type) {
        return "jga_" + base + "_" + type.numpyName();
    }
}
