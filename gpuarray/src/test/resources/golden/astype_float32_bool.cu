
// jgpuarray kernel 'astype_float32_bool'
extern "C" __global__ void jga_astype_float32_bool_94bf21a223cf(bool *out, float *x, long long n)
{
    long long i = 0;
    (void) i;

    for (i = (long long) blockIdx.x * blockDim.x + threadIdx.x; i < n; i += (long long) blockDim.x * gridDim.x) {
        out[i] = (x[i]) != 0;
    }

}
