
// jgpuarray kernel 'lt_float32_int32_bool'
__kernel void jga_lt_float32_int32_bool_daa60a11e660(__global uchar *jga_bytes_out, __global float *x, __global int *y, long n)
{
    __global bool *out = (__global bool *) jga_bytes_out;
    long i = 0;

    if ((long) get_global_size(0) == n) {
        i = (long) get_global_id(0);
        do {
            out[i] = (((double) x[i]) < ((double) y[i])) != 0;
        } while (0);
    } else {
        for (i = (long) get_global_id(0); i < n; i += (long) get_global_size(0)) {
            out[i] = (((double) x[i]) < ((double) y[i])) != 0;
        }
    }

}
