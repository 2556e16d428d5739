
// jgpuarray kernel 'exp_float32_float32'
extern "C" __global__ void jga_exp_float32_float32_79a6cdba72b9(float *out, float *x, long long n)
{
    long long i = 0;
    (void) i;

    for (i = (long long) blockIdx.x * blockDim.x + threadIdx.x; i < n; i += (long long) blockDim.x * gridDim.x) {
        out[i] = (float) (exp(x[i]));
    }

}
