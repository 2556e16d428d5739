
// jgpuarray kernel 'sum_int32'
#ifndef JGA_BLOCK
#define JGA_BLOCK 256
#endif

long jga_sum_int32_5fb40a8dc454_reduce(long a, long b)
{
    return (long) (a + b);
}

long jga_sum_int32_5fb40a8dc454_map(long i, long n, __global int *x)
{
    return (long) (((long) x[i]));
}

/* Valid in work-item 0 only. */
long jga_sum_int32_5fb40a8dc454_block_reduce(long jga_acc, __local long *jga_scratch)
{
    const int jga_lid = (int) get_local_id(0);
    jga_scratch[jga_lid] = jga_acc;
    barrier(CLK_LOCAL_MEM_FENCE);
    for (int jga_s = JGA_BLOCK / 2; jga_s > 0; jga_s >>= 1) {
        if (jga_lid < jga_s) {
            jga_scratch[jga_lid] = jga_sum_int32_5fb40a8dc454_reduce(jga_scratch[jga_lid], jga_scratch[jga_lid + jga_s]);
        }
        barrier(CLK_LOCAL_MEM_FENCE);
    }
    return jga_scratch[0];
}

__kernel __attribute__((reqd_work_group_size(JGA_BLOCK, 1, 1)))
void jga_sum_int32_5fb40a8dc454_stage1(__global int *x, __global long *jga_partials, long n)
{
    __local long jga_scratch[JGA_BLOCK];
    const long jga_stride = (long) get_global_size(0);
    long jga_i = (long) get_global_id(0);
    long jga_acc = (long) (0);
    for (; jga_i + 3 * jga_stride < n; jga_i += 4 * jga_stride) {
        const long jga_v0 = jga_sum_int32_5fb40a8dc454_map(jga_i, n, x);
        const long jga_v1 = jga_sum_int32_5fb40a8dc454_map(jga_i + jga_stride, n, x);
        const long jga_v2 = jga_sum_int32_5fb40a8dc454_map(jga_i + 2 * jga_stride, n, x);
        const long jga_v3 = jga_sum_int32_5fb40a8dc454_map(jga_i + 3 * jga_stride, n, x);
        jga_acc = jga_sum_int32_5fb40a8dc454_reduce(jga_acc, jga_sum_int32_5fb40a8dc454_reduce(jga_sum_int32_5fb40a8dc454_reduce(jga_v0, jga_v1), jga_sum_int32_5fb40a8dc454_reduce(jga_v2, jga_v3)));
    }
    for (; jga_i < n; jga_i += jga_stride) {
        jga_acc = jga_sum_int32_5fb40a8dc454_reduce(jga_acc, jga_sum_int32_5fb40a8dc454_map(jga_i, n, x));
    }
    jga_acc = jga_sum_int32_5fb40a8dc454_block_reduce(jga_acc, jga_scratch);
    if (get_local_id(0) == 0) {
        jga_partials[get_group_id(0)] = jga_acc;
    }
}

__kernel __attribute__((reqd_work_group_size(JGA_BLOCK, 1, 1)))
void jga_sum_int32_5fb40a8dc454_stage2(__global const long *jga_in, __global long *jga_out, long n)
{
    __local long jga_scratch[JGA_BLOCK];
    long jga_acc = (long) (0);
    for (long jga_i = (long) get_local_id(0); jga_i < n; jga_i += JGA_BLOCK) {
        jga_acc = jga_sum_int32_5fb40a8dc454_reduce(jga_acc, jga_in[jga_i]);
    }
    jga_acc = jga_sum_int32_5fb40a8dc454_block_reduce(jga_acc, jga_scratch);
    if (get_local_id(0) == 0) {
        jga_out[0] = jga_acc;
    }
}
