
// jgpuarray kernel 'maximum_float64_float64_float64'
extern "C" __global__ void jga_maximum_float64_float64__c3b07e035fab(double *out, double *x, double *y, long long n)
{
    long long i = 0;
    (void) i;

    for (i = (long long) blockIdx.x * blockDim.x + threadIdx.x; i < n; i += (long long) blockDim.x * gridDim.x) {
        out[i] = (double) ((isnan(x[i]) || x[i] > y[i]) ? x[i] : y[i]);
    }

}
