
// jgpuarray kernel 'exp_float32_float32'
__kernel void jga_exp_float32_float32_79a6cdba72b9(__global float *out, __global float *x, long n)
{
    long i = 0;

    if ((long) get_global_size(0) == n) {
        i = (long) get_global_id(0);
        do {
            out[i] = (float) (exp(x[i]));
        } while (0);
    } else {
        for (i = (long) get_global_id(0); i < n; i += (long) get_global_size(0)) {
            out[i] = (float) (exp(x[i]));
        }
    }

}
