
// user preamble
__device__ long jga_ipow_int64(long base, long exponent)
{
    if (exponent < 0) {
        return base == 1 ? 1 : (base == -1 ? ((exponent & 1) ? -1 : 1) : 0);
    }
    long result = 1;
    while (exponent > 0) {
        if (exponent & 1) {
            result *= base;
        }
        base *= base;
        exponent >>= 1;
    }
    return result;
}

// jgpuarray kernel 'pow_int64_scalar_int64'
extern "C" __global__ void jga_pow_int64_scalar_int64_89345908aeb0(long long *out, long long *x, long long s, long long n)
{
    long long i = 0;
    (void) i;

    for (i = (long long) blockIdx.x * blockDim.x + threadIdx.x; i < n; i += (long long) blockDim.x * gridDim.x) {
        out[i] = (long) (jga_ipow_int64(x[i], s));
    }

}
