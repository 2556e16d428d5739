/*
 * A stand-in for libcufft (built as libcufft.so.12 or .so.11), for testing the CUDA backend's cuFFT
 * provider without a GPU. Plans of rank 1 or 2 with the basic (contiguous) layout are computed as naive
 * DFTs in double on the fake driver's memory, unnormalized as cuFFT's are; complex-to-real transforms
 * scribble over their input afterwards (cuFFT may overwrite it). Every call is logged (fake_common.h).
 * Plans are made and run with the primary context current, and retain it for good; while the driver
 * holds a sticky error, transforms fail with CUFFT_EXEC_FAILED.
 * Build: gcc -shared -fPIC -O1 -DFAKE_MAJOR=12 -DFAKE_MINOR=0 -DFAKE_PATCH=0 -Wl,-soname,libcufft.so.12
 *        -o libcufft.so.12 fake_libcufft.c -ldl -lm
 */
#include <math.h>
#include "fake_common.h"

#define SUCCESS 0
#define INVALID_PLAN 1
#define INVALID_TYPE 3
#define EXEC_FAILED 6
#define SETUP_FAILED 7
#define INVALID_VALUE 4
#define INVALID_SIZE 8
#define NOT_IMPLEMENTED 14
#define MAX_PLANS 256

enum { R2C = 0x2a, C2R = 0x2c, C2C = 0x29, D2Z = 0x6a, Z2D = 0x6c, Z2Z = 0x69 };

typedef struct { int alive; int rank; int n[2]; int type; int batch; void *stream; } fake_plan;

static fake_plan plans[MAX_PLANS];

static fake_plan *find(int handle) {
    return handle >= 1 && handle < MAX_PLANS && plans[handle].alive ? &plans[handle] : NULL;
}

int cufftGetProperty(int type, int *value) {
    if (type < 0 || type > 2) return INVALID_VALUE;
    *value = type == 0 ? FAKE_MAJOR : type == 1 ? FAKE_MINOR : FAKE_PATCH;
    return SUCCESS;
}

int cufftGetVersion(int *version) {
    *version = FAKE_MAJOR * 1000 + FAKE_MINOR * 100 + FAKE_PATCH;
    return SUCCESS;
}

int cufftPlanMany(int *handle, int rank, int *n, int *inembed, int istride, int idist, int *onembed, int ostride,
                  int odist, int type, int batch) {
    FAKE_INJECT("cufftPlanMany");
    FAKE_NEEDS_CONTEXT("cufftPlanMany", SETUP_FAILED);
    fake_runtime_retain();
    char dims[64];
    snprintf(dims, sizeof dims, rank == 2 ? "%d,%d" : "%d", n[0], rank == 2 ? n[1] : 0);
    if (rank < 1 || rank > 3) return INVALID_VALUE;
    if (rank == 3) return NOT_IMPLEMENTED; /* the fake does 1-D and 2-D */
    if (inembed || onembed) return INVALID_VALUE; /* the fake does the basic layout only */
    for (int d = 0; d < rank; d++) {
        if (n[d] < 1) return INVALID_SIZE;
    }
    if (batch < 1) return INVALID_SIZE;
    if (type != R2C && type != C2R && type != C2C && type != D2Z && type != Z2D && type != Z2Z) return INVALID_TYPE;
    for (int h = 1; h < MAX_PLANS; h++) {
        if (!plans[h].alive) {
            fake_plan *p = &plans[h];
            p->alive = 1;
            p->rank = rank;
            p->n[0] = rank == 2 ? n[0] : 1; /* a 1-D signal is one row: the last extent is the transformed one */
            p->n[1] = rank == 2 ? n[1] : n[0];
            p->type = type;
            p->batch = batch;
            p->stream = NULL;
            *handle = h;
            fake_note("cufftPlanMany plan=%d rank=%d n=%s inembed=null istride=%d idist=%d onembed=null ostride=%d "
                      "odist=%d type=0x%x batch=%d", h, rank, dims, istride, idist, ostride, odist, type, batch);
            return SUCCESS;
        }
    }
    return INVALID_VALUE;
}

int cufftSetStream(int handle, void *stream) {
    FAKE_INJECT("cufftSetStream");
    fake_plan *p = find(handle);
    if (!p) return INVALID_PLAN;
    p->stream = stream;
    fake_note("cufftSetStream plan=%d stream=%ld", handle, fake_stream_id(stream));
    return SUCCESS;
}

int cufftDestroy(int handle) {
    fake_plan *p = find(handle);
    if (!p) return INVALID_PLAN;
    p->alive = 0;
    fake_note("cufftDestroy plan=%d", handle);
    return SUCCESS;
}

/* One signal: in/out as doubles (complex interleaved); full is the whole complex spectrum domain. */
static void dft(const fake_plan *p, const double *in, double *out, int sign) {
    int n0 = p->n[0], n1 = p->n[1], total = n0 * n1;
    for (int k = 0; k < total; k++) {
        int k0 = k / n1, k1 = k % n1;
        double re = 0, im = 0;
        for (int j = 0; j < total; j++) {
            int j0 = j / n1, j1 = j % n1;
            double angle = sign * 2 * M_PI * ((double) ((long) j0 * k0 % n0) / n0 + (double) ((long) j1 * k1 % n1) / n1);
            re += in[2 * j] * cos(angle) - in[2 * j + 1] * sin(angle);
            im += in[2 * j] * sin(angle) + in[2 * j + 1] * cos(angle);
        }
        out[2 * k] = re;
        out[2 * k + 1] = im;
    }
}

/* Reads value i of a buffer of floats or doubles. */
static double get(const void *data, int dbl, size_t i) { return dbl ? ((const double *) data)[i] : ((const float *) data)[i]; }
static void put(void *data, int dbl, size_t i, double v) {
    if (dbl) ((double *) data)[i] = v; else ((float *) data)[i] = (float) v;
}

static int run(const char *call, int handle, int type, const void *in, void *out, int sign) {
    fake_plan *p = find(handle);
    char wi[64], wo[64];
    fake_note("%s plan=%d in=%s out=%s direction=%d stream=%ld", call, handle, fake_where(in, wi, 64),
              fake_where(out, wo, 64), sign, p ? fake_stream_id(p->stream) : -1L);
    if (!p || p->type != type) return INVALID_PLAN;
    FAKE_NEEDS_CONTEXT(call, EXEC_FAILED);
    FAKE_STICKY_FAILS(call, EXEC_FAILED);
    int dbl = type == D2Z || type == Z2D || type == Z2Z;
    int n0 = p->n[0], n1 = p->n[1], total = n0 * n1, half1 = n1 / 2 + 1, half = n0 * half1;
    double *x = calloc(2 * (size_t) total, sizeof(double));
    double *y = calloc(2 * (size_t) total, sizeof(double));
    for (int s = 0; s < p->batch; s++) {
        for (int j = 0; j < total; j++) {
            if (type == C2C || type == Z2Z) {
                x[2 * j] = get(in, dbl, 2 * ((size_t) s * total + j));
                x[2 * j + 1] = get(in, dbl, 2 * ((size_t) s * total + j) + 1);
            } else if (type == R2C || type == D2Z) {
                x[2 * j] = get(in, dbl, (size_t) s * total + j);
                x[2 * j + 1] = 0;
            } else { /* the full spectrum from the half one, by Hermitian symmetry */
                int j0 = j / n1, j1 = j % n1, conj = j1 >= half1;
                int src = conj ? ((n0 - j0) % n0) * half1 + (n1 - j1) : j0 * half1 + j1;
                x[2 * j] = get(in, dbl, 2 * ((size_t) s * half + src));
                x[2 * j + 1] = (conj ? -1 : 1) * get(in, dbl, 2 * ((size_t) s * half + src) + 1);
            }
        }
        dft(p, x, y, sign);
        for (int k = 0; k < total; k++) {
            int k1 = k % n1;
            if (type == C2C || type == Z2Z) {
                put(out, dbl, 2 * ((size_t) s * total + k), y[2 * k]);
                put(out, dbl, 2 * ((size_t) s * total + k) + 1, y[2 * k + 1]);
            } else if (type == R2C || type == D2Z) {
                if (k1 < half1) {
                    size_t at = (size_t) s * half + (size_t) (k / n1) * half1 + k1;
                    put(out, dbl, 2 * at, y[2 * k]);
                    put(out, dbl, 2 * at + 1, y[2 * k + 1]);
                }
            } else {
                put(out, dbl, (size_t) s * total + k, y[2 * k]);
            }
        }
    }
    if (type == C2R || type == Z2D) {
        memset((void *) in, 0x7f, (size_t) p->batch * half * 2 * (dbl ? 8 : 4));
    }
    free(x);
    free(y);
    return SUCCESS;
}

int cufftExecC2C(int plan, void *in, void *out, int direction) {
    FAKE_INJECT("cufftExecC2C");
    if (direction != -1 && direction != 1) return INVALID_VALUE;
    return run("cufftExecC2C", plan, C2C, in, out, direction);
}

int cufftExecZ2Z(int plan, void *in, void *out, int direction) {
    FAKE_INJECT("cufftExecZ2Z");
    if (direction != -1 && direction != 1) return INVALID_VALUE;
    return run("cufftExecZ2Z", plan, Z2Z, in, out, direction);
}

int cufftExecR2C(int plan, void *in, void *out) { FAKE_INJECT("cufftExecR2C"); return run("cufftExecR2C", plan, R2C, in, out, -1); }
int cufftExecD2Z(int plan, void *in, void *out) { FAKE_INJECT("cufftExecD2Z"); return run("cufftExecD2Z", plan, D2Z, in, out, -1); }
int cufftExecC2R(int plan, void *in, void *out) { FAKE_INJECT("cufftExecC2R"); return run("cufftExecC2R", plan, C2R, in, out, 1); }
int cufftExecZ2D(int plan, void *in, void *out) { FAKE_INJECT("cufftExecZ2D"); return run("cufftExecZ2D", plan, Z2D, in, out, 1); }
