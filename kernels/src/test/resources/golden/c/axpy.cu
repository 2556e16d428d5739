// jgpuarray CUDA prelude: the portable snippet vocabulary
#ifndef INFINITY
#define INFINITY __int_as_float(0x7f800000)
#endif
#ifndef NAN
#define NAN __int_as_float(0x7fffffff)
#endif
#ifndef M_PI
#define M_PI 3.14159265358979323846
#endif
#ifndef M_E
#define M_E 2.71828182845904523536
#endif
#define M_PI_F 3.14159265358979323846f
#ifndef FLT_MAX
#define FLT_MAX 3.402823466e+38f
#endif
#ifndef FLT_MIN
#define FLT_MIN 1.175494351e-38f
#endif
#ifndef FLT_EPSILON
#define FLT_EPSILON 1.192092896e-07f
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
#ifndef INT_MAX
#define INT_MAX 2147483647
#endif
#ifndef INT_MIN
#define INT_MIN (-2147483647 - 1)
#endif
#ifndef LLONG_MAX
#define LLONG_MAX 9223372036854775807LL
#endif
#ifndef LLONG_MIN
#define LLONG_MIN (-9223372036854775807LL - 1LL)
#endif
#ifdef __CUDACC_RTC__
typedef int int32_t;
typedef long long int64_t;
#else
#include <stdint.h>
#endif
// min, max and abs of any snippet types, as on the CPU and OpenCL: C's usual arithmetic
// conversions (CUDA overloads only some pairs, so min(long, long) or min(int, float) are
// ambiguous), fminf semantics on floats (a NaN operand gives the other one). CUDA's own exact
// overloads still win; these templates (C++03, for NVRTC 11's default) catch the rest.
template <class T> struct jga_rank { enum { value = 0 }; };
template <> struct jga_rank<bool> { enum { value = 1 }; typedef int type; };
template <> struct jga_rank<int> { enum { value = 1 }; typedef int type; };
template <> struct jga_rank<long> { enum { value = 2 }; typedef long type; };
template <> struct jga_rank<long long> { enum { value = 3 }; typedef long long type; };
template <> struct jga_rank<float> { enum { value = 4 }; typedef float type; };
template <> struct jga_rank<double> { enum { value = 5 }; typedef double type; };
template <class A, class B, bool SNIPPET_TYPES = (jga_rank<A>::value > 0 && jga_rank<B>::value > 0)>
struct jga_common { };
template <class A, class B> struct jga_common<A, B, true>
{
    typedef typename jga_rank<A>::type PA;
    typedef typename jga_rank<B>::type PB;
    template <bool FIRST, class X, class Y> struct pick { typedef X type; };
    template <class X, class Y> struct pick<false, X, Y> { typedef Y type; };
    typedef typename pick<(jga_rank<A>::value >= jga_rank<B>::value), PA, PB>::type type;
};
template <class A, class B> __device__ __forceinline__ typename jga_common<A, B>::type min(A a, B b)
{
    typedef typename jga_common<A, B>::type T;
    return (T) b != (T) b || (T) a < (T) b ? (T) a : (T) b;
}
template <class A, class B> __device__ __forceinline__ typename jga_common<A, B>::type max(A a, B b)
{
    typedef typename jga_common<A, B>::type T;
    return (T) b != (T) b || (T) a > (T) b ? (T) a : (T) b;
}
template <class T> __device__ __forceinline__ typename jga_rank<T>::type abs(T x)
{
    return x < 0 ? -x : +x;
}
// copysign and pow of a floating and an integer argument, which CUDA finds ambiguous: the
// floating argument's type, as in OpenCL C and on the CPU
template <class T> struct jga_floating { enum { value = 0 }; };
template <> struct jga_floating<float> { enum { value = 1 }; };
template <> struct jga_floating<double> { enum { value = 2 }; };
template <class A, class B, int FA = jga_floating<A>::value, int FB = jga_floating<B>::value,
          bool SNIPPET_TYPES = (jga_rank<A>::value > 0 && jga_rank<B>::value > 0)>
struct jga_mixed { };
template <class A, class B> struct jga_mixed<A, B, 1, 0, true> { typedef float type; };
template <class A, class B> struct jga_mixed<A, B, 0, 1, true> { typedef float type; };
template <class A, class B> struct jga_mixed<A, B, 2, 0, true> { typedef double type; };
template <class A, class B> struct jga_mixed<A, B, 0, 2, true> { typedef double type; };
template <class A, class B> __device__ __forceinline__ typename jga_mixed<A, B>::type copysign(A a, B b)
{
    typedef typename jga_mixed<A, B>::type T;
    return copysign((T) a, (T) b);
}
template <class A, class B> __device__ __forceinline__ typename jga_mixed<A, B>::type pow(A a, B b)
{
    typedef typename jga_mixed<A, B>::type T;
    return pow((T) a, (T) b);
}

// jgpuarray kernel 'axpy'
extern "C" __global__ void jga_axpy_7fb46eae1ccf(float a, float *x, float b, float *y, float *c, long long n)
{
    long long i = 0;
    (void) i;

    for (i = (long long) blockIdx.x * blockDim.x + threadIdx.x; i < n; i += (long long) blockDim.x * gridDim.x) {
        c[i] = a*x[i] + b*y[i];
    }

}
