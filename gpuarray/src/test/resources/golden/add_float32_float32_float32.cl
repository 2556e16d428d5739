
// jgpuarray kernel 'add_float32_float32_float32'
__kernel void jga_add_float32_float32_floa_cc22c677f5f0(__global float *out, __global float *x, __global float *y, long n)
{
    long i = 0;

    if ((long) get_global_size(0) == n) {
        i = (long) get_global_id(0);
        do {
            out[i] = (float) (x[i] + y[i]);
        } while (0);
    } else {
        for (i = (long) get_global_id(0); i < n; i += (long) get_global_size(0)) {
            out[i] = (float) (x[i] + y[i]);
        }
    }

}
