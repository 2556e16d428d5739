
// jgpuarray kernel 'add_float32_float32_float32'
extern "C" __global__ void jga_add_float32_float32_floa_cc22c677f5f0(float *out, float *x, float *y, long long n)
{
    long long i = 0;
    (void) i;

    for (i = (long long) blockIdx.x * blockDim.x + threadIdx.x; i < n; i += (long long) blockDim.x * gridDim.x) {
        out[i] = (float) (x[i] + y[i]);
    }

}
