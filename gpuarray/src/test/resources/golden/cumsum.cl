
// jgpuarray kernel 'cumsum'
#ifndef JGA_BLOCK
#define JGA_BLOCK 256
#endif
#ifndef JGA_ITEMS
#define JGA_ITEMS 8
#endif
#define JGA_TILE (JGA_BLOCK * JGA_ITEMS)
#define JGA_PAD(k) ((k) + ((k) >> 5))

double jga_cumsum_e7557f08fb80_op(double a, double b)
{
    return (double) (a+b);
}

/*
 * Scans each tile of JGA_TILE elements (in == out allowed) and writes each tile's total. The input is rows
 * (segments) of n elements, each scanned on its own: work-group b scans tile b % tiles of row b / tiles.
 */
__kernel __attribute__((reqd_work_group_size(JGA_BLOCK, 1, 1)))
void jga_cumsum_e7557f08fb80_tiles(__global const double *jga_in, __global double *jga_out, __global double *jga_tile_totals, long n, int jga_inclusive)
{
    __local double jga_tile[JGA_PAD(JGA_TILE)];
    __local double jga_scratch[JGA_BLOCK];
    __local double jga_block_total;
    const long jga_tiles = (n + JGA_TILE - 1) / JGA_TILE;
    const long jga_segment = (long) get_group_id(0) / jga_tiles;
    const long jga_start = ((long) get_group_id(0) - jga_segment * jga_tiles) * JGA_TILE;
    const long jga_base = jga_segment * n + jga_start;
    const int jga_t = (int) get_local_id(0);
    for (int jga_k = 0; jga_k < JGA_ITEMS; jga_k++) {
        const int jga_local = jga_k * JGA_BLOCK + jga_t;
        const long jga_g = jga_base + jga_local;
        jga_tile[JGA_PAD(jga_local)] = jga_start + jga_local < n ? jga_in[jga_g] : (double) (0);
    }
    barrier(CLK_LOCAL_MEM_FENCE);
    double jga_total = (double) (0);
    for (int jga_k = 0; jga_k < JGA_ITEMS; jga_k++) {
        jga_total = jga_cumsum_e7557f08fb80_op(jga_total, jga_tile[JGA_PAD(jga_t * JGA_ITEMS + jga_k)]);
    }
    jga_scratch[jga_t] = jga_total;
    barrier(CLK_LOCAL_MEM_FENCE);
    for (int jga_d = 1; jga_d < JGA_BLOCK; jga_d <<= 1) {
        const int jga_right = (jga_t + 1) * 2 * jga_d - 1;
        if (jga_right < JGA_BLOCK) {
            jga_scratch[jga_right] = jga_cumsum_e7557f08fb80_op(jga_scratch[jga_right - jga_d], jga_scratch[jga_right]);
        }
        barrier(CLK_LOCAL_MEM_FENCE);
    }
    if (jga_t == 0) {
        jga_block_total = jga_scratch[JGA_BLOCK - 1];
        jga_scratch[JGA_BLOCK - 1] = (double) (0);
    }
    barrier(CLK_LOCAL_MEM_FENCE);
    for (int jga_d = JGA_BLOCK / 2; jga_d >= 1; jga_d >>= 1) {
        const int jga_right = (jga_t + 1) * 2 * jga_d - 1;
        if (jga_right < JGA_BLOCK) {
            const double jga_left = jga_scratch[jga_right - jga_d];
            jga_scratch[jga_right - jga_d] = jga_scratch[jga_right];
            jga_scratch[jga_right] = jga_cumsum_e7557f08fb80_op(jga_scratch[jga_right], jga_left);
        }
        barrier(CLK_LOCAL_MEM_FENCE);
    }
    double jga_prefix = jga_scratch[jga_t];
    for (int jga_k = 0; jga_k < JGA_ITEMS; jga_k++) {
        const int jga_slot = JGA_PAD(jga_t * JGA_ITEMS + jga_k);
        const double jga_x = jga_tile[jga_slot];
        if (jga_inclusive) {
            jga_prefix = jga_cumsum_e7557f08fb80_op(jga_prefix, jga_x);
            jga_tile[jga_slot] = jga_prefix;
        } else {
            jga_tile[jga_slot] = jga_prefix;
            jga_prefix = jga_cumsum_e7557f08fb80_op(jga_prefix, jga_x);
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
void jga_cumsum_e7557f08fb80_add_offsets(__global double *jga_out, __global const double *jga_scanned_totals, long n)
{
    const long jga_tiles = (n + JGA_TILE - 1) / JGA_TILE;
    const long jga_segment = (long) get_group_id(0) / (jga_tiles - 1);
    const long jga_tile_index = (long) get_group_id(0) - jga_segment * (jga_tiles - 1) + 1;
    const double jga_offset = jga_scanned_totals[jga_segment * jga_tiles + jga_tile_index - 1];
    for (int jga_k = 0; jga_k < JGA_ITEMS; jga_k++) {
        const long jga_local = jga_tile_index * JGA_TILE + jga_k * JGA_BLOCK + (long) get_local_id(0);
        if (jga_local < n) {
            jga_out[jga_segment * n + jga_local] = jga_cumsum_e7557f08fb80_op(jga_offset, jga_out[jga_segment * n + jga_local]);
        }
    }
}

/* Scans each of jga_segments rows of n elements alone, one work-item per row (in == out allowed). */
__kernel __attribute__((reqd_work_group_size(JGA_BLOCK, 1, 1)))
void jga_cumsum_e7557f08fb80_rows(__global const double *jga_in, __global double *jga_out, long jga_segments, long n, int jga_inclusive)
{
    for (long jga_s = (long) get_global_id(0); jga_s < jga_segments; jga_s += (long) get_global_size(0)) {
        double jga_prefix = (double) (0);
        for (long jga_g = jga_s * n; jga_g < (jga_s + 1) * n; jga_g++) {
            const double jga_x = jga_in[jga_g];
            if (jga_inclusive) {
                jga_prefix = jga_cumsum_e7557f08fb80_op(jga_prefix, jga_x);
                jga_out[jga_g] = jga_prefix;
            } else {
                jga_out[jga_g] = jga_prefix;
                jga_prefix = jga_cumsum_e7557f08fb80_op(jga_prefix, jga_x);
            }
        }
    }
}
