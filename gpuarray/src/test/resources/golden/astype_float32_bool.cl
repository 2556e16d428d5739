
__kernel void astype_float32_bool(__global uchar *out, __global float *x, long n)
{
    long i = 0;

    for (i = (long) get_global_id(0); i < n; i += (long) get_global_size(0)) {
        out[i] = (x[i]) != 0;
    }

}
