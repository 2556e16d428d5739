
// jgpuarray kernel 'cumsum'
#ifndef JGA_BLOCK
#define JGA_BLOCK 256
#endif
#ifndef JGA_ITEMS
#define JGA_ITEMS 8
#endif
#define JGA_TILE (JGA_BLOCK * JGA_ITEMS)
#define JGA_PAD(k) ((k) + ((k) >> 5))

__device__ __forceinline__ double jga_cumsum_e7557f08fb80_op(double a, double b)
{
    return (double) (a+b);
}

__device__ __forceinline__ double jga_cumsum_e7557f08fb80_warp_inclusive(double jga_v, int jga_lane)
{
    for (int jga_offset = 1; jga_offset < 32; jga_offset <<= 1) {
        const double jga_y = __shfl_up_sync(0xffffffffu, jga_v, jga_offset);
        if (jga_lane >= jga_offset) {
            jga_v = jga_cumsum_e7557f08fb80_op(jga_y, jga_v);
        }
    }
    return jga_v;
}

/*
 * Scans each tile of JGA_TILE elements (in == out allowed) and writes each tile's total. The input is rows
 * (segments) of n elements, each scanned on its own: block b scans tile b % tiles of row b / tiles.
 */
extern "C" __global__ void __launch_bounds__(JGA_BLOCK) jga_cumsum_e7557f08fb80_tiles(const double *jga_in, double *jga_out, double *jga_tile_totals, long long n, int jga_inclusive)
{
    __shared__ double jga_tile[JGA_PAD(JGA_TILE)];
    __shared__ double jga_warp_totals[32];
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
        jga_tile[JGA_PAD(jga_local)] = jga_start + jga_local < n ? jga_in[jga_g] : (double) (0);
    }
    __syncthreads();
    double jga_total = (double) (0);
    for (int jga_k = 0; jga_k < JGA_ITEMS; jga_k++) {
        jga_total = jga_cumsum_e7557f08fb80_op(jga_total, jga_tile[JGA_PAD(jga_t * JGA_ITEMS + jga_k)]);
    }
    const double jga_inclusive_in_warp = jga_cumsum_e7557f08fb80_warp_inclusive(jga_total, jga_lane);
    double jga_prefix = __shfl_up_sync(0xffffffffu, jga_inclusive_in_warp, 1);
    if (jga_lane == 0) {
        jga_prefix = (double) (0);
    }
    if (jga_lane == 31) {
        jga_warp_totals[jga_warp] = jga_inclusive_in_warp;
    }
    __syncthreads();
    if (jga_warp == 0) {
        const double jga_w = jga_lane < (JGA_BLOCK >> 5) ? jga_warp_totals[jga_lane] : (double) (0);
        jga_warp_totals[jga_lane] = jga_cumsum_e7557f08fb80_warp_inclusive(jga_w, jga_lane);
    }
    __syncthreads();
    if (jga_warp > 0) {
        jga_prefix = jga_cumsum_e7557f08fb80_op(jga_warp_totals[jga_warp - 1], jga_prefix);
    }
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
extern "C" __global__ void __launch_bounds__(JGA_BLOCK) jga_cumsum_e7557f08fb80_add_offsets(double *jga_out, const double *jga_scanned_totals, long long n)
{
    const long long jga_tiles = (n + JGA_TILE - 1) / JGA_TILE;
    const long long jga_segment = (long long) blockIdx.x / (jga_tiles - 1);
    const long long jga_tile_index = (long long) blockIdx.x - jga_segment * (jga_tiles - 1) + 1;
    const double jga_offset = jga_scanned_totals[jga_segment * jga_tiles + jga_tile_index - 1];
    for (int jga_k = 0; jga_k < JGA_ITEMS; jga_k++) {
        const long long jga_local = jga_tile_index * JGA_TILE + jga_k * JGA_BLOCK + threadIdx.x;
        if (jga_local < n) {
            jga_out[jga_segment * n + jga_local] = jga_cumsum_e7557f08fb80_op(jga_offset, jga_out[jga_segment * n + jga_local]);
        }
    }
}

/* Scans each of jga_segments rows of n elements alone, one thread per row (in == out allowed). */
extern "C" __global__ void __launch_bounds__(JGA_BLOCK) jga_cumsum_e7557f08fb80_rows(const double *jga_in, double *jga_out, long long jga_segments, long long n, int jga_inclusive)
{
    for (long long jga_s = (long long) blockIdx.x * JGA_BLOCK + threadIdx.x; jga_s < jga_segments; jga_s += (long long) JGA_BLOCK * gridDim.x) {
        double jga_prefix = (double) (0);
        for (long long jga_g = jga_s * n; jga_g < (jga_s + 1) * n; jga_g++) {
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
