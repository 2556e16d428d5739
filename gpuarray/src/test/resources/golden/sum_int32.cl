
// jgpuarray kernel 'sum_int32'
#ifndef JGA_BLOCK
#define JGA_BLOCK 256
#endif
#ifndef JGA_RUN
#define JGA_RUN 64
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

/*
 * The first stage on CPU devices: work-item g reduces the jga_chunk elements from g * jga_chunk on into
 * jga_partials[g], reading them in order, in runs of JGA_RUN whose totals combine pairwise (the run
 * totals of a level meet like the carries of a binary counter), so that rounding grows with the
 * logarithm of the chunk rather than with its length.
 */
__kernel __attribute__((reqd_work_group_size(JGA_BLOCK, 1, 1)))
void jga_sum_int32_5fb40a8dc454_chunks(__global int *x, __global long *jga_partials, long n, long jga_chunk)
{
    long jga_levels[64];
    const long jga_g = (long) get_global_id(0);
    const long jga_begin = jga_g * jga_chunk < n ? jga_g * jga_chunk : n;
    const long jga_end = n - jga_begin > jga_chunk ? jga_begin + jga_chunk : n;
    long jga_runs = 0;
    for (long jga_r = jga_begin; jga_r < jga_end; jga_r += JGA_RUN) {
        const long jga_stop = jga_end - jga_r > JGA_RUN ? jga_r + JGA_RUN : jga_end;
        long jga_run = (long) (0);
        long jga_i = jga_r;
        for (; jga_i + 7 < jga_stop; jga_i += 8) {
            const long jga_v0 = jga_sum_int32_5fb40a8dc454_map(jga_i, n, x);
            const long jga_v1 = jga_sum_int32_5fb40a8dc454_map(jga_i + 1, n, x);
            const long jga_v2 = jga_sum_int32_5fb40a8dc454_map(jga_i + 2, n, x);
            const long jga_v3 = jga_sum_int32_5fb40a8dc454_map(jga_i + 3, n, x);
            const long jga_v4 = jga_sum_int32_5fb40a8dc454_map(jga_i + 4, n, x);
            const long jga_v5 = jga_sum_int32_5fb40a8dc454_map(jga_i + 5, n, x);
            const long jga_v6 = jga_sum_int32_5fb40a8dc454_map(jga_i + 6, n, x);
            const long jga_v7 = jga_sum_int32_5fb40a8dc454_map(jga_i + 7, n, x);
            jga_run = jga_sum_int32_5fb40a8dc454_reduce(jga_run, jga_sum_int32_5fb40a8dc454_reduce(
                    jga_sum_int32_5fb40a8dc454_reduce(jga_sum_int32_5fb40a8dc454_reduce(jga_v0, jga_v1), jga_sum_int32_5fb40a8dc454_reduce(jga_v2, jga_v3)),
                    jga_sum_int32_5fb40a8dc454_reduce(jga_sum_int32_5fb40a8dc454_reduce(jga_v4, jga_v5), jga_sum_int32_5fb40a8dc454_reduce(jga_v6, jga_v7))));
        }
        for (; jga_i < jga_stop; jga_i++) {
            jga_run = jga_sum_int32_5fb40a8dc454_reduce(jga_run, jga_sum_int32_5fb40a8dc454_map(jga_i, n, x));
        }
        int jga_level = 0;
        for (long jga_c = ++jga_runs; (jga_c & 1) == 0; jga_c >>= 1) {
            jga_run = jga_sum_int32_5fb40a8dc454_reduce(jga_levels[jga_level], jga_run);
            jga_level++;
        }
        jga_levels[jga_level] = jga_run;
    }
    long jga_acc = (long) (0);
    for (int jga_level = 0; (jga_runs >> jga_level) != 0; jga_level++) {
        if (((jga_runs >> jga_level) & 1) != 0) {
            jga_acc = jga_sum_int32_5fb40a8dc454_reduce(jga_levels[jga_level], jga_acc);
        }
    }
    jga_partials[jga_g] = jga_acc;
}
