
// user preamble
long jga_ipow_int64(long base, long exponent)
{
    if (exponent < 0) {
        return base == 1 ? 1 : (base == -1 ? ((exponent & 1) ? -1 : 1) : 0);
    }
    long result = 1;
    while (exponent > 0) {
        if (exponent & 1) {
            result *= base;
        }
        base *= base;
        exponent >>= 1;
    }
    return result;
}

// jgpuarray kernel 'pow_int64_scalar_int64'
__kernel void jga_pow_int64_scalar_int64_89345908aeb0(__global long *out, __global long *x, long s, long n)
{
    long i = 0;

    if ((long) get_global_size(0) == n) {
        i = (long) get_global_id(0);
        do {
            out[i] = (long) (jga_ipow_int64(x[i], s));
        } while (0);
    } else {
        for (i = (long) get_global_id(0); i < n; i += (long) get_global_size(0)) {
            out[i] = (long) (jga_ipow_int64(x[i], s));
        }
    }

}
