// jgpuarray OpenCL prelude: the portable snippet vocabulary
#if defined(cl_khr_fp64)
#pragma OPENCL EXTENSION cl_khr_fp64 : enable
#elif defined(cl_amd_fp64)
#pragma OPENCL EXTENSION cl_amd_fp64 : enable
#endif
// bool arrays are uchar buffers viewed as bool (see the kernels' parameters)
typedef char jga_bool_is_one_byte[sizeof(bool) == 1 ? 1 : -1];
#define __device__
#define __host__
#define __forceinline__
// C's float math names: the argument converted to float, as C does
#define expf(x) exp((float) (x))
#define exp2f(x) exp2((float) (x))
#define expm1f(x) expm1((float) (x))
#define logf(x) log((float) (x))
#define log2f(x) log2((float) (x))
#define log10f(x) log10((float) (x))
#define log1pf(x) log1p((float) (x))
#define sqrtf(x) sqrt((float) (x))
#define rsqrtf(x) rsqrt((float) (x))
#define cbrtf(x) cbrt((float) (x))
#define sinf(x) sin((float) (x))
#define cosf(x) cos((float) (x))
#define tanf(x) tan((float) (x))
#define asinf(x) asin((float) (x))
#define acosf(x) acos((float) (x))
#define atanf(x) atan((float) (x))
#define sinhf(x) sinh((float) (x))
#define coshf(x) cosh((float) (x))
#define tanhf(x) tanh((float) (x))
#define floorf(x) floor((float) (x))
#define ceilf(x) ceil((float) (x))
#define roundf(x) round((float) (x))
#define truncf(x) trunc((float) (x))
#define rintf(x) rint((float) (x))
#define fabsf(x) fabs((float) (x))
#define powf(x, y) pow((float) (x), (float) (y))
#define atan2f(x, y) atan2((float) (x), (float) (y))
#define fmodf(x, y) fmod((float) (x), (float) (y))
#define hypotf(x, y) hypot((float) (x), (float) (y))
#define copysignf(x, y) copysign((float) (x), (float) (y))
#define fminf(x, y) fmin((float) (x), (float) (y))
#define fmaxf(x, y) fmax((float) (x), (float) (y))
#define fdimf(x, y) fdim((float) (x), (float) (y))
#define fmaf(x, y, z) fma((float) (x), (float) (y), (float) (z))
// abs, min and max as in CUDA and C++: the operands' common type (OpenCL's abs(int) is unsigned and
// abs(float) does not exist), fminf/fmaxf semantics on floats (a NaN operand gives the other one);
// arguments may be evaluated more than once
#undef abs
#undef min
#undef max
#define abs(x) ((x) < 0 ? -(x) : (x) + 0)
#define labs(x) abs((long) (x))
#define llabs(x) abs((long) (x))
#define min(a, b) ((b) != (b) || (a) < (b) ? (a) : (b))
#define max(a, b) ((b) != (b) || (a) > (b) ? (a) : (b))
#define int32_t int
#define int64_t long
#ifndef M_PI
#define M_PI 3.14159265358979323846
#endif
#ifndef M_E
#define M_E 2.71828182845904523536
#endif
#ifndef DBL_MAX
#define DBL_MAX 1.7976931348623158e+308
#endif
#ifndef DBL_MIN
#define DBL_MIN 2.2250738585072014e-308
#endif
#ifndef DBL_EPSILON
#define DBL_EPSILON 2.2204460492503131e-16
#endif
#ifndef LLONG_MAX
#define LLONG_MAX LONG_MAX
#endif
#ifndef LLONG_MIN
#define LLONG_MIN LONG_MIN
#endif

// jgpuarray kernel 'strided_copy'
__kernel void jga_strided_copy_126d099b3ecd(__global float *out, __global float *x, long jga_shape0, long jga_off_out, long jga_st0_out, long jga_off_x, long jga_st0_x, long n)
{
    long i = 0;

    if ((long) get_global_size(0) == n) {
        i = (long) get_global_id(0);
        do {
            long jga_at_out = jga_off_out;
            long jga_at_x = jga_off_x;
            long jga_rest = i;
            jga_at_out += jga_rest * jga_st0_out;
            jga_at_x += jga_rest * jga_st0_x;
            out[jga_at_out] = x[jga_at_x];
        } while (0);
    } else {
        for (i = (long) get_global_id(0); i < n; i += (long) get_global_size(0)) {
            long jga_at_out = jga_off_out;
            long jga_at_x = jga_off_x;
            long jga_rest = i;
            jga_at_out += jga_rest * jga_st0_out;
            jga_at_x += jga_rest * jga_st0_x;
            out[jga_at_out] = x[jga_at_x];
        }
    }

}
