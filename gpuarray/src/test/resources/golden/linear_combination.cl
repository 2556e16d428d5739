
// user preamble
float square(float v) { return v * v; }

// jgpuarray kernel 'linear_combination'
__kernel void jga_linear_combination_0e268f4efcfa(float a, __global float *x, float b, __global float *y, __global float *c, long n)
{
    long i = 0;

    if ((long) get_global_size(0) == n) {
        i = (long) get_global_id(0);
        do {
            c[i] = a*x[i] + b*y[i];
        } while (0);
    } else {
        for (i = (long) get_global_id(0); i < n; i += (long) get_global_size(0)) {
            c[i] = a*x[i] + b*y[i];
        }
    }

}
