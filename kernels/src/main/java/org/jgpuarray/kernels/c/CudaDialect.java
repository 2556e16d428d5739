package org.jgpuarray.kernels.c;

import org.jgpuarray.kernels.Dialect;
import org.jgpuarray.kernels.ScalarType;

/** CUDA C++ as compiled by NVRTC or nvcc: warp shuffles for block reductions and scans. */
final class CudaDialect implements GpuDialect {
    static final CudaDialect INSTANCE = new CudaDialect();

    private static final String PRELUDE = """
            // jgpuarray CUDA prelude: the portable snippet vocabulary
            #ifndef INFINITY
            #define INFINITY __int_as_float(0x7f800000)
            #endif
            #ifndef NAN
            #define NAN __int_as_float(0x7fffffff)
            #endif
            #ifndef M_PI
            #define M_PI 3.14159265358979323846
            #endif
            #ifndef M_E
            #define M_E 2.71828182845904523536
            #endif
            #define M_PI_F 3.14159265358979323846f
            #ifndef FLT_MAX
            #define FLT_MAX 3.402823466e+38f
            #endif
            #ifndef FLT_MIN
            #define FLT_MIN 1.175494351e-38f
            #endif
            #ifndef FLT_EPSILON
            #define FLT_EPSILON 1.192092896e-07f
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
            #ifndef INT_MAX
            #define INT_MAX 2147483647
            #endif
            #ifndef INT_MIN
            #define INT_MIN (-2147483647 - 1)
            #endif
            #ifndef LLONG_MAX
            #define LLONG_MAX 9223372036854775807LL
            #endif
            #ifndef LLONG_MIN
            #define LLONG_MIN (-9223372036854775807LL - 1LL)
            #endif
            #ifdef __CUDACC_RTC__
            typedef int int32_t;
            typedef long long int64_t;
            #else
            #include <stdint.h>
            #endif
            // min, max and abs of any snippet types, as on the CPU and OpenCL: C's usual arithmetic
            // conversions (CUDA overloads only some pairs, so min(long, long) or min(int, float) are
            // ambiguous), fminf semantics on floats (a NaN operand gives the other one). CUDA's own exact
            // overloads still win; these templates (C++03, for NVRTC 11's default) catch the rest.
            template <class T> struct jga_rank { enum { value = 0 }; };
            template <> struct jga_rank<bool> { enum { value = 1 }; typedef int type; };
            template <> struct jga_rank<int> { enum { value = 1 }; typedef int type; };
            template <> struct jga_rank<long> { enum { value = 2 }; typedef long type; };
            template <> struct jga_rank<long long> { enum { value = 3 }; typedef long long type; };
            template <> struct jga_rank<float> { enum { value = 4 }; typedef float type; };
            template <> struct jga_rank<double> { enum { value = 5 }; typedef double type; };
            template <class A, class B, bool SNIPPET_TYPES = (jga_rank<A>::value > 0 && jga_rank<B>::value > 0)>
            struct jga_common { };
            template <class A, class B> struct jga_common<A, B, true>
            {
                typedef typename jga_rank<A>::type PA;
                typedef typename jga_rank<B>::type PB;
                template <bool FIRST, class X, class Y> struct pick { typedef X type; };
                template <class X, class Y> struct pick<false, X, Y> { typedef Y type; };
                typedef typename pick<(jga_rank<A>::value >= jga_rank<B>::value), PA, PB>::type type;
            };
            template <class A, class B> __device__ __forceinline__ typename jga_common<A, B>::type min(A a, B b)
            {
                typedef typename jga_common<A, B>::type T;
                return (T) b != (T) b || (T) a < (T) b ? (T) a : (T) b;
            }
            template <class A, class B> __device__ __forceinline__ typename jga_common<A, B>::type max(A a, B b)
            {
                typedef typename jga_common<A, B>::type T;
                return (T) b != (T) b || (T) a > (T) b ? (T) a : (T) b;
            }
            template <class T> __device__ __forceinline__ typename jga_rank<T>::type abs(T x)
            {
                return x < 0 ? -x : +x;
            }
            // copysign and pow of a floating and an integer argument, which CUDA finds ambiguous: the
            // floating argument's type, as in OpenCL C and on the CPU
            template <class T> struct jga_floating { enum { value = 0 }; };
            template <> struct jga_floating<float> { enum { value = 1 }; };
            template <> struct jga_floating<double> { enum { value = 2 }; };
            template <class A, class B, int FA = jga_floating<A>::value, int FB = jga_floating<B>::value,
                      bool SNIPPET_TYPES = (jga_rank<A>::value > 0 && jga_rank<B>::value > 0)>
            struct jga_mixed { };
            template <class A, class B> struct jga_mixed<A, B, 1, 0, true> { typedef float type; };
            template <class A, class B> struct jga_mixed<A, B, 0, 1, true> { typedef float type; };
            template <class A, class B> struct jga_mixed<A, B, 2, 0, true> { typedef double type; };
            template <class A, class B> struct jga_mixed<A, B, 0, 2, true> { typedef double type; };
            template <class A, class B> __device__ __forceinline__ typename jga_mixed<A, B>::type copysign(A a, B b)
            {
                typedef typename jga_mixed<A, B>::type T;
                return copysign((T) a, (T) b);
            }
            template <class A, class B> __device__ __forceinline__ typename jga_mixed<A, B>::type pow(A a, B b)
            {
                typedef typename jga_mixed<A, B>::type T;
                return pow((T) a, (T) b);
            }
            """;

    private static final String ELEMENTWISE = """
            extern "C" __global__ void ${NAME}(${PARAMS})
            {
            ${ALIASES}    long long i = 0;
                (void) i;
            ${LOOP_PREP}
                for (i = (long long) blockIdx.x * blockDim.x + threadIdx.x; i < n; i += (long long) blockDim.x * gridDim.x) {
            ${OPERATION};
                }
            ${AFTER_LOOP}
            }
            """;

    private static final String ELEMENTWISE_STRIDED = """
            extern "C" __global__ void ${NAME}(${PARAMS})
            {
            ${ALIASES}    long long i = 0;
                (void) i;
            ${LOOP_PREP}
            ${LOOP}
            ${AFTER_LOOP}
            }
            """;

    private static final String REDUCTION = """
            #ifndef JGA_BLOCK
            #define JGA_BLOCK 256
            #endif

            __device__ __forceinline__ ${T} ${NAME}_reduce(${T} a, ${T} b)
            {
                return (${T}) (${REDUCE});
            }

            __device__ __forceinline__ ${T} ${NAME}_map(long long i, long long n${MAP_PARAMS})
            {
                return (${T}) (${MAP});
            }

            __device__ __forceinline__ ${T} ${NAME}_warp_reduce(${T} jga_acc)
            {
                for (int jga_offset = 16; jga_offset > 0; jga_offset >>= 1) {
                    jga_acc = ${NAME}_reduce(jga_acc, __shfl_down_sync(0xffffffffu, jga_acc, jga_offset));
                }
                return jga_acc;
            }

            /* Valid in thread 0 only. */
            __device__ __forceinline__ ${T} ${NAME}_block_reduce(${T} jga_acc)
            {
                __shared__ ${T} jga_warp_totals[32];
                const int jga_lane = threadIdx.x & 31;
                const int jga_warp = threadIdx.x >> 5;
                jga_acc = ${NAME}_warp_reduce(jga_acc);
                if (jga_lane == 0) {
                    jga_warp_totals[jga_warp] = jga_acc;
                }
                __syncthreads();
                if (jga_warp == 0) {
                    jga_acc = jga_lane < (JGA_BLOCK >> 5) ? jga_warp_totals[jga_lane] : (${T}) (${NEUTRAL});
                    jga_acc = ${NAME}_warp_reduce(jga_acc);
                }
                return jga_acc;
            }

            extern "C" __global__ void __launch_bounds__(JGA_BLOCK) ${NAME}_stage1(${PARAMS_PREFIX}${T} *jga_partials, long long n)
            {
            ${ALIASES}    const long long jga_stride = (long long) JGA_BLOCK * gridDim.x;
                long long jga_i = (long long) blockIdx.x * JGA_BLOCK + threadIdx.x;
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
                jga_acc = ${NAME}_block_reduce(jga_acc);
                if (threadIdx.x == 0) {
                    jga_partials[blockIdx.x] = jga_acc;
                }
            }

            extern "C" __global__ void __launch_bounds__(JGA_BLOCK) ${NAME}_stage2(const ${T} *jga_in, ${T} *jga_out, long long n)
            {
                ${T} jga_acc = (${T}) (${NEUTRAL});
                for (long long jga_i = threadIdx.x; jga_i < n; jga_i += JGA_BLOCK) {
                    jga_acc = ${NAME}_reduce(jga_acc, jga_in[jga_i]);
                }
                jga_acc = ${NAME}_block_reduce(jga_acc);
                if (threadIdx.x == 0) {
                    jga_out[0] = jga_acc;
                }
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

            __device__ __forceinline__ ${T} ${NAME}_op(${T} a, ${T} b)
            {
                return (${T}) (${SCAN});
            }

            __device__ __forceinline__ ${T} ${NAME}_warp_inclusive(${T} jga_v, int jga_lane)
            {
                for (int jga_offset = 1; jga_offset < 32; jga_offset <<= 1) {
                    const ${T} jga_y = __shfl_up_sync(0xffffffffu, jga_v, jga_offset);
                    if (jga_lane >= jga_offset) {
                        jga_v = ${NAME}_op(jga_y, jga_v);
                    }
                }
                return jga_v;
            }

            /*
             * Scans each tile of JGA_TILE elements (in == out allowed) and writes each tile's total. The input is rows
             * (segments) of n elements, each scanned on its own: block b scans tile b % tiles of row b / tiles.
             */
            extern "C" __global__ void __launch_bounds__(JGA_BLOCK) ${NAME}_tiles(const ${T} *jga_in, ${T} *jga_out, ${T} *jga_tile_totals, long long n, int jga_inclusive)
            {
                __shared__ ${T} jga_tile[JGA_PAD(JGA_TILE)];
                __shared__ ${T} jga_warp_totals[32];
                const long long jga_tiles = (n + JGA_TILE - 1) / JGA_TILE;
                const long long jga_segment = (long long) blockIdx.x / jga_tiles;
                const long long jga_start = ((long long) blockIdx.x - jga_segment * jga_tiles) * JGA_TILE;
                const long long jga_base = jga_segment * n + jga_start;
                const int jga_t = threadIdx.x;
                const int jga_lane = jga_t & 31;
                const int jga_warp = jga_t >> 5;
                for (int jga_k = 0; jga_k < JGA_ITEMS; jga_k++) {
                    const int jga_local = jga_k * JGA_BLOCK + jga_t;
                    const long long jga_g = jga_base + jga_local;
                    jga_tile[JGA_PAD(jga_local)] = jga_start + jga_local < n ? jga_in[jga_g] : (${T}) (${NEUTRAL});
                }
                __syncthreads();
                ${T} jga_total = (${T}) (${NEUTRAL});
                for (int jga_k = 0; jga_k < JGA_ITEMS; jga_k++) {
                    jga_total = ${NAME}_op(jga_total, jga_tile[JGA_PAD(jga_t * JGA_ITEMS + jga_k)]);
                }
                const ${T} jga_inclusive_in_warp = ${NAME}_warp_inclusive(jga_total, jga_lane);
                ${T} jga_prefix = __shfl_up_sync(0xffffffffu, jga_inclusive_in_warp, 1);
                if (jga_lane == 0) {
                    jga_prefix = (${T}) (${NEUTRAL});
                }
                if (jga_lane == 31) {
                    jga_warp_totals[jga_warp] = jga_inclusive_in_warp;
                }
                __syncthreads();
                if (jga_warp == 0) {
                    const ${T} jga_w = jga_lane < (JGA_BLOCK >> 5) ? jga_warp_totals[jga_lane] : (${T}) (${NEUTRAL});
                    jga_warp_totals[jga_lane] = ${NAME}_warp_inclusive(jga_w, jga_lane);
                }
                __syncthreads();
                if (jga_warp > 0) {
                    jga_prefix = ${NAME}_op(jga_warp_totals[jga_warp - 1], jga_prefix);
                }
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
                __syncthreads();
                for (int jga_k = 0; jga_k < JGA_ITEMS; jga_k++) {
                    const int jga_local = jga_k * JGA_BLOCK + jga_t;
                    const long long jga_g = jga_base + jga_local;
                    if (jga_start + jga_local < n) {
                        jga_out[jga_g] = jga_tile[JGA_PAD(jga_local)];
                    }
                }
                if (jga_t == 0) {
                    jga_tile_totals[blockIdx.x] = jga_warp_totals[(JGA_BLOCK >> 5) - 1];
                }
            }

            /*
             * Combines every tile after a row's first with the inclusive scan of the row's tile totals before it: block b
             * takes tile b % (tiles - 1) + 1 of row b / (tiles - 1).
             */
            extern "C" __global__ void __launch_bounds__(JGA_BLOCK) ${NAME}_add_offsets(${T} *jga_out, const ${T} *jga_scanned_totals, long long n)
            {
                const long long jga_tiles = (n + JGA_TILE - 1) / JGA_TILE;
                const long long jga_segment = (long long) blockIdx.x / (jga_tiles - 1);
                const long long jga_tile_index = (long long) blockIdx.x - jga_segment * (jga_tiles - 1) + 1;
                const ${T} jga_offset = jga_scanned_totals[jga_segment * jga_tiles + jga_tile_index - 1];
                for (int jga_k = 0; jga_k < JGA_ITEMS; jga_k++) {
                    const long long jga_local = jga_tile_index * JGA_TILE + jga_k * JGA_BLOCK + threadIdx.x;
                    if (jga_local < n) {
                        jga_out[jga_segment * n + jga_local] = ${NAME}_op(jga_offset, jga_out[jga_segment * n + jga_local]);
                    }
                }
            }

            /* Scans each of jga_segments rows of n elements alone, one thread per row (in == out allowed). */
            extern "C" __global__ void __launch_bounds__(JGA_BLOCK) ${NAME}_rows(const ${T} *jga_in, ${T} *jga_out, long long jga_segments, long long n, int jga_inclusive)
            {
                for (long long jga_s = (long long) blockIdx.x * JGA_BLOCK + threadIdx.x; jga_s < jga_segments; jga_s += (long long) JGA_BLOCK * gridDim.x) {
                    ${T} jga_prefix = (${T}) (${NEUTRAL});
                    for (long long jga_g = jga_s * n; jga_g < (jga_s + 1) * n; jga_g++) {
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

    private CudaDialect() {
    }

    @Override
    public Dialect dialect() {
        return Dialect.CUDA;
    }

    @Override
    public String prelude() {
        return PRELUDE;
    }

    @Override
    public String preamble(String userPreamble) {
        return CudaPreamble.qualify(userPreamble);
    }

    @Override
    public String pointer(ScalarType type) {
        return type.nameIn(Dialect.CUDA) + " *";
    }

    @Override
    public String lane() {
        return "(long long) threadIdx.x";
    }

    @Override
    public String blockSize() {
        return "(long long) blockDim.x";
    }

    @Override
    public String blockIndex() {
        return "(long long) blockIdx.x";
    }

    @Override
    public String globalIndex() {
        return "(long long) blockIdx.x * blockDim.x + threadIdx.x";
    }

    @Override
    public String globalSize() {
        return "(long long) blockDim.x * gridDim.x";
    }

    @Override
    public String stridedElementwiseTemplate() {
        return ELEMENTWISE_STRIDED;
    }

    @Override
    public String indexType() {
        return "long long";
    }

    @Override
    public String elementwiseTemplate() {
        return ELEMENTWISE;
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
