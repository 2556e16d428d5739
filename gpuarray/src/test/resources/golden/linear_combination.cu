
// user preamble
__device__ float square(float v) { return v * v; }

// jgpuarray kernel 'linear_combination'
extern "C" __global__ void jga_linear_combination_0e268f4efcfa(float a, float *x, float b, float *y, float *c, long long n)
{
    long long i = 0;
    (void) i;

    for (i = (long long) blockIdx.x * blockDim.x + threadIdx.x; i < n; i += (long long) blockDim.x * gridDim.x) {
        c[i] = a*x[i] + b*y[i];
    }

}
