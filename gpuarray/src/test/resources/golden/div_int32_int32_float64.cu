
// jgpuarray kernel 'div_int32_int32_float64'
extern "C" __global__ void jga_div_int32_int32_float64_3cf616914cb1(double *out, int *x, int *y, long long n)
{
    long long i = 0;
    (void) i;

    for (i = (long long) blockIdx.x * blockDim.x + threadIdx.x; i < n; i += (long long) blockDim.x * gridDim.x) {
        out[i] = (double) (((double) x[i]) / ((double) y[i]));
    }

}
