
// jgpuarray kernel 'astype_float32_bool'
__kernel void jga_astype_float32_bool_94bf21a223cf(__global uchar *jga_bytes_out, __global float *x, long n)
{
    __global bool *out = (__global bool *) jga_bytes_out;
    long i = 0;

    if ((long) get_global_size(0) == n) {
        i = (long) get_global_id(0);
        do {
            out[i] = (x[i]) != 0;
        } while (0);
    } else {
        for (i = (long) get_global_id(0); i < n; i += (long) get_global_size(0)) {
            out[i] = (x[i]) != 0;
        }
    }

}
