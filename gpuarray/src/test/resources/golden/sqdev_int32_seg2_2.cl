
// user preamble
double jga_square_float64(double d) { return d * d; }

// jgpuarray kernel 'sqdev_int32_seg2_2'
#ifndef JGA_BLOCK
#define JGA_BLOCK 256
#endif
#ifndef JGA_STRIP
#define JGA_STRIP 64
#endif

double jga_sqdev_int32_seg2_2_ee5593a0d89a_reduce(double a, double b)
{
    return (double) (a + b);
}

double jga_sqdev_int32_seg2_2_ee5593a0d89a_map(long i, long n, long jga_at_x, long jga_at_m, __global int *x, __global double *m, long jga_shape0, long jga_shape1, long jga_shape2, long jga_shape3, long jga_off_x, long jga_st0_x, long jga_st1_x, long jga_st2_x, long jga_st3_x, long jga_off_m, long jga_st0_m, long jga_st1_m, long jga_st2_m, long jga_st3_m)
{
    return (double) (jga_square_float64(((double) x[jga_at_x]) - m[jga_at_m]));
}

double jga_sqdev_int32_seg2_2_ee5593a0d89a_element(long jga_j, long jga_inner, long jga_base_x, long jga_base_m, __global int *x, __global double *m, long jga_shape0, long jga_shape1, long jga_shape2, long jga_shape3, long jga_off_x, long jga_st0_x, long jga_st1_x, long jga_st2_x, long jga_st3_x, long jga_off_m, long jga_st0_m, long jga_st1_m, long jga_st2_m, long jga_st3_m)
{
    long jga_at_x = jga_base_x;
    long jga_at_m = jga_base_m;
    {
        long jga_rest = jga_j;
        {
            long jga_c = jga_rest % jga_shape3;
            jga_rest /= jga_shape3;
            jga_at_x += jga_c * jga_st3_x;
            jga_at_m += jga_c * jga_st3_m;
        }
        jga_at_x += jga_rest * jga_st2_x;
        jga_at_m += jga_rest * jga_st2_m;
    }
    return jga_sqdev_int32_seg2_2_ee5593a0d89a_map(jga_j, jga_inner, jga_at_x, jga_at_m, x, m, jga_shape0, jga_shape1, jga_shape2, jga_shape3, jga_off_x, jga_st0_x, jga_st1_x, jga_st2_x, jga_st3_x, jga_off_m, jga_st0_m, jga_st1_m, jga_st2_m, jga_st3_m);
}

/* Combines the rows of each lane through jga_scratch; the result is valid in row 0. */
double jga_sqdev_int32_seg2_2_ee5593a0d89a_rows_reduce(double jga_acc, __local double *jga_scratch, int jga_lanes)
{
    const int jga_t = (int) get_local_id(0);
    jga_scratch[jga_t] = jga_acc;
    barrier(CLK_LOCAL_MEM_FENCE);
    for (int jga_s = JGA_BLOCK / 2; jga_s >= jga_lanes; jga_s >>= 1) {
        if (jga_t < jga_s) {
            jga_scratch[jga_t] = jga_sqdev_int32_seg2_2_ee5593a0d89a_reduce(jga_scratch[jga_t], jga_scratch[jga_t + jga_s]);
        }
        barrier(CLK_LOCAL_MEM_FENCE);
    }
    return jga_scratch[jga_t];
}

/* Part jga_part of the inner positions of every output, into jga_out[o * jga_parts + jga_part]. */
__kernel __attribute__((reqd_work_group_size(JGA_BLOCK, 1, 1)))
void jga_sqdev_int32_seg2_2_ee5593a0d89a_segments(__global int *x, __global double *m, long jga_shape0, long jga_shape1, long jga_shape2, long jga_shape3, long jga_off_x, long jga_st0_x, long jga_st1_x, long jga_st2_x, long jga_st3_x, long jga_off_m, long jga_st0_m, long jga_st1_m, long jga_st2_m, long jga_st3_m, __global double *jga_out, long jga_outer, long jga_inner, long jga_parts, int jga_lanes)
{
    __local double jga_scratch[JGA_BLOCK];
    const int jga_rows = JGA_BLOCK / jga_lanes;
    const int jga_lane = (int) get_local_id(0) % jga_lanes;
    const int jga_row = (int) get_local_id(0) / jga_lanes;
    const long jga_chunk = (jga_inner + jga_parts - 1) / jga_parts;
    const long jga_groups = (jga_outer + jga_lanes - 1) / jga_lanes * jga_parts;
    for (long jga_g = (long) get_group_id(0); jga_g < jga_groups; jga_g += (long) get_num_groups(0)) {
        const long jga_tile = jga_g / jga_parts;
        const long jga_part = jga_g - jga_tile * jga_parts;
        const long jga_o = jga_tile * jga_lanes + jga_lane;
        double jga_acc = (double) (0);
        if (jga_o < jga_outer) {
            long jga_base_x = jga_off_x;
            long jga_base_m = jga_off_m;
            {
                long jga_rest = jga_o;
                {
                    long jga_c = jga_rest % jga_shape1;
                    jga_rest /= jga_shape1;
                    jga_base_x += jga_c * jga_st1_x;
                    jga_base_m += jga_c * jga_st1_m;
                }
                jga_base_x += jga_rest * jga_st0_x;
                jga_base_m += jga_rest * jga_st0_m;
            }
            const long jga_stop = (jga_part + 1) * jga_chunk;
            const long jga_end = jga_stop < jga_inner ? jga_stop : jga_inner;
            long jga_j = jga_part * jga_chunk + jga_row;
            for (; jga_j + 3 * jga_rows < jga_end; jga_j += 4 * jga_rows) {
                const double jga_v0 = jga_sqdev_int32_seg2_2_ee5593a0d89a_element(jga_j, jga_inner, jga_base_x, jga_base_m, x, m, jga_shape0, jga_shape1, jga_shape2, jga_shape3, jga_off_x, jga_st0_x, jga_st1_x, jga_st2_x, jga_st3_x, jga_off_m, jga_st0_m, jga_st1_m, jga_st2_m, jga_st3_m);
                const double jga_v1 = jga_sqdev_int32_seg2_2_ee5593a0d89a_element(jga_j + jga_rows, jga_inner, jga_base_x, jga_base_m, x, m, jga_shape0, jga_shape1, jga_shape2, jga_shape3, jga_off_x, jga_st0_x, jga_st1_x, jga_st2_x, jga_st3_x, jga_off_m, jga_st0_m, jga_st1_m, jga_st2_m, jga_st3_m);
                const double jga_v2 = jga_sqdev_int32_seg2_2_ee5593a0d89a_element(jga_j + 2 * jga_rows, jga_inner, jga_base_x, jga_base_m, x, m, jga_shape0, jga_shape1, jga_shape2, jga_shape3, jga_off_x, jga_st0_x, jga_st1_x, jga_st2_x, jga_st3_x, jga_off_m, jga_st0_m, jga_st1_m, jga_st2_m, jga_st3_m);
                const double jga_v3 = jga_sqdev_int32_seg2_2_ee5593a0d89a_element(jga_j + 3 * jga_rows, jga_inner, jga_base_x, jga_base_m, x, m, jga_shape0, jga_shape1, jga_shape2, jga_shape3, jga_off_x, jga_st0_x, jga_st1_x, jga_st2_x, jga_st3_x, jga_off_m, jga_st0_m, jga_st1_m, jga_st2_m, jga_st3_m);
                jga_acc = jga_sqdev_int32_seg2_2_ee5593a0d89a_reduce(jga_acc, jga_sqdev_int32_seg2_2_ee5593a0d89a_reduce(jga_sqdev_int32_seg2_2_ee5593a0d89a_reduce(jga_v0, jga_v1), jga_sqdev_int32_seg2_2_ee5593a0d89a_reduce(jga_v2, jga_v3)));
            }
            for (; jga_j < jga_end; jga_j += jga_rows) {
                jga_acc = jga_sqdev_int32_seg2_2_ee5593a0d89a_reduce(jga_acc, jga_sqdev_int32_seg2_2_ee5593a0d89a_element(jga_j, jga_inner, jga_base_x, jga_base_m, x, m, jga_shape0, jga_shape1, jga_shape2, jga_shape3, jga_off_x, jga_st0_x, jga_st1_x, jga_st2_x, jga_st3_x, jga_off_m, jga_st0_m, jga_st1_m, jga_st2_m, jga_st3_m));
            }
        }
        jga_acc = jga_sqdev_int32_seg2_2_ee5593a0d89a_rows_reduce(jga_acc, jga_scratch, jga_lanes);
        if (jga_row == 0 && jga_o < jga_outer) {
            jga_out[jga_o * jga_parts + jga_part] = jga_acc;
        }
        barrier(CLK_LOCAL_MEM_FENCE);
    }
}

/* Reduces rows [jga_j, jga_end) of one output in the order a strip reduces each of its outputs. */
double jga_sqdev_int32_seg2_2_ee5593a0d89a_column(long jga_j, long jga_end, long jga_inner, long jga_base_x, long jga_base_m, __global int *x, __global double *m, long jga_shape0, long jga_shape1, long jga_shape2, long jga_shape3, long jga_off_x, long jga_st0_x, long jga_st1_x, long jga_st2_x, long jga_st3_x, long jga_off_m, long jga_st0_m, long jga_st1_m, long jga_st2_m, long jga_st3_m)
{
    double jga_acc = (double) (0);
    for (; jga_j + 7 < jga_end; jga_j += 8) {
        const double jga_v0 = jga_sqdev_int32_seg2_2_ee5593a0d89a_element(jga_j, jga_inner, jga_base_x, jga_base_m, x, m, jga_shape0, jga_shape1, jga_shape2, jga_shape3, jga_off_x, jga_st0_x, jga_st1_x, jga_st2_x, jga_st3_x, jga_off_m, jga_st0_m, jga_st1_m, jga_st2_m, jga_st3_m);
        const double jga_v1 = jga_sqdev_int32_seg2_2_ee5593a0d89a_element(jga_j + 1, jga_inner, jga_base_x, jga_base_m, x, m, jga_shape0, jga_shape1, jga_shape2, jga_shape3, jga_off_x, jga_st0_x, jga_st1_x, jga_st2_x, jga_st3_x, jga_off_m, jga_st0_m, jga_st1_m, jga_st2_m, jga_st3_m);
        const double jga_v2 = jga_sqdev_int32_seg2_2_ee5593a0d89a_element(jga_j + 2, jga_inner, jga_base_x, jga_base_m, x, m, jga_shape0, jga_shape1, jga_shape2, jga_shape3, jga_off_x, jga_st0_x, jga_st1_x, jga_st2_x, jga_st3_x, jga_off_m, jga_st0_m, jga_st1_m, jga_st2_m, jga_st3_m);
        const double jga_v3 = jga_sqdev_int32_seg2_2_ee5593a0d89a_element(jga_j + 3, jga_inner, jga_base_x, jga_base_m, x, m, jga_shape0, jga_shape1, jga_shape2, jga_shape3, jga_off_x, jga_st0_x, jga_st1_x, jga_st2_x, jga_st3_x, jga_off_m, jga_st0_m, jga_st1_m, jga_st2_m, jga_st3_m);
        const double jga_v4 = jga_sqdev_int32_seg2_2_ee5593a0d89a_element(jga_j + 4, jga_inner, jga_base_x, jga_base_m, x, m, jga_shape0, jga_shape1, jga_shape2, jga_shape3, jga_off_x, jga_st0_x, jga_st1_x, jga_st2_x, jga_st3_x, jga_off_m, jga_st0_m, jga_st1_m, jga_st2_m, jga_st3_m);
        const double jga_v5 = jga_sqdev_int32_seg2_2_ee5593a0d89a_element(jga_j + 5, jga_inner, jga_base_x, jga_base_m, x, m, jga_shape0, jga_shape1, jga_shape2, jga_shape3, jga_off_x, jga_st0_x, jga_st1_x, jga_st2_x, jga_st3_x, jga_off_m, jga_st0_m, jga_st1_m, jga_st2_m, jga_st3_m);
        const double jga_v6 = jga_sqdev_int32_seg2_2_ee5593a0d89a_element(jga_j + 6, jga_inner, jga_base_x, jga_base_m, x, m, jga_shape0, jga_shape1, jga_shape2, jga_shape3, jga_off_x, jga_st0_x, jga_st1_x, jga_st2_x, jga_st3_x, jga_off_m, jga_st0_m, jga_st1_m, jga_st2_m, jga_st3_m);
        const double jga_v7 = jga_sqdev_int32_seg2_2_ee5593a0d89a_element(jga_j + 7, jga_inner, jga_base_x, jga_base_m, x, m, jga_shape0, jga_shape1, jga_shape2, jga_shape3, jga_off_x, jga_st0_x, jga_st1_x, jga_st2_x, jga_st3_x, jga_off_m, jga_st0_m, jga_st1_m, jga_st2_m, jga_st3_m);
        jga_acc = jga_sqdev_int32_seg2_2_ee5593a0d89a_reduce(jga_acc, jga_sqdev_int32_seg2_2_ee5593a0d89a_reduce(
                jga_sqdev_int32_seg2_2_ee5593a0d89a_reduce(jga_sqdev_int32_seg2_2_ee5593a0d89a_reduce(jga_v0, jga_v1), jga_sqdev_int32_seg2_2_ee5593a0d89a_reduce(jga_v2, jga_v3)),
                jga_sqdev_int32_seg2_2_ee5593a0d89a_reduce(jga_sqdev_int32_seg2_2_ee5593a0d89a_reduce(jga_v4, jga_v5), jga_sqdev_int32_seg2_2_ee5593a0d89a_reduce(jga_v6, jga_v7))));
    }
    for (; jga_j < jga_end; jga_j++) {
        jga_acc = jga_sqdev_int32_seg2_2_ee5593a0d89a_reduce(jga_acc, jga_sqdev_int32_seg2_2_ee5593a0d89a_element(jga_j, jga_inner, jga_base_x, jga_base_m, x, m, jga_shape0, jga_shape1, jga_shape2, jga_shape3, jga_off_x, jga_st0_x, jga_st1_x, jga_st2_x, jga_st3_x, jga_off_m, jga_st0_m, jga_st1_m, jga_st2_m, jga_st3_m));
    }
    return jga_acc;
}

/*
 * Reduces rows [jga_j, jga_end) of JGA_STRIP outputs into jga_acc[k], output k at the bases plus k.
 * Always inlined (too large for the inliner's own choice), so that the accumulators live in registers.
 * Unrolled over the strip only where the inner positions are one axis (STRIP_UNROLL): with more, every
 * element decomposes its position, and 512 unrolled copies took PoCL minutes to compile.
 */
__attribute__((always_inline)) void jga_sqdev_int32_seg2_2_ee5593a0d89a_strip(double *jga_acc, long jga_j, long jga_end, long jga_inner, long jga_base_x, long jga_base_m, __global int *x, __global double *m, long jga_shape0, long jga_shape1, long jga_shape2, long jga_shape3, long jga_off_x, long jga_st0_x, long jga_st1_x, long jga_st2_x, long jga_st3_x, long jga_off_m, long jga_st0_m, long jga_st1_m, long jga_st2_m, long jga_st3_m)
{
    for (; jga_j + 7 < jga_end; jga_j += 8) {
        #pragma unroll 1
        for (int jga_k = 0; jga_k < JGA_STRIP; jga_k++) {
            const double jga_v0 = jga_sqdev_int32_seg2_2_ee5593a0d89a_element(jga_j, jga_inner, jga_base_x + jga_k, jga_base_m + jga_k, x, m, jga_shape0, jga_shape1, jga_shape2, jga_shape3, jga_off_x, jga_st0_x, jga_st1_x, jga_st2_x, jga_st3_x, jga_off_m, jga_st0_m, jga_st1_m, jga_st2_m, jga_st3_m);
            const double jga_v1 = jga_sqdev_int32_seg2_2_ee5593a0d89a_element(jga_j + 1, jga_inner, jga_base_x + jga_k, jga_base_m + jga_k, x, m, jga_shape0, jga_shape1, jga_shape2, jga_shape3, jga_off_x, jga_st0_x, jga_st1_x, jga_st2_x, jga_st3_x, jga_off_m, jga_st0_m, jga_st1_m, jga_st2_m, jga_st3_m);
            const double jga_v2 = jga_sqdev_int32_seg2_2_ee5593a0d89a_element(jga_j + 2, jga_inner, jga_base_x + jga_k, jga_base_m + jga_k, x, m, jga_shape0, jga_shape1, jga_shape2, jga_shape3, jga_off_x, jga_st0_x, jga_st1_x, jga_st2_x, jga_st3_x, jga_off_m, jga_st0_m, jga_st1_m, jga_st2_m, jga_st3_m);
            const double jga_v3 = jga_sqdev_int32_seg2_2_ee5593a0d89a_element(jga_j + 3, jga_inner, jga_base_x + jga_k, jga_base_m + jga_k, x, m, jga_shape0, jga_shape1, jga_shape2, jga_shape3, jga_off_x, jga_st0_x, jga_st1_x, jga_st2_x, jga_st3_x, jga_off_m, jga_st0_m, jga_st1_m, jga_st2_m, jga_st3_m);
            const double jga_v4 = jga_sqdev_int32_seg2_2_ee5593a0d89a_element(jga_j + 4, jga_inner, jga_base_x + jga_k, jga_base_m + jga_k, x, m, jga_shape0, jga_shape1, jga_shape2, jga_shape3, jga_off_x, jga_st0_x, jga_st1_x, jga_st2_x, jga_st3_x, jga_off_m, jga_st0_m, jga_st1_m, jga_st2_m, jga_st3_m);
            const double jga_v5 = jga_sqdev_int32_seg2_2_ee5593a0d89a_element(jga_j + 5, jga_inner, jga_base_x + jga_k, jga_base_m + jga_k, x, m, jga_shape0, jga_shape1, jga_shape2, jga_shape3, jga_off_x, jga_st0_x, jga_st1_x, jga_st2_x, jga_st3_x, jga_off_m, jga_st0_m, jga_st1_m, jga_st2_m, jga_st3_m);
            const double jga_v6 = jga_sqdev_int32_seg2_2_ee5593a0d89a_element(jga_j + 6, jga_inner, jga_base_x + jga_k, jga_base_m + jga_k, x, m, jga_shape0, jga_shape1, jga_shape2, jga_shape3, jga_off_x, jga_st0_x, jga_st1_x, jga_st2_x, jga_st3_x, jga_off_m, jga_st0_m, jga_st1_m, jga_st2_m, jga_st3_m);
            const double jga_v7 = jga_sqdev_int32_seg2_2_ee5593a0d89a_element(jga_j + 7, jga_inner, jga_base_x + jga_k, jga_base_m + jga_k, x, m, jga_shape0, jga_shape1, jga_shape2, jga_shape3, jga_off_x, jga_st0_x, jga_st1_x, jga_st2_x, jga_st3_x, jga_off_m, jga_st0_m, jga_st1_m, jga_st2_m, jga_st3_m);
            jga_acc[jga_k] = jga_sqdev_int32_seg2_2_ee5593a0d89a_reduce(jga_acc[jga_k], jga_sqdev_int32_seg2_2_ee5593a0d89a_reduce(
                    jga_sqdev_int32_seg2_2_ee5593a0d89a_reduce(jga_sqdev_int32_seg2_2_ee5593a0d89a_reduce(jga_v0, jga_v1), jga_sqdev_int32_seg2_2_ee5593a0d89a_reduce(jga_v2, jga_v3)),
                    jga_sqdev_int32_seg2_2_ee5593a0d89a_reduce(jga_sqdev_int32_seg2_2_ee5593a0d89a_reduce(jga_v4, jga_v5), jga_sqdev_int32_seg2_2_ee5593a0d89a_reduce(jga_v6, jga_v7))));
        }
    }
    for (; jga_j < jga_end; jga_j++) {
        #pragma unroll 1
        for (int jga_k = 0; jga_k < JGA_STRIP; jga_k++) {
            jga_acc[jga_k] = jga_sqdev_int32_seg2_2_ee5593a0d89a_reduce(jga_acc[jga_k], jga_sqdev_int32_seg2_2_ee5593a0d89a_element(jga_j, jga_inner, jga_base_x + jga_k, jga_base_m + jga_k, x, m, jga_shape0, jga_shape1, jga_shape2, jga_shape3, jga_off_x, jga_st0_x, jga_st1_x, jga_st2_x, jga_st3_x, jga_off_m, jga_st0_m, jga_st1_m, jga_st2_m, jga_st3_m));
        }
    }
}

/* Part jga_part of the inner positions of JGA_STRIP neighbouring outputs per work-item. */
__kernel void jga_sqdev_int32_seg2_2_ee5593a0d89a_columns(__global int *x, __global double *m, long jga_shape0, long jga_shape1, long jga_shape2, long jga_shape3, long jga_off_x, long jga_st0_x, long jga_st1_x, long jga_st2_x, long jga_st3_x, long jga_off_m, long jga_st0_m, long jga_st1_m, long jga_st2_m, long jga_st3_m, __global double *jga_out, long jga_outer, long jga_inner, long jga_parts)
{
    const long jga_chunk = (jga_inner + jga_parts - 1) / jga_parts;
    const long jga_tiles = (jga_outer + JGA_STRIP - 1) / JGA_STRIP;
    for (long jga_g = (long) get_global_id(0); jga_g < jga_tiles * jga_parts; jga_g += (long) get_global_size(0)) {
        const long jga_part = jga_g / jga_tiles;
        const long jga_first = (jga_g - jga_part * jga_tiles) * JGA_STRIP;
        const long jga_start = jga_part * jga_chunk;
        const long jga_stop = jga_start + jga_chunk;
        const long jga_end = jga_stop < jga_inner ? jga_stop : jga_inner;
        if (jga_first + JGA_STRIP <= jga_outer && (jga_first % jga_shape1 + JGA_STRIP <= jga_shape1) && (jga_st1_x == 1 && jga_st1_m == 1)) {
            double jga_acc[JGA_STRIP];
            #pragma unroll
            for (int jga_k = 0; jga_k < JGA_STRIP; jga_k++) {
                jga_acc[jga_k] = (double) (0);
            }
            const long jga_o = jga_first;
            long jga_base_x = jga_off_x;
            long jga_base_m = jga_off_m;
            {
                long jga_rest = jga_o;
                {
                    long jga_c = jga_rest % jga_shape1;
                    jga_rest /= jga_shape1;
                    jga_base_x += jga_c * jga_st1_x;
                    jga_base_m += jga_c * jga_st1_m;
                }
                jga_base_x += jga_rest * jga_st0_x;
                jga_base_m += jga_rest * jga_st0_m;
            }
            jga_sqdev_int32_seg2_2_ee5593a0d89a_strip(jga_acc, jga_start, jga_end, jga_inner, jga_base_x, jga_base_m, x, m, jga_shape0, jga_shape1, jga_shape2, jga_shape3, jga_off_x, jga_st0_x, jga_st1_x, jga_st2_x, jga_st3_x, jga_off_m, jga_st0_m, jga_st1_m, jga_st2_m, jga_st3_m);
            #pragma unroll
            for (int jga_k = 0; jga_k < JGA_STRIP; jga_k++) {
                jga_out[(jga_first + jga_k) * jga_parts + jga_part] = jga_acc[jga_k];
            }
        } else {
            for (long jga_o = jga_first; jga_o < jga_first + JGA_STRIP && jga_o < jga_outer; jga_o++) {
                long jga_base_x = jga_off_x;
                long jga_base_m = jga_off_m;
                {
                    long jga_rest = jga_o;
                    {
                        long jga_c = jga_rest % jga_shape1;
                        jga_rest /= jga_shape1;
                        jga_base_x += jga_c * jga_st1_x;
                        jga_base_m += jga_c * jga_st1_m;
                    }
                    jga_base_x += jga_rest * jga_st0_x;
                    jga_base_m += jga_rest * jga_st0_m;
                }
                jga_out[jga_o * jga_parts + jga_part] = jga_sqdev_int32_seg2_2_ee5593a0d89a_column(jga_start, jga_end, jga_inner, jga_base_x, jga_base_m, x, m, jga_shape0, jga_shape1, jga_shape2, jga_shape3, jga_off_x, jga_st0_x, jga_st1_x, jga_st2_x, jga_st3_x, jga_off_m, jga_st0_m, jga_st1_m, jga_st2_m, jga_st3_m);
            }
        }
    }
}

/* Reduces the jga_parts partials of every output (a row of jga_in each) into jga_out[o]. */
__kernel __attribute__((reqd_work_group_size(JGA_BLOCK, 1, 1)))
void jga_sqdev_int32_seg2_2_ee5593a0d89a_partials(__global const double *jga_in, __global double *jga_out, long jga_outer, long jga_parts, int jga_lanes)
{
    __local double jga_scratch[JGA_BLOCK];
    const int jga_rows = JGA_BLOCK / jga_lanes;
    const int jga_lane = (int) get_local_id(0) % jga_lanes;
    const int jga_row = (int) get_local_id(0) / jga_lanes;
    const long jga_tiles = (jga_outer + jga_lanes - 1) / jga_lanes;
    for (long jga_tile = (long) get_group_id(0); jga_tile < jga_tiles; jga_tile += (long) get_num_groups(0)) {
        const long jga_o = jga_tile * jga_lanes + jga_lane;
        double jga_acc = (double) (0);
        if (jga_o < jga_outer) {
            for (long jga_p = jga_row; jga_p < jga_parts; jga_p += jga_rows) {
                jga_acc = jga_sqdev_int32_seg2_2_ee5593a0d89a_reduce(jga_acc, jga_in[jga_o * jga_parts + jga_p]);
            }
        }
        jga_acc = jga_sqdev_int32_seg2_2_ee5593a0d89a_rows_reduce(jga_acc, jga_scratch, jga_lanes);
        if (jga_row == 0 && jga_o < jga_outer) {
            jga_out[jga_o] = jga_acc;
        }
        barrier(CLK_LOCAL_MEM_FENCE);
    }
}
