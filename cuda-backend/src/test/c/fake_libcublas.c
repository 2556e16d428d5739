/*
 * A stand-in for libcublas (built as libcublas.so.12 with symbol version "libcublas.so.12", which
 * JCublas2's natives ask for, or as libcublas.so.13 for the JNA binding), for testing the CUDA backend's
 * cuBLAS provider without a GPU. Column-major BLAS computed on the fake driver's memory (host memory),
 * with cuBLAS's argument checks; every call is logged with its arguments (see fake_common.h). Scalars
 * and results must live where the pointer mode says (host or fake device memory), else the call fails
 * with CUBLAS_STATUS_INVALID_VALUE, so that a wrong pointer mode is caught. Handles are created and used
 * with the primary context current, and retain it for good (fake_common.h); while the driver holds a
 * sticky error, computing calls fail with CUBLAS_STATUS_EXECUTION_FAILED, as the real ones do.
 * Build: gcc -shared -fPIC -O1 -DFAKE_MAJOR=13 -DFAKE_MINOR=0 -DFAKE_PATCH=2 -Wl,-soname,libcublas.so.13
 *        -Wl,--version-script=<map> -o libcublas.so.13 fake_libcublas.c -ldl -lm
 */
#include <math.h>
#include "fake_common.h"

#define SUCCESS 0
#define NOT_INITIALIZED 1
#define INVALID_VALUE 7
#define EXECUTION_FAILED 13
#define MAGIC 0x0b1a5

typedef struct { int magic; int id; int mode; void *stream; } fake_handle;

static int next_handle = 1;

static int valid(fake_handle *h) { return h && h->magic == MAGIC; }
static int imax(int a, int b) { return a > b ? a : b; }
static char op(int o) { return o == 0 ? 'N' : o == 1 ? 'T' : 'C'; }

/* A scalar or result pointer must be where the pointer mode says. */
static int placed(fake_handle *h, const void *p, const char *call, const char *what) {
    if (fake_is_device(p) == (h->mode == 1)) return 1;
    fake_note("%s handle=%d %s in %s memory but pointer mode %d", call, h->id, what, h->mode ? "host" : "device", h->mode);
    return 0;
}

int cublasCreate_v2(fake_handle **handle) {
    FAKE_INJECT("cublasCreate_v2");
    FAKE_NEEDS_CONTEXT("cublasCreate_v2", NOT_INITIALIZED);
    fake_runtime_retain();
    fake_handle *h = calloc(1, sizeof *h);
    h->magic = MAGIC;
    h->id = next_handle++;
    *handle = h;
    fake_note("cublasCreate handle=%d", h->id);
    return SUCCESS;
}

int cublasDestroy_v2(fake_handle *h) {
    if (!valid(h)) return NOT_INITIALIZED;
    fake_note("cublasDestroy handle=%d", h->id);
    h->magic = 0;
    free(h);
    return SUCCESS;
}

int cublasSetStream_v2(fake_handle *h, void *stream) {
    FAKE_INJECT("cublasSetStream_v2");
    if (!valid(h)) return NOT_INITIALIZED;
    h->stream = stream;
    fake_note("cublasSetStream handle=%d stream=%ld", h->id, fake_stream_id(stream));
    return SUCCESS;
}

int cublasSetPointerMode_v2(fake_handle *h, int mode) {
    if (!valid(h)) return NOT_INITIALIZED;
    if (mode != 0 && mode != 1) return INVALID_VALUE;
    h->mode = mode;
    fake_note("cublasSetPointerMode handle=%d mode=%d", h->id, mode);
    return SUCCESS;
}

int cublasGetProperty(int type, int *value) {
    if (type < 0 || type > 2) return INVALID_VALUE;
    *value = type == 0 ? FAKE_MAJOR : type == 1 ? FAKE_MINOR : FAKE_PATCH;
    return SUCCESS;
}

int cublasGetVersion_v2(fake_handle *h, int *version) {
    (void) h;
    *version = FAKE_MAJOR * 10000 + FAKE_MINOR * 100 + FAKE_PATCH;
    return SUCCESS;
}

const char *cublasGetStatusName(int status) { return status == 0 ? "CUBLAS_STATUS_SUCCESS" : "CUBLAS_STATUS_FAKE"; }

#define GEMM(NAME, T)                                                                                           \
int NAME(fake_handle *h, int ta, int tb, int m, int n, int k, const T *alpha, const T *a, int lda, const T *b,  \
         int ldb, const T *beta, T *c, int ldc) {                                                               \
    FAKE_INJECT(#NAME);                                                                                         \
    if (!valid(h)) return NOT_INITIALIZED;                                                                      \
    FAKE_NEEDS_CONTEXT(#NAME, NOT_INITIALIZED);                                                                 \
    FAKE_STICKY_FAILS(#NAME, EXECUTION_FAILED);                                                                 \
    char wa[64], wb[64], wc[64];                                                                                \
    fake_note("%s handle=%d stream=%ld mode=%d opA=%c opB=%c m=%d n=%d k=%d alpha=%g A=%s lda=%d B=%s ldb=%d "  \
              "beta=%g C=%s ldc=%d", #NAME, h->id, fake_stream_id(h->stream), h->mode, op(ta), op(tb), m, n, \
              k, (double) *alpha, fake_where(a, wa, 64), lda, fake_where(b, wb, 64), ldb, (double) *beta,       \
              fake_where(c, wc, 64), ldc);                                                                      \
    if (!placed(h, alpha, #NAME, "alpha") || !placed(h, beta, #NAME, "beta")) return INVALID_VALUE;            \
    if (m < 0 || n < 0 || k < 0 || lda < imax(1, ta ? k : m) || ldb < imax(1, tb ? n : k) || ldc < imax(1, m)) \
        return INVALID_VALUE;                                                                                   \
    for (int j = 0; j < n; j++) {                                                                               \
        for (int i = 0; i < m; i++) {                                                                           \
            double acc = 0;                                                                                     \
            for (int p = 0; p < k; p++) {                                                                       \
                acc += (double) (ta ? a[p + (size_t) i * lda] : a[i + (size_t) p * lda])                        \
                        * (double) (tb ? b[j + (size_t) p * ldb] : b[p + (size_t) j * ldb]);                    \
            }                                                                                                   \
            T *out = &c[i + (size_t) j * ldc];                                                                  \
            *out = (T) (*alpha * acc + (*beta == 0 ? 0 : *beta * (double) *out));                               \
        }                                                                                                       \
    }                                                                                                           \
    return SUCCESS;                                                                                             \
}

GEMM(cublasSgemm_v2, float)
GEMM(cublasDgemm_v2, double)

/* Strided-batched GEMM: matrix i of X starts stride_x elements after matrix i - 1; each product as GEMM. */
#define GEMM_STRIDED(NAME, T)                                                                                   \
int NAME(fake_handle *h, int ta, int tb, int m, int n, int k, const T *alpha, const T *a, int lda,              \
         long long sa, const T *b, int ldb, long long sb, const T *beta, T *c, int ldc, long long sc, int batch) { \
    FAKE_INJECT(#NAME);                                                                                         \
    if (!valid(h)) return NOT_INITIALIZED;                                                                      \
    FAKE_NEEDS_CONTEXT(#NAME, NOT_INITIALIZED);                                                                 \
    FAKE_STICKY_FAILS(#NAME, EXECUTION_FAILED);                                                                 \
    char wa[64], wb[64], wc[64];                                                                                \
    fake_note("%s handle=%d stream=%ld mode=%d opA=%c opB=%c m=%d n=%d k=%d alpha=%g A=%s lda=%d strideA=%lld " \
              "B=%s ldb=%d strideB=%lld beta=%g C=%s ldc=%d strideC=%lld batch=%d", #NAME, h->id,               \
              fake_stream_id(h->stream), h->mode, op(ta), op(tb), m, n, k, (double) *alpha,                  \
              fake_where(a, wa, 64), lda, sa, fake_where(b, wb, 64), ldb, sb, (double) *beta,                   \
              fake_where(c, wc, 64), ldc, sc, batch);                                                           \
    if (!placed(h, alpha, #NAME, "alpha") || !placed(h, beta, #NAME, "beta")) return INVALID_VALUE;            \
    if (m < 0 || n < 0 || k < 0 || batch < 0 || lda < imax(1, ta ? k : m) || ldb < imax(1, tb ? n : k)         \
        || ldc < imax(1, m)) return INVALID_VALUE;                                                              \
    for (int q = 0; q < batch; q++) {                                                                           \
        const T *aq = a + q * sa;                                                                               \
        const T *bq = b + q * sb;                                                                               \
        T *cq = c + q * sc;                                                                                     \
        for (int j = 0; j < n; j++) {                                                                           \
            for (int i = 0; i < m; i++) {                                                                       \
                double acc = 0;                                                                                 \
                for (int p = 0; p < k; p++) {                                                                   \
                    acc += (double) (ta ? aq[p + (size_t) i * lda] : aq[i + (size_t) p * lda])                  \
                            * (double) (tb ? bq[j + (size_t) p * ldb] : bq[p + (size_t) j * ldb]);              \
                }                                                                                               \
                T *out = &cq[i + (size_t) j * ldc];                                                             \
                *out = (T) (*alpha * acc + (*beta == 0 ? 0 : *beta * (double) *out));                           \
            }                                                                                                   \
        }                                                                                                       \
    }                                                                                                           \
    return SUCCESS;                                                                                             \
}

GEMM_STRIDED(cublasSgemmStridedBatched, float)
GEMM_STRIDED(cublasDgemmStridedBatched, double)

#define GEMV(NAME, T)                                                                                           \
int NAME(fake_handle *h, int trans, int m, int n, const T *alpha, const T *a, int lda, const T *x, int incx,    \
         const T *beta, T *y, int incy) {                                                                       \
    FAKE_INJECT(#NAME);                                                                                         \
    if (!valid(h)) return NOT_INITIALIZED;                                                                      \
    FAKE_NEEDS_CONTEXT(#NAME, NOT_INITIALIZED);                                                                 \
    FAKE_STICKY_FAILS(#NAME, EXECUTION_FAILED);                                                                 \
    char wa[64], wx[64], wy[64];                                                                                \
    fake_note("%s handle=%d stream=%ld mode=%d op=%c m=%d n=%d alpha=%g A=%s lda=%d x=%s incx=%d beta=%g y=%s " \
              "incy=%d", #NAME, h->id, fake_stream_id(h->stream), h->mode, op(trans), m, n, (double) *alpha, \
              fake_where(a, wa, 64), lda, fake_where(x, wx, 64), incx, (double) *beta, fake_where(y, wy, 64),   \
              incy);                                                                                            \
    if (!placed(h, alpha, #NAME, "alpha") || !placed(h, beta, #NAME, "beta")) return INVALID_VALUE;            \
    if (m < 0 || n < 0 || lda < imax(1, m) || incx != 1 || incy != 1) return INVALID_VALUE;                     \
    int ylen = trans ? n : m;                                                                                   \
    int xlen = trans ? m : n;                                                                                   \
    for (int i = 0; i < ylen; i++) {                                                                            \
        double acc = 0;                                                                                         \
        for (int p = 0; p < xlen; p++) {                                                                        \
            acc += (double) (trans ? a[p + (size_t) i * lda] : a[i + (size_t) p * lda]) * (double) x[p];        \
        }                                                                                                       \
        y[i] = (T) (*alpha * acc + (*beta == 0 ? 0 : *beta * (double) y[i]));                                   \
    }                                                                                                           \
    return SUCCESS;                                                                                             \
}

GEMV(cublasSgemv_v2, float)
GEMV(cublasDgemv_v2, double)

#define AXPY(NAME, T)                                                                                           \
int NAME(fake_handle *h, int n, const T *alpha, const T *x, int incx, T *y, int incy) {                         \
    FAKE_INJECT(#NAME);                                                                                         \
    if (!valid(h)) return NOT_INITIALIZED;                                                                      \
    FAKE_NEEDS_CONTEXT(#NAME, NOT_INITIALIZED);                                                                 \
    FAKE_STICKY_FAILS(#NAME, EXECUTION_FAILED);                                                                 \
    char wx[64], wy[64];                                                                                        \
    fake_note("%s handle=%d stream=%ld mode=%d n=%d alpha=%g x=%s incx=%d y=%s incy=%d", #NAME, h->id,          \
              fake_stream_id(h->stream), h->mode, n, (double) *alpha, fake_where(x, wx, 64), incx,           \
              fake_where(y, wy, 64), incy);                                                                     \
    if (!placed(h, alpha, #NAME, "alpha")) return INVALID_VALUE;                                               \
    if (incx != 1 || incy != 1) return INVALID_VALUE;                                                           \
    for (int i = 0; i < n; i++) y[i] = (T) (*alpha * (double) x[i] + (double) y[i]);                            \
    return SUCCESS;                                                                                             \
}

AXPY(cublasSaxpy_v2, float)
AXPY(cublasDaxpy_v2, double)

#define DOT(NAME, T)                                                                                            \
int NAME(fake_handle *h, int n, const T *x, int incx, const T *y, int incy, T *result) {                        \
    FAKE_INJECT(#NAME);                                                                                         \
    if (!valid(h)) return NOT_INITIALIZED;                                                                      \
    FAKE_NEEDS_CONTEXT(#NAME, NOT_INITIALIZED);                                                                 \
    FAKE_STICKY_FAILS(#NAME, EXECUTION_FAILED);                                                                 \
    char wx[64], wy[64], wr[64];                                                                                \
    fake_note("%s handle=%d stream=%ld mode=%d n=%d x=%s incx=%d y=%s incy=%d result=%s", #NAME, h->id,         \
              fake_stream_id(h->stream), h->mode, n, fake_where(x, wx, 64), incx, fake_where(y, wy, 64),     \
              incy, fake_where(result, wr, 64));                                                                \
    if (!placed(h, result, #NAME, "result")) return INVALID_VALUE;                                             \
    double acc = 0;                                                                                             \
    for (int i = 0; i < n; i++) acc += (double) x[i] * (double) y[i];                                           \
    *result = (T) acc;                                                                                          \
    return SUCCESS;                                                                                             \
}

DOT(cublasSdot_v2, float)
DOT(cublasDdot_v2, double)

#define NRM2(NAME, T)                                                                                           \
int NAME(fake_handle *h, int n, const T *x, int incx, T *result) {                                              \
    FAKE_INJECT(#NAME);                                                                                         \
    if (!valid(h)) return NOT_INITIALIZED;                                                                      \
    FAKE_NEEDS_CONTEXT(#NAME, NOT_INITIALIZED);                                                                 \
    FAKE_STICKY_FAILS(#NAME, EXECUTION_FAILED);                                                                 \
    char wx[64], wr[64];                                                                                        \
    fake_note("%s handle=%d stream=%ld mode=%d n=%d x=%s incx=%d result=%s", #NAME, h->id,                      \
              fake_stream_id(h->stream), h->mode, n, fake_where(x, wx, 64), incx, fake_where(result, wr, 64)); \
    if (!placed(h, result, #NAME, "result")) return INVALID_VALUE;                                             \
    double acc = 0;                                                                                             \
    for (int i = 0; i < n; i++) acc += (double) x[i] * (double) x[i];                                           \
    *result = (T) sqrt(acc);                                                                                    \
    return SUCCESS;                                                                                             \
}

NRM2(cublasSnrm2_v2, float)
NRM2(cublasDnrm2_v2, double)
