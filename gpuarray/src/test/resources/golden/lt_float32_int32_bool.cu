
// jgpuarray kernel 'lt_float32_int32_bool'
extern "C" __global__ void jga_lt_float32_int32_bool_daa60a11e660(bool *out, float *x, int *y, long long n)
{
    long long i = 0;
    (void) i;

    for (i = (long long) blockIdx.x * blockDim.x + threadIdx.x; i < n; i += (long long) blockDim.x * gridDim.x) {
        out[i] = (((double) x[i]) < ((double) y[i])) != 0;
    }

}
