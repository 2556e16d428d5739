
// jgpuarray kernel 'dot_float32_float32'
#ifndef JGA_BLOCK
#define JGA_BLOCK 256
#endif

__device__ __forceinline__ float jga_dot_float32_float32_508d168a9f28_reduce(float a, float b)
{
    return (float) (a + b);
}

__device__ __forceinline__ float jga_dot_float32_float32_508d168a9f28_map(long long i, long long n, float *x, float *y)
{
    return (float) (x[i] * y[i]);
}

__device__ __forceinline__ float jga_dot_float32_float32_508d168a9f28_warp_reduce(float jga_acc)
{
    for (int jga_offset = 16; jga_offset > 0; jga_offset >>= 1) {
        jga_acc = jga_dot_float32_float32_508d168a9f28_reduce(jga_acc, __shfl_down_sync(0xffffffffu, jga_acc, jga_offset));
    }
    return jga_acc;
}

/* Valid in thread 0 only. */
__device__ __forceinline__ float jga_dot_float32_float32_508d168a9f28_block_reduce(float jga_acc)
{
    __shared__ float jga_warp_totals[32];
    const int jga_lane = threadIdx.x & 31;
    const int jga_warp = threadIdx.x >> 5;
    jga_acc = jga_dot_float32_float32_508d168a9f28_warp_reduce(jga_acc);
    if (jga_lane == 0) {
        jga_warp_totals[jga_warp] = jga_acc;
    }
    __syncthreads();
    if (jga_warp == 0) {
        jga_acc = jga_lane < (JGA_BLOCK >> 5) ? jga_warp_totals[jga_lane] : (float) (0);
        jga_acc = jga_dot_float32_float32_508d168a9f28_warp_reduce(jga_acc);
    }
    return jga_acc;
}

extern "C" __global__ void __launch_bounds__(JGA_BLOCK) jga_dot_float32_float32_508d168a9f28_stage1(float *x, float *y, float *jga_partials, long long n)
{
    const long long jga_stride = (long long) JGA_BLOCK * gridDim.x;
    long long jga_i = (long long) blockIdx.x * JGA_BLOCK + threadIdx.x;
    float jga_acc = (float) (0);
    for (; jga_i + 3 * jga_stride < n; jga_i += 4 * jga_stride) {
        const float jga_v0 = jga_dot_float32_float32_508d168a9f28_map(jga_i, n, x, y);
        const float jga_v1 = jga_dot_float32_float32_508d168a9f28_map(jga_i + jga_stride, n, x, y);
        const float jga_v2 = jga_dot_float32_float32_508d168a9f28_map(jga_i + 2 * jga_stride, n, x, y);
        const float jga_v3 = jga_dot_float32_float32_508d168a9f28_map(jga_i + 3 * jga_stride, n, x, y);
        jga_acc = jga_dot_float32_float32_508d168a9f28_reduce(jga_acc, jga_dot_float32_float32_508d168a9f28_reduce(jga_dot_float32_float32_508d168a9f28_reduce(jga_v0, jga_v1), jga_dot_float32_float32_508d168a9f28_reduce(jga_v2, jga_v3)));
    }
    for (; jga_i < n; jga_i += jga_stride) {
        jga_acc = jga_dot_float32_float32_508d168a9f28_reduce(jga_acc, jga_dot_float32_float32_508d168a9f28_map(jga_i, n, x, y));
    }
    jga_acc = jga_dot_float32_float32_508d168a9f28_block_reduce(jga_acc);
    if (threadIdx.x == 0) {
        jga_partials[blockIdx.x] = jga_acc;
    }
}

extern "C" __global__ void __launch_bounds__(JGA_BLOCK) jga_dot_float32_float32_508d168a9f28_stage2(const float *jga_in, float *jga_out, long long n)
{
    float jga_acc = (float) (0);
    for (long long jga_i = threadIdx.x; jga_i < n; jga_i += JGA_BLOCK) {
        jga_acc = jga_dot_float32_float32_508d168a9f28_reduce(jga_acc, jga_in[jga_i]);
    }
    jga_acc = jga_dot_float32_float32_508d168a9f28_block_reduce(jga_acc);
    if (threadIdx.x == 0) {
        jga_out[0] = jga_acc;
    }
}
