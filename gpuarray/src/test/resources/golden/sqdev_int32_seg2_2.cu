
// user preamble
__device__ double jga_square_float64(double d) { return d * d; }

// jgpuarray kernel 'sqdev_int32_seg2_2'
#ifndef JGA_BLOCK
#define JGA_BLOCK 256
#endif

__device__ __forceinline__ double jga_sqdev_int32_seg2_2_ee5593a0d89a_reduce(double a, double b)
{
    return (double) (a + b);
}

__device__ __forceinline__ double jga_sqdev_int32_seg2_2_ee5593a0d89a_map(long long i, long long n, long long jga_at_x, long long jga_at_m, int *x, double *m, long long jga_shape0, long long jga_shape1, long long jga_shape2, long long jga_shape3, long long jga_off_x, long long jga_st0_x, long long jga_st1_x, long long jga_st2_x, long long jga_st3_x, long long jga_off_m, long long jga_st0_m, long long jga_st1_m, long long jga_st2_m, long long jga_st3_m)
{
    return (double) (jga_square_float64(((double) x[jga_at_x]) - m[jga_at_m]));
}

__device__ __forceinline__ double jga_sqdev_int32_seg2_2_ee5593a0d89a_element(long long jga_j, long long jga_inner, long long jga_base_x, long long jga_base_m, int *x, double *m, long long jga_shape0, long long jga_shape1, long long jga_shape2, long long jga_shape3, long long jga_off_x, long long jga_st0_x, long long jga_st1_x, long long jga_st2_x, long long jga_st3_x, long long jga_off_m, long long jga_st0_m, long long jga_st1_m, long long jga_st2_m, long long jga_st3_m)
{
    long long jga_at_x = jga_base_x;
    long long jga_at_m = jga_base_m;
    {
        long long jga_rest = jga_j;
        {
            long long jga_c = jga_rest % jga_shape3;
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
__device__ __forceinline__ double jga_sqdev_int32_seg2_2_ee5593a0d89a_rows_reduce(double jga_acc, double *jga_scratch, int jga_lanes)
{
    const int jga_t = threadIdx.x;
    jga_scratch[jga_t] = jga_acc;
    __syncthreads();
    for (int jga_s = JGA_BLOCK / 2; jga_s >= jga_lanes; jga_s >>= 1) {
        if (jga_t < jga_s) {
            jga_scratch[jga_t] = jga_sqdev_int32_seg2_2_ee5593a0d89a_reduce(jga_scratch[jga_t], jga_scratch[jga_t + jga_s]);
        }
        __syncthreads();
    }
    return jga_scratch[jga_t];
}

/* Part jga_part of the inner positions of every output, into jga_out[o * jga_parts + jga_part]. */
extern "C" __global__ void __launch_bounds__(JGA_BLOCK) jga_sqdev_int32_seg2_2_ee5593a0d89a_segments(int *x, double *m, long long jga_shape0, long long jga_shape1, long long jga_shape2, long long jga_shape3, long long jga_off_x, long long jga_st0_x, long long jga_st1_x, long long jga_st2_x, long long jga_st3_x, long long jga_off_m, long long jga_st0_m, long long jga_st1_m, long long jga_st2_m, long long jga_st3_m, double *jga_out, long long jga_outer, long long jga_inner, long long jga_parts, int jga_lanes)
{
    __shared__ double jga_scratch[JGA_BLOCK];
    const int jga_rows = JGA_BLOCK / jga_lanes;
    const int jga_lane = threadIdx.x % jga_lanes;
    const int jga_row = threadIdx.x / jga_lanes;
    const long long jga_chunk = (jga_inner + jga_parts - 1) / jga_parts;
    const long long jga_groups = (jga_outer + jga_lanes - 1) / jga_lanes * jga_parts;
    for (long long jga_g = blockIdx.x; jga_g < jga_groups; jga_g += gridDim.x) {
        const long long jga_tile = jga_g / jga_parts;
        const long long jga_part = jga_g - jga_tile * jga_parts;
        const long long jga_o = jga_tile * jga_lanes + jga_lane;
        double jga_acc = (double) (0);
        if (jga_o < jga_outer) {
            long long jga_base_x = jga_off_x;
            long long jga_base_m = jga_off_m;
            {
                long long jga_rest = jga_o;
                {
                    long long jga_c = jga_rest % jga_shape1;
                    jga_rest /= jga_shape1;
                    jga_base_x += jga_c * jga_st1_x;
                    jga_base_m += jga_c * jga_st1_m;
                }
                jga_base_x += jga_rest * jga_st0_x;
                jga_base_m += jga_rest * jga_st0_m;
            }
            const long long jga_stop = (jga_part + 1) * jga_chunk;
            const long long jga_end = jga_stop < jga_inner ? jga_stop : jga_inner;
            long long jga_j = jga_part * jga_chunk + jga_row;
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
        __syncthreads();
    }
}

/* Reduces the jga_parts partials of every output (a row of jga_in each) into jga_out[o]. */
extern "C" __global__ void __launch_bounds__(JGA_BLOCK) jga_sqdev_int32_seg2_2_ee5593a0d89a_partials(const double *jga_in, double *jga_out, long long jga_outer, long long jga_parts, int jga_lanes)
{
    __shared__ double jga_scratch[JGA_BLOCK];
    const int jga_rows = JGA_BLOCK / jga_lanes;
    const int jga_lane = threadIdx.x % jga_lanes;
    const int jga_row = threadIdx.x / jga_lanes;
    const long long jga_tiles = (jga_outer + jga_lanes - 1) / jga_lanes;
    for (long long jga_tile = blockIdx.x; jga_tile < jga_tiles; jga_tile += gridDim.x) {
        const long long jga_o = jga_tile * jga_lanes + jga_lane;
        double jga_acc = (double) (0);
        if (jga_o < jga_outer) {
            for (long long jga_p = jga_row; jga_p < jga_parts; jga_p += jga_rows) {
                jga_acc = jga_sqdev_int32_seg2_2_ee5593a0d89a_reduce(jga_acc, jga_in[jga_o * jga_parts + jga_p]);
            }
        }
        jga_acc = jga_sqdev_int32_seg2_2_ee5593a0d89a_rows_reduce(jga_acc, jga_scratch, jga_lanes);
        if (jga_row == 0 && jga_o < jga_outer) {
            jga_out[jga_o] = jga_acc;
        }
        __syncthreads();
    }
}
