
extern "C" __global__ void astype_float32_bool(bool *out, float *x, long long n)
{
    long long i = 0;
    (void) i;

    for (i = (long long) blockIdx.x * blockDim.x + threadIdx.x; i < n; i += (long long) blockDim.x * gridDim.x) {
        out[i] = (x[i]) != 0;
    }

}
