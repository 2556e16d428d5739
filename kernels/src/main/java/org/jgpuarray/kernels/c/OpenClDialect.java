package org.jgpuarray.kernels.c;

import org.jgpuarray.kernels.Argument;
import org.jgpuarray.kernels.ArgumentList;
import org.jgpuarray.kernels.Dialect;
import org.jgpuarray.kernels.ScalarType;

/**
 * OpenCL C 1.2, portable across NVIDIA, AMD, Intel and PoCL: local-memory trees for reductions and a
 * work-efficient (up-sweep/down-sweep) scan of per-thread totals.
 */
final class OpenClDialect implements GpuDialect {
    static final OpenClDialect INSTANCE = new OpenClDialect();
    /** Prefix of the uchar kernel parameter behind a bool array argument. */
    private static final String BOOL_BYTES = "jga_bytes_";

    private static final String PRELUDE = """
            // jgpuarray OpenCL prelude: the portable snippet vocabulary
            #if defined(cl_khr_fp64)
            #pragma OPENCL EXTENSION cl_khr_fp64 : enable
            #elif defined(cl_amd_fp64)
            #pragma OPENCL EXTENSION cl_amd_fp64 : enable
            #endif
            // bool arrays are uchar buffers viewed as bool (see the kernels' parameters)
            typedef char jga_bool_is_one_byte[sizeof(bool) == 1 ? 1 : -1];
            #define __device__
            #define __host__
            #define __forceinline__
            // C's float math names: the argument converted to float, as C does
            #define expf(x) exp((float) (x))
            #define exp2f(x) exp2((float) (x))
            #define expm1f(x) expm1((float) (x))
            #define logf(x) log((float) (x))
            #define log2f(x) log2((float) (x))
            #define log10f(x) log10((float) (x))
            #define log1pf(x) log1p((float) (x))
            #define sqrtf(x) sqrt((float) (x))
            #define rsqrtf(x) rsqrt((float) (x))
            #define cbrtf(x) cbrt((float) (x))
            #define sinf(x) sin((float) (x))
            #define cosf(x) cos((float) (x))
            #define tanf(x) tan((float) (x))
            #define asinf(x) asin((float) (x))
            #define acosf(x) acos((float) (x))
            #define atanf(x) atan((float) (x))
            #define sinhf(x) sinh((float) (x))
            #define coshf(x) cosh((float) (x))
            #define tanhf(x) tanh((float) (x))
            #define floorf(x) floor((float) (x))
            #define ceilf(x) ceil((float) (x))
            #define roundf(x) round((float) (x))
            #define truncf(x) trunc((float) (x))
            #define rintf(x) rint((float) (x))
            #define fabsf(x) fabs((float) (x))
            #define powf(x, y) pow((float) (x), (float) (y))
            #define atan2f(x, y) atan2((float) (x), (float) (y))
            #define fmodf(x, y) fmod((float) (x), (float) (y))
            #define hypotf(x, y) hypot((float) (x), (float) (y))
            #define copysignf(x, y) copysign((float) (x), (float) (y))
            #define fminf(x, y) fmin((float) (x), (float) (y))
            #define fmaxf(x, y) fmax((float) (x), (float) (y))
            #define fdimf(x, y) fdim((float) (x), (float) (y))
            #define fmaf(x, y, z) fma((float) (x), (float) (y), (float) (z))
            // abs, min and max as in CUDA and C++: the operands' common type (OpenCL's abs(int) is unsigned and
            // abs(float) does not exist), fminf/fmaxf semantics on floats (a NaN operand gives the other one);
            // arguments may be evaluated more than once
            #undef abs
            #undef min
            #undef max
            #define abs(x) ((x) < 0 ? -(x) : (x) + 0)
            #define labs(x) abs((long) (x))
            #define llabs(x) abs((long) (x))
            #define min(a, b) ((b) != (b) || (a) < (b) ? (a) : (b))
            #define max(a, b) ((b) != (b) || (a) > (b) ? (a) : (b))
            #define int32_t int
            #define int64_t long
            #ifndef M_PI
            #define M_PI 3.14159265358979323846
            #endif
            #ifndef M_E
            #define M_E 2.71828182845904523536
            #endif
            #ifndef DBL_MAX
            #define DBL_MAX 1.7976931348623158e+308
            #endif
            #ifndef DBL_MIN
            #define DBL_MIN 2.2250738585072014e-308
            #endif
            #ifndef DBL_EPSILON
            #define DBL_EPSILON 2.2204460492503131e-16
            #endif
            #ifndef LLONG_MAX
            #define LLONG_MAX LONG_MAX
            #endif
            #ifndef LLONG_MIN
            #define LLONG_MIN LONG_MIN
            #endif
            """;

    /**
     * The contiguous elementwise kernel. When the launch has exactly one work-item per element (as the launch
     * geometry gives CPU devices when {@code n} is a whole number of work-groups), each work-item runs the
     * operation once, with no loop: PoCL runs a work-group as one loop over its work-items and vectorizes it
     * only when the work-item's own code has no loop (measured on 2^24 float32 {@code a*x + b*y}: about 3.2 ms
     * against 5.4 ms with the grid-stride loop, and 2^20 about 2x faster). The condition is the same for every work-item, so the whole
     * work-group takes one branch. The {@code do ... while (0)} keeps a snippet's top-level {@code continue}
     * (skip the rest of this element) and {@code break} valid in both branches. Other launches loop
     * grid-stride as before.
     */
    private static final String ELEMENTWISE = """
            __kernel void ${NAME}(${PARAMS})
            {
            ${ALIASES}    long i = 0;
            ${LOOP_PREP}
                if ((long) get_global_size(0) == n) {
                    i = (long) get_global_id(0);
                    do {
            ${NESTED_OPERATION};
                    } while (0);
                } else {
                    for (i = (long) get_global_id(0); i < n; i += (long) get_global_size(0)) {
            ${NESTED_OPERATION};
                    }
                }
            ${AFTER_LOOP}
            }
            """;

    /** The contiguous elementwise kernel with the grid-stride loop alone, for an operation that defines a label. */
    private static final String ELEMENTWISE_LOOP = """
            __kernel void ${NAME}(${PARAMS})
            {
            ${ALIASES}    long i = 0;
            ${LOOP_PREP}
                for (i = (long) get_global_id(0); i < n; i += (long) get_global_size(0)) {
            ${OPERATION};
                }
            ${AFTER_LOOP}
            }
            """;

    private static final String ELEMENTWISE_STRIDED = """
            __kernel void ${NAME}(${PARAMS})
            {
            ${ALIASES}    long i = 0;
            ${LOOP_PREP}
            ${LOOP}
            ${AFTER_LOOP}
            }
            """;

    private static final String REDUCTION = """
            #ifndef JGA_BLOCK
            #define JGA_BLOCK 256
            #endif
            #ifndef JGA_RUN
            #define JGA_RUN 64
            #endif

            ${T} ${NAME}_reduce(${T} a, ${T} b)
            {
                return (${T}) (${REDUCE});
            }

            ${T} ${NAME}_map(long i, long n${MAP_PARAMS})
            {
                return (${T}) (${MAP});
            }

            /* Valid in work-item 0 only. */
            ${T} ${NAME}_block_reduce(${T} jga_acc, __local ${T} *jga_scratch)
            {
                const int jga_lid = (int) get_local_id(0);
                jga_scratch[jga_lid] = jga_acc;
                barrier(CLK_LOCAL_MEM_FENCE);
                for (int jga_s = JGA_BLOCK / 2; jga_s > 0; jga_s >>= 1) {
                    if (jga_lid < jga_s) {
                        jga_scratch[jga_lid] = ${NAME}_reduce(jga_scratch[jga_lid], jga_scratch[jga_lid + jga_s]);
                    }
                    barrier(CLK_LOCAL_MEM_FENCE);
                }
                return jga_scratch[0];
            }

            __kernel __attribute__((reqd_work_group_size(JGA_BLOCK, 1, 1)))
            void ${NAME}_stage1(${PARAMS_PREFIX}__global ${T} *jga_partials, long n)
            {
            ${ALIASES}    __local ${T} jga_scratch[JGA_BLOCK];
                const long jga_stride = (long) get_global_size(0);
                long jga_i = (long) get_global_id(0);
                ${T} jga_acc = (${T}) (${NEUTRAL});
                for (; jga_i + 3 * jga_stride < n; jga_i += 4 * jga_stride) {
                    const ${T} jga_v0 = ${NAME}_map(jga_i, n${MAP_ARGS});
                    const ${T} jga_v1 = ${NAME}_map(jga_i + jga_stride, n${MAP_ARGS});
                    const ${T} jga_v2 = ${NAME}_map(jga_i + 2 * jga_stride, n${MAP_ARGS});
                    const ${T} jga_v3 = ${NAME}_map(jga_i + 3 * jga_stride, n${MAP_ARGS});
                    jga_acc = ${NAME}_reduce(jga_acc, ${NAME}_reduce(${NAME}_reduce(jga_v0, jga_v1), ${NAME}_reduce(jga_v2, jga_v3)));
                }
                for (; jga_i < n; jga_i += jga_stride) {
                    jga_acc = ${NAME}_reduce(jga_acc, ${NAME}_map(jga_i, n${MAP_ARGS}));
                }
                jga_acc = ${NAME}_block_reduce(jga_acc, jga_scratch);
                if (get_local_id(0) == 0) {
                    jga_partials[get_group_id(0)] = jga_acc;
                }
            }

            __kernel __attribute__((reqd_work_group_size(JGA_BLOCK, 1, 1)))
            void ${NAME}_stage2(__global const ${T} *jga_in, __global ${T} *jga_out, long n)
            {
                __local ${T} jga_scratch[JGA_BLOCK];
                ${T} jga_acc = (${T}) (${NEUTRAL});
                for (long jga_i = (long) get_local_id(0); jga_i < n; jga_i += JGA_BLOCK) {
                    jga_acc = ${NAME}_reduce(jga_acc, jga_in[jga_i]);
                }
                jga_acc = ${NAME}_block_reduce(jga_acc, jga_scratch);
                if (get_local_id(0) == 0) {
                    jga_out[0] = jga_acc;
                }
            }

            /*
             * The first stage on CPU devices: work-item g reduces the jga_chunk elements from g * jga_chunk on into
             * jga_partials[g], reading them in order, in runs of JGA_RUN whose totals combine pairwise (the run
             * totals of a level meet like the carries of a binary counter), so that rounding grows with the
             * logarithm of the chunk rather than with its length.
             */
            __kernel __attribute__((reqd_work_group_size(JGA_BLOCK, 1, 1)))
            void ${NAME}_chunks(${PARAMS_PREFIX}__global ${T} *jga_partials, long n, long jga_chunk)
            {
            ${ALIASES}    ${T} jga_levels[64];
                const long jga_g = (long) get_global_id(0);
                const long jga_begin = jga_g * jga_chunk < n ? jga_g * jga_chunk : n;
                const long jga_end = n - jga_begin > jga_chunk ? jga_begin + jga_chunk : n;
                long jga_runs = 0;
                for (long jga_r = jga_begin; jga_r < jga_end; jga_r += JGA_RUN) {
                    const long jga_stop = jga_end - jga_r > JGA_RUN ? jga_r + JGA_RUN : jga_end;
                    ${T} jga_run = (${T}) (${NEUTRAL});
                    long jga_i = jga_r;
                    for (; jga_i + 7 < jga_stop; jga_i += 8) {
                        const ${T} jga_v0 = ${NAME}_map(jga_i, n${MAP_ARGS});
                        const ${T} jga_v1 = ${NAME}_map(jga_i + 1, n${MAP_ARGS});
                        const ${T} jga_v2 = ${NAME}_map(jga_i + 2, n${MAP_ARGS});
                        const ${T} jga_v3 = ${NAME}_map(jga_i + 3, n${MAP_ARGS});
                        const ${T} jga_v4 = ${NAME}_map(jga_i + 4, n${MAP_ARGS});
                        const ${T} jga_v5 = ${NAME}_map(jga_i + 5, n${MAP_ARGS});
                        const ${T} jga_v6 = ${NAME}_map(jga_i + 6, n${MAP_ARGS});
                        const ${T} jga_v7 = ${NAME}_map(jga_i + 7, n${MAP_ARGS});
                        jga_run = ${NAME}_reduce(jga_run, ${NAME}_reduce(
                                ${NAME}_reduce(${NAME}_reduce(jga_v0, jga_v1), ${NAME}_reduce(jga_v2, jga_v3)),
                                ${NAME}_reduce(${NAME}_reduce(jga_v4, jga_v5), ${NAME}_reduce(jga_v6, jga_v7))));
                    }
                    for (; jga_i < jga_stop; jga_i++) {
                        jga_run = ${NAME}_reduce(jga_run, ${NAME}_map(jga_i, n${MAP_ARGS}));
                    }
                    int jga_level = 0;
                    for (long jga_c = ++jga_runs; (jga_c & 1) == 0; jga_c >>= 1) {
                        jga_run = ${NAME}_reduce(jga_levels[jga_level], jga_run);
                        jga_level++;
                    }
                    jga_levels[jga_level] = jga_run;
                }
                ${T} jga_acc = (${T}) (${NEUTRAL});
                for (int jga_level = 0; (jga_runs >> jga_level) != 0; jga_level++) {
                    if (((jga_runs >> jga_level) & 1) != 0) {
                        jga_acc = ${NAME}_reduce(jga_levels[jga_level], jga_acc);
                    }
                }
                jga_partials[jga_g] = jga_acc;
            }
            """;

    private static final String SCAN = """
            #ifndef JGA_BLOCK
            #define JGA_BLOCK 256
            #endif
            #ifndef JGA_ITEMS
            #define JGA_ITEMS 8
            #endif
            #define JGA_TILE (JGA_BLOCK * JGA_ITEMS)
            #define JGA_PAD(k) ((k) + ((k) >> 5))

            ${T} ${NAME}_op(${T} a, ${T} b)
            {
                return (${T}) (${SCAN});
            }

            /*
             * Scans each tile of JGA_TILE elements (in == out allowed) and writes each tile's total. The input is rows
             * (segments) of n elements, each scanned on its own: work-group b scans tile b % tiles of row b / tiles.
             */
            __kernel __attribute__((reqd_work_group_size(JGA_BLOCK, 1, 1)))
            void ${NAME}_tiles(__global const ${T} *jga_in, __global ${T} *jga_out, __global ${T} *jga_tile_totals, long n, int jga_inclusive)
            {
                __local ${T} jga_tile[JGA_PAD(JGA_TILE)];
                __local ${T} jga_scratch[JGA_BLOCK];
                __local ${T} jga_block_total;
                const long jga_tiles = (n + JGA_TILE - 1) / JGA_TILE;
                const long jga_segment = (long) get_group_id(0) / jga_tiles;
                const long jga_start = ((long) get_group_id(0) - jga_segment * jga_tiles) * JGA_TILE;
                const long jga_base = jga_segment * n + jga_start;
                const int jga_t = (int) get_local_id(0);
                for (int jga_k = 0; jga_k < JGA_ITEMS; jga_k++) {
                    const int jga_local = jga_k * JGA_BLOCK + jga_t;
                    const long jga_g = jga_base + jga_local;
                    jga_tile[JGA_PAD(jga_local)] = jga_start + jga_local < n ? jga_in[jga_g] : (${T}) (${NEUTRAL});
                }
                barrier(CLK_LOCAL_MEM_FENCE);
                ${T} jga_total = (${T}) (${NEUTRAL});
                for (int jga_k = 0; jga_k < JGA_ITEMS; jga_k++) {
                    jga_total = ${NAME}_op(jga_total, jga_tile[JGA_PAD(jga_t * JGA_ITEMS + jga_k)]);
                }
                jga_scratch[jga_t] = jga_total;
                barrier(CLK_LOCAL_MEM_FENCE);
                for (int jga_d = 1; jga_d < JGA_BLOCK; jga_d <<= 1) {
                    const int jga_right = (jga_t + 1) * 2 * jga_d - 1;
                    if (jga_right < JGA_BLOCK) {
                        jga_scratch[jga_right] = ${NAME}_op(jga_scratch[jga_right - jga_d], jga_scratch[jga_right]);
                    }
                    barrier(CLK_LOCAL_MEM_FENCE);
                }
                if (jga_t == 0) {
                    jga_block_total = jga_scratch[JGA_BLOCK - 1];
                    jga_scratch[JGA_BLOCK - 1] = (${T}) (${NEUTRAL});
                }
                barrier(CLK_LOCAL_MEM_FENCE);
                for (int jga_d = JGA_BLOCK / 2; jga_d >= 1; jga_d >>= 1) {
                    const int jga_right = (jga_t + 1) * 2 * jga_d - 1;
                    if (jga_right < JGA_BLOCK) {
                        const ${T} jga_left = jga_scratch[jga_right - jga_d];
                        jga_scratch[jga_right - jga_d] = jga_scratch[jga_right];
                        jga_scratch[jga_right] = ${NAME}_op(jga_scratch[jga_right], jga_left);
                    }
                    barrier(CLK_LOCAL_MEM_FENCE);
                }
                ${T} jga_prefix = jga_scratch[jga_t];
                for (int jga_k = 0; jga_k < JGA_ITEMS; jga_k++) {
                    const int jga_slot = JGA_PAD(jga_t * JGA_ITEMS + jga_k);
                    const ${T} jga_x = jga_tile[jga_slot];
                    if (jga_inclusive) {
                        jga_prefix = ${NAME}_op(jga_prefix, jga_x);
                        jga_tile[jga_slot] = jga_prefix;
                    } else {
                        jga_tile[jga_slot] = jga_prefix;
                        jga_prefix = ${NAME}_op(jga_prefix, jga_x);
                    }
                }
                barrier(CLK_LOCAL_MEM_FENCE);
                for (int jga_k = 0; jga_k < JGA_ITEMS; jga_k++) {
                    const int jga_local = jga_k * JGA_BLOCK + jga_t;
                    const long jga_g = jga_base + jga_local;
                    if (jga_start + jga_local < n) {
                        jga_out[jga_g] = jga_tile[JGA_PAD(jga_local)];
                    }
                }
                if (jga_t == 0) {
                    jga_tile_totals[get_group_id(0)] = jga_block_total;
                }
            }

            /*
             * Combines every tile after a row's first with the inclusive scan of the row's tile totals before it:
             * work-group b takes tile b % (tiles - 1) + 1 of row b / (tiles - 1).
             */
            __kernel __attribute__((reqd_work_group_size(JGA_BLOCK, 1, 1)))
            void ${NAME}_add_offsets(__global ${T} *jga_out, __global const ${T} *jga_scanned_totals, long n)
            {
                const long jga_tiles = (n + JGA_TILE - 1) / JGA_TILE;
                const long jga_segment = (long) get_group_id(0) / (jga_tiles - 1);
                const long jga_tile_index = (long) get_group_id(0) - jga_segment * (jga_tiles - 1) + 1;
                const ${T} jga_offset = jga_scanned_totals[jga_segment * jga_tiles + jga_tile_index - 1];
                for (int jga_k = 0; jga_k < JGA_ITEMS; jga_k++) {
                    const long jga_local = jga_tile_index * JGA_TILE + jga_k * JGA_BLOCK + (long) get_local_id(0);
                    if (jga_local < n) {
                        jga_out[jga_segment * n + jga_local] = ${NAME}_op(jga_offset, jga_out[jga_segment * n + jga_local]);
                    }
                }
            }

            /* Scans each of jga_segments rows of n elements alone, one work-item per row (in == out allowed). */
            __kernel __attribute__((reqd_work_group_size(JGA_BLOCK, 1, 1)))
            void ${NAME}_rows(__global const ${T} *jga_in, __global ${T} *jga_out, long jga_segments, long n, int jga_inclusive)
            {
                for (long jga_s = (long) get_global_id(0); jga_s < jga_segments; jga_s += (long) get_global_size(0)) {
                    ${T} jga_prefix = (${T}) (${NEUTRAL});
                    for (long jga_g = jga_s * n; jga_g < (jga_s + 1) * n; jga_g++) {
                        const ${T} jga_x = jga_in[jga_g];
                        if (jga_inclusive) {
                            jga_prefix = ${NAME}_op(jga_prefix, jga_x);
                            jga_out[jga_g] = jga_prefix;
                        } else {
                            jga_out[jga_g] = jga_prefix;
                            jga_prefix = ${NAME}_op(jga_prefix, jga_x);
                        }
                    }
                }
            }
            """;

    private OpenClDialect() {
    }

    @Override
    public Dialect dialect() {
        return Dialect.OPENCL;
    }

    @Override
    public String prelude() {
        return PRELUDE;
    }

    @Override
    public String preamble(String userPreamble) {
        return OpenClPreamble.qualify(userPreamble);
    }

    @Override
    public String pointer(ScalarType type) {
        return "__global " + type.nameIn(Dialect.OPENCL) + " *";
    }

    /**
     * A bool array is a {@code bool *} in the snippet, as on CUDA and the CPU: storing 2 (or 256, or 0.5)
     * stores true, and reading gives 1. OpenCL forbids bool in kernel parameters, so the kernel takes the
     * bytes as {@code uchar} and {@link #aliases} views them as bool (one byte, checked by the prelude).
     */
    @Override
    public String parameter(Argument a) {
        return a.array() && a.type() == ScalarType.BOOL ? "__global bool *" + a.name() : GpuDialect.super.parameter(a);
    }

    @Override
    public String kernelParameter(Argument a) {
        return a.array() && a.type() == ScalarType.BOOL ? "__global uchar *" + BOOL_BYTES + a.name()
                : GpuDialect.super.parameter(a);
    }

    @Override
    public String aliases(ArgumentList arguments) {
        StringBuilder out = new StringBuilder();
        for (Argument a : arguments.arguments()) {
            if (a.array() && a.type() == ScalarType.BOOL) {
                out.append("    __global bool *").append(a.name()).append(" = (__global bool *) ").append(BOOL_BYTES)
                        .append(a.name()).append(";\n");
            }
        }
        return out.toString();
    }

    @Override
    public String lane() {
        return "(long) get_local_id(0)";
    }

    @Override
    public String blockSize() {
        return "(long) get_local_size(0)";
    }

    @Override
    public String blockIndex() {
        return "(long) get_group_id(0)";
    }

    @Override
    public String globalIndex() {
        return "(long) get_global_id(0)";
    }

    @Override
    public String globalSize() {
        return "(long) get_global_size(0)";
    }

    @Override
    public String stridedElementwiseTemplate() {
        return ELEMENTWISE_STRIDED;
    }

    @Override
    public String indexType() {
        return "long";
    }

    @Override
    public String elementwiseTemplate() {
        return ELEMENTWISE;
    }

    @Override
    public String labelledElementwiseTemplate() {
        return ELEMENTWISE_LOOP;
    }

    @Override
    public String reductionTemplate() {
        return REDUCTION;
    }

    @Override
    public String scanTemplate() {
        return SCAN;
    }
}
