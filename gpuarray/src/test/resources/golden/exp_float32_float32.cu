
extern "C" __global__ void exp_float32_float32(float *out, float *x, long long n)
{
    long long i = 0;
    (void) i;

    for (i = (long long) blockIdx.x * blockDim.x + threadIdx.x; i < n; i += (long long) blockDim.x * gridDim.x) {
        out[i] = (float) (exp(x[i]));
    }

}
