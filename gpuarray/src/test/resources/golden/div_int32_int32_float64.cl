
// jgpuarray kernel 'div_int32_int32_float64'
__kernel void jga_div_int32_int32_float64_3cf616914cb1(__global double *out, __global int *x, __global int *y, long n)
{
    long i = 0;

    if ((long) get_global_size(0) == n) {
        i = (long) get_global_id(0);
        do {
            out[i] = (double) (((double) x[i]) / ((double) y[i]));
        } while (0);
    } else {
        for (i = (long) get_global_id(0); i < n; i += (long) get_global_size(0)) {
            out[i] = (double) (((double) x[i]) / ((double) y[i]));
        }
    }

}
