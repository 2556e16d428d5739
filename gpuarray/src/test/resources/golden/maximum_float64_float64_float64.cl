
// jgpuarray kernel 'maximum_float64_float64_float64'
__kernel void jga_maximum_float64_float64__c3b07e035fab(__global double *out, __global double *x, __global double *y, long n)
{
    long i = 0;

    if ((long) get_global_size(0) == n) {
        i = (long) get_global_id(0);
        do {
            out[i] = (double) ((isnan(x[i]) || x[i] > y[i]) ? x[i] : y[i]);
        } while (0);
    } else {
        for (i = (long) get_global_id(0); i < n; i += (long) get_global_size(0)) {
            out[i] = (double) ((isnan(x[i]) || x[i] > y[i]) ? x[i] : y[i]);
        }
    }

}
