package org.jgpuarray.kernels.c;

import org.jgpuarray.kernels.Dialect;

/**
 * The program templates of segmented reductions (see {@link SegmentedReductionSource}) in CUDA C++ and OpenCL C.
 * Placeholders: NAME, T, PARAMS_PREFIX, ALIASES (the dialect's views of its parameters: OpenCL's bool
 * arrays), MAP_PARAMS, MAP_ARGS, ELEMENT_PARAMS, ELEMENT_ARGS, NEUTRAL, REDUCE, MAP,
 * OUTER_BASE (sets {@code jga_base_x} of each array from the output {@code jga_o}) and INNER_AT (sets
 * {@code jga_at_x} from the inner position {@code jga_j}).
 *
 * <p>A block of {@code JGA_BLOCK} threads is {@code jga_lanes} lanes by {@code JGA_BLOCK / jga_lanes} rows,
 * lane fastest: lane {@code l} works for output {@code tile * lanes + l}, and the rows of a lane split the part
 * of that output's inner positions the block owns. With one lane a block reduces one output (its threads read
 * a segment's neighbouring elements); with 32, a warp reads 32 neighbouring outputs at once. The rows of each
 * lane are combined in local memory at the end.
 *
 * <p>OpenCL has a third kernel, {@code _columns}, for CPU devices when neighbouring outputs lie together in
 * memory: a work-item reduces a strip of {@code JGA_STRIP} neighbouring outputs over one part of the inner
 * positions, eight positions at a time combined pairwise, one accumulator per output and no barriers. Where every
 * array's stride along the last outer dimension is 1 and the strip lies in one run of that dimension, output k of
 * the strip is read at the first output's position plus the constant k, so the compiler sees each position's
 * {@code JGA_STRIP} elements side by side and reads them as vectors (on PoCL over 4096 x 4096 float32, 4x faster
 * than a work-group stepping through rows together with barriers, which PoCL vectorises across work-items). Other
 * strips (past the last output, across a run, other strides) reduce their outputs one at a time in the same
 * order; one unrolled strip body per program keeps the compile time down.
 */
final class SegmentedTemplates {
    private static final String CUDA = """
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

            __device__ __forceinline__ ${T} ${NAME}_element(long long jga_j, long long jga_inner${ELEMENT_PARAMS})
            {
            ${INNER_AT}
                return ${NAME}_map(jga_j, jga_inner${MAP_ARGS});
            }

            /* Combines the rows of each lane through jga_scratch; the result is valid in row 0. */
            __device__ __forceinline__ ${T} ${NAME}_rows_reduce(${T} jga_acc, ${T} *jga_scratch, int jga_lanes)
            {
                const int jga_t = threadIdx.x;
                jga_scratch[jga_t] = jga_acc;
                __syncthreads();
                for (int jga_s = JGA_BLOCK / 2; jga_s >= jga_lanes; jga_s >>= 1) {
                    if (jga_t < jga_s) {
                        jga_scratch[jga_t] = ${NAME}_reduce(jga_scratch[jga_t], jga_scratch[jga_t + jga_s]);
                    }
                    __syncthreads();
                }
                return jga_scratch[jga_t];
            }

            /* Part jga_part of the inner positions of every output, into jga_out[o * jga_parts + jga_part]. */
            extern "C" __global__ void __launch_bounds__(JGA_BLOCK) ${NAME}_segments(${PARAMS_PREFIX}${T} *jga_out, long long jga_outer, long long jga_inner, long long jga_parts, int jga_lanes)
            {
            ${ALIASES}    __shared__ ${T} jga_scratch[JGA_BLOCK];
                const int jga_rows = JGA_BLOCK / jga_lanes;
                const int jga_lane = threadIdx.x % jga_lanes;
                const int jga_row = threadIdx.x / jga_lanes;
                const long long jga_chunk = (jga_inner + jga_parts - 1) / jga_parts;
                const long long jga_groups = (jga_outer + jga_lanes - 1) / jga_lanes * jga_parts;
                for (long long jga_g = blockIdx.x; jga_g < jga_groups; jga_g += gridDim.x) {
                    const long long jga_tile = jga_g / jga_parts;
                    const long long jga_part = jga_g - jga_tile * jga_parts;
                    const long long jga_o = jga_tile * jga_lanes + jga_lane;
                    ${T} jga_acc = (${T}) (${NEUTRAL});
                    if (jga_o < jga_outer) {
            ${OUTER_BASE}
                        const long long jga_stop = (jga_part + 1) * jga_chunk;
                        const long long jga_end = jga_stop < jga_inner ? jga_stop : jga_inner;
                        long long jga_j = jga_part * jga_chunk + jga_row;
                        for (; jga_j + 3 * jga_rows < jga_end; jga_j += 4 * jga_rows) {
                            const ${T} jga_v0 = ${NAME}_element(jga_j, jga_inner${ELEMENT_ARGS});
                            const ${T} jga_v1 = ${NAME}_element(jga_j + jga_rows, jga_inner${ELEMENT_ARGS});
                            const ${T} jga_v2 = ${NAME}_element(jga_j + 2 * jga_rows, jga_inner${ELEMENT_ARGS});
                            const ${T} jga_v3 = ${NAME}_element(jga_j + 3 * jga_rows, jga_inner${ELEMENT_ARGS});
                            jga_acc = ${NAME}_reduce(jga_acc, ${NAME}_reduce(${NAME}_reduce(jga_v0, jga_v1), ${NAME}_reduce(jga_v2, jga_v3)));
                        }
                        for (; jga_j < jga_end; jga_j += jga_rows) {
                            jga_acc = ${NAME}_reduce(jga_acc, ${NAME}_element(jga_j, jga_inner${ELEMENT_ARGS}));
                        }
                    }
                    jga_acc = ${NAME}_rows_reduce(jga_acc, jga_scratch, jga_lanes);
                    if (jga_row == 0 && jga_o < jga_outer) {
                        jga_out[jga_o * jga_parts + jga_part] = jga_acc;
                    }
                    __syncthreads();
                }
            }

            /* Reduces the jga_parts partials of every output (a row of jga_in each) into jga_out[o]. */
            extern "C" __global__ void __launch_bounds__(JGA_BLOCK) ${NAME}_partials(const ${T} *jga_in, ${T} *jga_out, long long jga_outer, long long jga_parts, int jga_lanes)
            {
                __shared__ ${T} jga_scratch[JGA_BLOCK];
                const int jga_rows = JGA_BLOCK / jga_lanes;
                const int jga_lane = threadIdx.x % jga_lanes;
                const int jga_row = threadIdx.x / jga_lanes;
                const long long jga_tiles = (jga_outer + jga_lanes - 1) / jga_lanes;
                for (long long jga_tile = blockIdx.x; jga_tile < jga_tiles; jga_tile += gridDim.x) {
                    const long long jga_o = jga_tile * jga_lanes + jga_lane;
                    ${T} jga_acc = (${T}) (${NEUTRAL});
                    if (jga_o < jga_outer) {
                        for (long long jga_p = jga_row; jga_p < jga_parts; jga_p += jga_rows) {
                            jga_acc = ${NAME}_reduce(jga_acc, jga_in[jga_o * jga_parts + jga_p]);
                        }
                    }
                    jga_acc = ${NAME}_rows_reduce(jga_acc, jga_scratch, jga_lanes);
                    if (jga_row == 0 && jga_o < jga_outer) {
                        jga_out[jga_o] = jga_acc;
                    }
                    __syncthreads();
                }
            }
            """;

    private static final String OPENCL = """
            #ifndef JGA_BLOCK
            #define JGA_BLOCK 256
            #endif
            #ifndef JGA_STRIP
            #define JGA_STRIP ${STRIP_WIDTH}
            #endif

            ${T} ${NAME}_reduce(${T} a, ${T} b)
            {
                return (${T}) (${REDUCE});
            }

            ${T} ${NAME}_map(long i, long n${MAP_PARAMS})
            {
                return (${T}) (${MAP});
            }

            ${T} ${NAME}_element(long jga_j, long jga_inner${ELEMENT_PARAMS})
            {
            ${INNER_AT}
                return ${NAME}_map(jga_j, jga_inner${MAP_ARGS});
            }

            /* Combines the rows of each lane through jga_scratch; the result is valid in row 0. */
            ${T} ${NAME}_rows_reduce(${T} jga_acc, __local ${T} *jga_scratch, int jga_lanes)
            {
                const int jga_t = (int) get_local_id(0);
                jga_scratch[jga_t] = jga_acc;
                barrier(CLK_LOCAL_MEM_FENCE);
                for (int jga_s = JGA_BLOCK / 2; jga_s >= jga_lanes; jga_s >>= 1) {
                    if (jga_t < jga_s) {
                        jga_scratch[jga_t] = ${NAME}_reduce(jga_scratch[jga_t], jga_scratch[jga_t + jga_s]);
                    }
                    barrier(CLK_LOCAL_MEM_FENCE);
                }
                return jga_scratch[jga_t];
            }

            /* Part jga_part of the inner positions of every output, into jga_out[o * jga_parts + jga_part]. */
            __kernel __attribute__((reqd_work_group_size(JGA_BLOCK, 1, 1)))
            void ${NAME}_segments(${PARAMS_PREFIX}__global ${T} *jga_out, long jga_outer, long jga_inner, long jga_parts, int jga_lanes)
            {
            ${ALIASES}    __local ${T} jga_scratch[JGA_BLOCK];
                const int jga_rows = JGA_BLOCK / jga_lanes;
                const int jga_lane = (int) get_local_id(0) % jga_lanes;
                const int jga_row = (int) get_local_id(0) / jga_lanes;
                const long jga_chunk = (jga_inner + jga_parts - 1) / jga_parts;
                const long jga_groups = (jga_outer + jga_lanes - 1) / jga_lanes * jga_parts;
                for (long jga_g = (long) get_group_id(0); jga_g < jga_groups; jga_g += (long) get_num_groups(0)) {
                    const long jga_tile = jga_g / jga_parts;
                    const long jga_part = jga_g - jga_tile * jga_parts;
                    const long jga_o = jga_tile * jga_lanes + jga_lane;
                    ${T} jga_acc = (${T}) (${NEUTRAL});
                    if (jga_o < jga_outer) {
            ${OUTER_BASE}
                        const long jga_stop = (jga_part + 1) * jga_chunk;
                        const long jga_end = jga_stop < jga_inner ? jga_stop : jga_inner;
                        long jga_j = jga_part * jga_chunk + jga_row;
                        for (; jga_j + 3 * jga_rows < jga_end; jga_j += 4 * jga_rows) {
                            const ${T} jga_v0 = ${NAME}_element(jga_j, jga_inner${ELEMENT_ARGS});
                            const ${T} jga_v1 = ${NAME}_element(jga_j + jga_rows, jga_inner${ELEMENT_ARGS});
                            const ${T} jga_v2 = ${NAME}_element(jga_j + 2 * jga_rows, jga_inner${ELEMENT_ARGS});
                            const ${T} jga_v3 = ${NAME}_element(jga_j + 3 * jga_rows, jga_inner${ELEMENT_ARGS});
                            jga_acc = ${NAME}_reduce(jga_acc, ${NAME}_reduce(${NAME}_reduce(jga_v0, jga_v1), ${NAME}_reduce(jga_v2, jga_v3)));
                        }
                        for (; jga_j < jga_end; jga_j += jga_rows) {
                            jga_acc = ${NAME}_reduce(jga_acc, ${NAME}_element(jga_j, jga_inner${ELEMENT_ARGS}));
                        }
                    }
                    jga_acc = ${NAME}_rows_reduce(jga_acc, jga_scratch, jga_lanes);
                    if (jga_row == 0 && jga_o < jga_outer) {
                        jga_out[jga_o * jga_parts + jga_part] = jga_acc;
                    }
                    barrier(CLK_LOCAL_MEM_FENCE);
                }
            }

            /* Reduces rows [jga_j, jga_end) of one output in the order a strip reduces each of its outputs. */
            ${T} ${NAME}_column(long jga_j, long jga_end, long jga_inner${ELEMENT_PARAMS})
            {
                ${T} jga_acc = (${T}) (${NEUTRAL});
                for (; jga_j + 7 < jga_end; jga_j += 8) {
                    const ${T} jga_v0 = ${NAME}_element(jga_j, jga_inner${ELEMENT_ARGS});
                    const ${T} jga_v1 = ${NAME}_element(jga_j + 1, jga_inner${ELEMENT_ARGS});
                    const ${T} jga_v2 = ${NAME}_element(jga_j + 2, jga_inner${ELEMENT_ARGS});
                    const ${T} jga_v3 = ${NAME}_element(jga_j + 3, jga_inner${ELEMENT_ARGS});
                    const ${T} jga_v4 = ${NAME}_element(jga_j + 4, jga_inner${ELEMENT_ARGS});
                    const ${T} jga_v5 = ${NAME}_element(jga_j + 5, jga_inner${ELEMENT_ARGS});
                    const ${T} jga_v6 = ${NAME}_element(jga_j + 6, jga_inner${ELEMENT_ARGS});
                    const ${T} jga_v7 = ${NAME}_element(jga_j + 7, jga_inner${ELEMENT_ARGS});
                    jga_acc = ${NAME}_reduce(jga_acc, ${NAME}_reduce(
                            ${NAME}_reduce(${NAME}_reduce(jga_v0, jga_v1), ${NAME}_reduce(jga_v2, jga_v3)),
                            ${NAME}_reduce(${NAME}_reduce(jga_v4, jga_v5), ${NAME}_reduce(jga_v6, jga_v7))));
                }
                for (; jga_j < jga_end; jga_j++) {
                    jga_acc = ${NAME}_reduce(jga_acc, ${NAME}_element(jga_j, jga_inner${ELEMENT_ARGS}));
                }
                return jga_acc;
            }

            /*
             * Reduces rows [jga_j, jga_end) of JGA_STRIP outputs into jga_acc[k], output k at the bases plus k.
             * Always inlined (too large for the inliner's own choice), so that the accumulators live in registers.
             * Unrolled over the strip only where the inner positions are one axis (STRIP_UNROLL): with more, every
             * element decomposes its position, and 512 unrolled copies took PoCL minutes to compile.
             */
            __attribute__((always_inline)) void ${NAME}_strip(${T} *jga_acc, long jga_j, long jga_end, long jga_inner${ELEMENT_PARAMS})
            {
                for (; jga_j + 7 < jga_end; jga_j += 8) {
                    ${STRIP_UNROLL}
                    for (int jga_k = 0; jga_k < JGA_STRIP; jga_k++) {
                        const ${T} jga_v0 = ${NAME}_element(jga_j, jga_inner${STRIP_ELEMENT_ARGS});
                        const ${T} jga_v1 = ${NAME}_element(jga_j + 1, jga_inner${STRIP_ELEMENT_ARGS});
                        const ${T} jga_v2 = ${NAME}_element(jga_j + 2, jga_inner${STRIP_ELEMENT_ARGS});
                        const ${T} jga_v3 = ${NAME}_element(jga_j + 3, jga_inner${STRIP_ELEMENT_ARGS});
                        const ${T} jga_v4 = ${NAME}_element(jga_j + 4, jga_inner${STRIP_ELEMENT_ARGS});
                        const ${T} jga_v5 = ${NAME}_element(jga_j + 5, jga_inner${STRIP_ELEMENT_ARGS});
                        const ${T} jga_v6 = ${NAME}_element(jga_j + 6, jga_inner${STRIP_ELEMENT_ARGS});
                        const ${T} jga_v7 = ${NAME}_element(jga_j + 7, jga_inner${STRIP_ELEMENT_ARGS});
                        jga_acc[jga_k] = ${NAME}_reduce(jga_acc[jga_k], ${NAME}_reduce(
                                ${NAME}_reduce(${NAME}_reduce(jga_v0, jga_v1), ${NAME}_reduce(jga_v2, jga_v3)),
                                ${NAME}_reduce(${NAME}_reduce(jga_v4, jga_v5), ${NAME}_reduce(jga_v6, jga_v7))));
                    }
                }
                for (; jga_j < jga_end; jga_j++) {
                    ${STRIP_UNROLL}
                    for (int jga_k = 0; jga_k < JGA_STRIP; jga_k++) {
                        jga_acc[jga_k] = ${NAME}_reduce(jga_acc[jga_k], ${NAME}_element(jga_j, jga_inner${STRIP_ELEMENT_ARGS}));
                    }
                }
            }

            /* Part jga_part of the inner positions of JGA_STRIP neighbouring outputs per work-item. */
            __kernel void ${NAME}_columns(${PARAMS_PREFIX}__global ${T} *jga_out, long jga_outer, long jga_inner, long jga_parts)
            {
            ${ALIASES}    const long jga_chunk = (jga_inner + jga_parts - 1) / jga_parts;
                const long jga_tiles = (jga_outer + JGA_STRIP - 1) / JGA_STRIP;
                for (long jga_g = (long) get_global_id(0); jga_g < jga_tiles * jga_parts; jga_g += (long) get_global_size(0)) {
                    const long jga_part = jga_g / jga_tiles;
                    const long jga_first = (jga_g - jga_part * jga_tiles) * JGA_STRIP;
                    const long jga_start = jga_part * jga_chunk;
                    const long jga_stop = jga_start + jga_chunk;
                    const long jga_end = jga_stop < jga_inner ? jga_stop : jga_inner;
                    if (jga_first + JGA_STRIP <= jga_outer && (${STRIP_WITHIN}) && (${STRIP_UNIT})) {
                        ${T} jga_acc[JGA_STRIP];
                        #pragma unroll
                        for (int jga_k = 0; jga_k < JGA_STRIP; jga_k++) {
                            jga_acc[jga_k] = (${T}) (${NEUTRAL});
                        }
                        const long jga_o = jga_first;
            ${OUTER_BASE}
                        ${NAME}_strip(jga_acc, jga_start, jga_end, jga_inner${ELEMENT_ARGS});
                        #pragma unroll
                        for (int jga_k = 0; jga_k < JGA_STRIP; jga_k++) {
                            jga_out[(jga_first + jga_k) * jga_parts + jga_part] = jga_acc[jga_k];
                        }
                    } else {
                        for (long jga_o = jga_first; jga_o < jga_first + JGA_STRIP && jga_o < jga_outer; jga_o++) {
            ${OUTPUT_BASE}
                            jga_out[jga_o * jga_parts + jga_part] = ${NAME}_column(jga_start, jga_end, jga_inner${ELEMENT_ARGS});
                        }
                    }
                }
            }

            /* Reduces the jga_parts partials of every output (a row of jga_in each) into jga_out[o]. */
            __kernel __attribute__((reqd_work_group_size(JGA_BLOCK, 1, 1)))
            void ${NAME}_partials(__global const ${T} *jga_in, __global ${T} *jga_out, long jga_outer, long jga_parts, int jga_lanes)
            {
                __local ${T} jga_scratch[JGA_BLOCK];
                const int jga_rows = JGA_BLOCK / jga_lanes;
                const int jga_lane = (int) get_local_id(0) % jga_lanes;
                const int jga_row = (int) get_local_id(0) / jga_lanes;
                const long jga_tiles = (jga_outer + jga_lanes - 1) / jga_lanes;
                for (long jga_tile = (long) get_group_id(0); jga_tile < jga_tiles; jga_tile += (long) get_num_groups(0)) {
                    const long jga_o = jga_tile * jga_lanes + jga_lane;
                    ${T} jga_acc = (${T}) (${NEUTRAL});
                    if (jga_o < jga_outer) {
                        for (long jga_p = jga_row; jga_p < jga_parts; jga_p += jga_rows) {
                            jga_acc = ${NAME}_reduce(jga_acc, jga_in[jga_o * jga_parts + jga_p]);
                        }
                    }
                    jga_acc = ${NAME}_rows_reduce(jga_acc, jga_scratch, jga_lanes);
                    if (jga_row == 0 && jga_o < jga_outer) {
                        jga_out[jga_o] = jga_acc;
                    }
                    barrier(CLK_LOCAL_MEM_FENCE);
                }
            }
            """;

    private SegmentedTemplates() {
    }

    /** The template of {@code dialect}: CUDA or OPENCL. */
    static String of(Dialect dialect) {
        return dialect == Dialect.CUDA ? CUDA : OPENCL;
    }
}
