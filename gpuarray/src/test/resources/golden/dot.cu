
// jgpuarray kernel 'dot'
#ifndef JGA_BLOCK
#define JGA_BLOCK 256
#endif

__device__ __forceinline__ int jga_dot_3d249bd6a594_reduce(int a, int b)
{
    return (int) (a+b);
}

__device__ __forceinline__ int jga_dot_3d249bd6a594_map(long long i, long long n, int *x, int *y)
{
    return (int) (x[i]*y[i]);
}

__device__ __forceinline__ int jga_dot_3d249bd6a594_warp_reduce(int jga_acc)
{
    for (int jga_offset = 16; jga_offset > 0; jga_offset >>= 1) {
        jga_acc = jga_dot_3d249bd6a594_reduce(jga_acc, __shfl_down_sync(0xffffffffu, jga_acc, jga_offset));
    }
    return jga_acc;
}

/* Valid in thread 0 only. */
__device__ __forceinline__ int jga_dot_3d249bd6a594_block_reduce(int jga_acc)
{
    __shared__ int jga_warp_totals[32];
    const int jga_lane = threadIdx.x & 31;
    const int jga_warp = threadIdx.x >> 5;
    jga_acc = jga_dot_3d249bd6a594_warp_reduce(jga_acc);
    if (jga_lane == 0) {
        jga_warp_totals[jga_warp] = jga_acc;
    }
    __syncthreads();
    if (jga_warp == 0) {
        jga_acc = jga_lane < (JGA_BLOCK >> 5) ? jga_warp_totals[jga_lane] : (int) (0);
        jga_acc = jga_dot_3d249bd6a594_warp_reduce(jga_acc);
    }
    return jga_acc;
}

extern "C" __global__ void __launch_bounds__(JGA_BLOCK) jga_dot_3d249bd6a594_stage1(int *x, int *y, int *jga_partials, long long n)
{
    const long long jga_stride = (long long) JGA_BLOCK * gridDim.x;
    long long jga_i = (long long) blockIdx.x * JGA_BLOCK + threadIdx.x;
    int jga_acc = (int) (0);
    for (; jga_i + 3 * jga_stride < n; jga_i += 4 * jga_stride) {
        const int jga_v0 = jga_dot_3d249bd6a594_map(jga_i, n, x, y);
        const int jga_v1 = jga_dot_3d249bd6a594_map(jga_i + jga_stride, n, x, y);
        const int jga_v2 = jga_dot_3d249bd6a594_map(jga_i + 2 * jga_stride, n, x, y);
        const int jga_v3 = jga_dot_3d249bd6a594_map(jga_i + 3 * jga_stride, n, x, y);
        jga_acc = jga_dot_3d249bd6a594_reduce(jga_acc, jga_dot_3d249bd6a594_reduce(jga_dot_3d249bd6a594_reduce(jga_v0, jga_v1), jga_dot_3d249bd6a594_reduce(jga_v2, jga_v3)));
    }
    for (; jga_i < n; jga_i += jga_stride) {
        jga_acc = jga_dot_3d249bd6a594_reduce(jga_acc, jga_dot_3d249bd6a594_map(jga_i, n, x, y));
    }
    jga_acc = jga_dot_3d249bd6a594_block_reduce(jga_acc);
    if (threadIdx.x == 0) {
        jga_partials[blockIdx.x] = jga_acc;
    }
}

extern "C" __global__ void __launch_bounds__(JGA_BLOCK) jga_dot_3d249bd6a594_stage2(const int *jga_in, int *jga_out, long long n)
{
    int jga_acc = (int) (0);
    for (long long jga_i = threadIdx.x; jga_i < n; jga_i += JGA_BLOCK) {
        jga_acc = jga_dot_3d249bd6a594_reduce(jga_acc, jga_in[jga_i]);
    }
    jga_acc = jga_dot_3d249bd6a594_block_reduce(jga_acc);
    if (threadIdx.x == 0) {
        jga_out[0] = jga_acc;
    }
}
