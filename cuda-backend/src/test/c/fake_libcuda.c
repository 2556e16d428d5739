/*
 * A stand-in for libcuda.so.1, for testing the CUDA backend's driver-API plumbing on machines without
 * a GPU. It is no emulator: "device memory" is host memory, copies are memcpy, and kernels do not
 * run. Loading a module parses the PTX's .entry declarations; a launch is recorded, with each
 * parameter decoded by its PTX type, in the file named by FAKE_CUDA_LOG. Knobs (environment):
 *   FAKE_CUDA_CC      compute capability as a number (default 120, newer than NVRTC 11.8 knows)
 *   FAKE_CUDA_DRIVER  cuDriverGetVersion's answer (default 12040)
 *   FAKE_CUDA_MEMORY  device memory in bytes (default 256 MiB)
 * A kernel whose name contains "jga_fake_fault" makes the context sticky-broken (700) at the next call;
 * an image containing "jga_fake_invalid_ptx" fails to load with a JIT error log (218), one containing
 * "jga_fake_unsupported_ptx" with CUDA_ERROR_UNSUPPORTED_PTX_VERSION (222).
 * Copies between buffers are logged too. The fake libraries (fake_libcublas.c, ...) name device
 * addresses in their logs through fake_cuda_describe, exported here.
 * Build: gcc -shared -fPIC -O1 -o libcuda.so.1 fake_libcuda.c
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef int CUresult;
typedef int CUdevice;
typedef unsigned long long CUdeviceptr;

#define MAX_PARAMS 64
#define MAX_ALLOCS 4096

typedef struct { char name[256]; int count; int size[MAX_PARAMS]; char type[MAX_PARAMS][8]; } fake_function;
typedef struct { int functions; fake_function *function; } fake_module;
typedef struct { int recorded; } fake_event;
typedef struct { int alive; char *base; size_t bytes; int id; } fake_alloc;

static int context_refs = 0;
static int sticky = 0;
static int context_token = 42;
static __thread void *current = NULL;
static fake_alloc allocs[MAX_ALLOCS];
static int next_id = 1;
static size_t used = 0;

static long env_long(const char *name, long fallback) {
    const char *v = getenv(name);
    return v && *v ? atol(v) : fallback;
}

static void note(const char *format, ...) {
    const char *path = getenv("FAKE_CUDA_LOG");
    if (!path) return;
    FILE *f = fopen(path, "a");
    if (!f) return;
    va_list args;
    va_start(args, format);
    vfprintf(f, format, args);
    va_end(args);
    fputc('\n', f);
    fclose(f);
}

static fake_alloc *find_alloc(const char *p) {
    for (int k = 0; k < MAX_ALLOCS; k++) {
        if (allocs[k].alive && p >= allocs[k].base && p < allocs[k].base + (allocs[k].bytes ? allocs[k].bytes : 1)) {
            return &allocs[k];
        }
    }
    return NULL;
}

#define STICKY_CHECK() do { if (sticky) return sticky; } while (0)

CUresult cuInit(unsigned int flags) { (void) flags; return 0; }
CUresult cuDriverGetVersion(int *v) { *v = (int) env_long("FAKE_CUDA_DRIVER", 12040); return 0; }
CUresult cuDeviceGetCount(int *n) { *n = 1; return 0; }
CUresult cuDeviceGet(CUdevice *d, int ordinal) { if (ordinal != 0) return 101; *d = 0; return 0; }
CUresult cuDeviceGetName(char *name, int len, CUdevice d) { (void) d; snprintf(name, len, "jgpuarray fake CUDA device"); return 0; }
CUresult cuDeviceTotalMem_v2(size_t *bytes, CUdevice d) { (void) d; *bytes = (size_t) env_long("FAKE_CUDA_MEMORY", 256L << 20); return 0; }
CUresult cuDeviceGetPCIBusId(char *id, int len, CUdevice d) { (void) d; snprintf(id, len, "0000:00:00.0"); return 0; }

CUresult cuDeviceGetAttribute(int *value, int attribute, CUdevice d) {
    (void) d;
    long cc = env_long("FAKE_CUDA_CC", 120);
    switch (attribute) {
        case 75: *value = (int) (cc / 10); return 0;   /* compute capability major */
        case 76: *value = (int) (cc % 10); return 0;   /* minor */
        case 16: *value = 4; return 0;                 /* multiprocessors */
        case 1: *value = 1024; return 0;               /* max threads per block */
        case 10: *value = 32; return 0;                /* warp size */
        case 13: *value = 1500000; return 0;           /* clock rate, kHz */
        case 36: *value = 2000000; return 0;           /* memory clock, kHz */
        case 37: *value = 256; return 0;               /* bus width */
        case 38: *value = 1 << 20; return 0;           /* L2 */
        case 8: *value = 48 * 1024; return 0;          /* shared memory per block */
        case 32: *value = 0; return 0;                 /* ECC */
        default: return 1;                             /* CUDA_ERROR_INVALID_VALUE: not reported */
    }
}

CUresult cuDevicePrimaryCtxRetain(void **ctx, CUdevice d) {
    (void) d;
    context_refs++;
    note("retain refs=%d", context_refs);
    *ctx = &context_token;
    return 0;
}

CUresult cuDevicePrimaryCtxRelease_v2(CUdevice d) {
    (void) d;
    if (context_refs == 0) return 201; /* CUDA_ERROR_INVALID_CONTEXT */
    context_refs--;
    note("release refs=%d", context_refs);
    if (context_refs == 0) {
        sticky = 0;  /* the primary context is destroyed; a new one starts clean */
    }
    return 0;
}

CUresult cuCtxSetCurrent(void *ctx) { current = ctx; return 0; }
CUresult cuCtxGetCurrent(void **ctx) { *ctx = current; return 0; }
CUresult cuCtxSynchronize(void) { STICKY_CHECK(); return current ? 0 : 201; }

CUresult cuMemGetInfo_v2(size_t *free_bytes, size_t *total) {
    *total = (size_t) env_long("FAKE_CUDA_MEMORY", 256L << 20);
    *free_bytes = *total - used;
    return 0;
}

CUresult cuMemAlloc_v2(CUdeviceptr *p, size_t bytes) {
    STICKY_CHECK();
    if (!current) return 201;
    if (bytes == 0) return 1;
    if (used + bytes > (size_t) env_long("FAKE_CUDA_MEMORY", 256L << 20)) return 2; /* out of memory */
    for (int k = 0; k < MAX_ALLOCS; k++) {
        if (!allocs[k].alive) {
            allocs[k].base = malloc(bytes);
            if (!allocs[k].base) return 2;
            memset(allocs[k].base, 0xA5, bytes);
            allocs[k].alive = 1;
            allocs[k].bytes = bytes;
            allocs[k].id = next_id++;
            used += bytes;
            *p = (CUdeviceptr) (uintptr_t) allocs[k].base;
            note("alloc id=%d bytes=%zu", allocs[k].id, bytes);
            return 0;
        }
    }
    return 2;
}

CUresult cuMemFree_v2(CUdeviceptr p) {
    fake_alloc *a = find_alloc((char *) (uintptr_t) p);
    if (!a || a->base != (char *) (uintptr_t) p) return 1;
    note("free id=%d", a->id);
    used -= a->bytes;
    free(a->base);
    a->alive = 0;
    return sticky;
}

static CUresult check_range(CUdeviceptr p, size_t bytes) {
    fake_alloc *a = find_alloc((char *) (uintptr_t) p);
    if (!a || (char *) (uintptr_t) p + bytes > a->base + a->bytes) return 1;
    return 0;
}

CUresult cuMemcpyHtoD_v2(CUdeviceptr dst, const void *src, size_t bytes) {
    STICKY_CHECK();
    if (check_range(dst, bytes)) return 1;
    memcpy((void *) (uintptr_t) dst, src, bytes);
    return 0;
}

CUresult cuMemcpyDtoH_v2(void *dst, CUdeviceptr src, size_t bytes) {
    STICKY_CHECK();
    if (check_range(src, bytes)) return 1;
    memcpy(dst, (void *) (uintptr_t) src, bytes);
    return 0;
}

/* Names a device address as the logs do (buf<id>+<offset>), "null", or "host" for memory of no buffer. */
void fake_cuda_describe(const void *p, char *out, size_t len) {
    fake_alloc *a = find_alloc((const char *) p);
    if (a) snprintf(out, len, "buf%d+%ld", a->id, (long) ((const char *) p - a->base));
    else snprintf(out, len, "%s", p ? "host" : "null");
}

CUresult cuMemcpyDtoDAsync_v2(CUdeviceptr dst, CUdeviceptr src, size_t bytes, void *stream) {
    STICKY_CHECK();
    if (check_range(dst, bytes) || check_range(src, bytes)) return 1;
    char to[64], from[64];
    fake_cuda_describe((void *) (uintptr_t) dst, to, sizeof to);
    fake_cuda_describe((void *) (uintptr_t) src, from, sizeof from);
    note("copy %s <- %s bytes=%zu stream=%ld", to, from, bytes, (long) (uintptr_t) stream);
    memmove((void *) (uintptr_t) dst, (void *) (uintptr_t) src, bytes);
    return 0;
}

CUresult cuMemcpyDtoD_v2(CUdeviceptr dst, CUdeviceptr src, size_t bytes) { return cuMemcpyDtoDAsync_v2(dst, src, bytes, NULL); }

static int param_size(const char *type) {
    if (!strcmp(type, "u64") || !strcmp(type, "s64") || !strcmp(type, "f64") || !strcmp(type, "b64")) return 8;
    if (!strcmp(type, "u32") || !strcmp(type, "s32") || !strcmp(type, "f32") || !strcmp(type, "b32")) return 4;
    if (!strcmp(type, "u16") || !strcmp(type, "s16") || !strcmp(type, "b16")) return 2;
    return 1;
}

/* Reads ".entry name(\n .param .type name_param_0, ..." declarations out of PTX text. */
static fake_module *parse_ptx(const char *ptx) {
    fake_module *m = calloc(1, sizeof *m);
    m->function = calloc(256, sizeof(fake_function));
    const char *at = ptx;
    while ((at = strstr(at, ".entry ")) && m->functions < 256) {
        fake_function *f = &m->function[m->functions++];
        at += 7;
        int n = 0;
        while (*at && *at != '(' && *at != '\n' && n < 255) f->name[n++] = *at++;
        f->name[n] = 0;
        const char *end = strchr(at, ')');
        const char *p = at;
        while (end && (p = strstr(p, ".param .")) && p < end && f->count < MAX_PARAMS) {
            p += 8;
            int t = 0;
            while (*p && *p != ' ' && t < 7) f->type[f->count][t++] = *p++;
            f->type[f->count][t] = 0;
            f->size[f->count] = param_size(f->type[f->count]);
            f->count++;
        }
    }
    return m;
}

static void write_log(unsigned int n, int *options, void **values, int buffer_option, int size_option, const char *text) {
    for (unsigned int k = 0; k < n; k++) {
        if (options[k] == buffer_option) {
            for (unsigned int j = 0; j < n; j++) {
                if (options[j] == size_option) {
                    size_t capacity = (size_t) (uintptr_t) values[j];
                    if (capacity > 0) {
                        snprintf((char *) values[k], capacity, "%s", text);
                        values[j] = (void *) (uintptr_t) strlen((char *) values[k]);
                    }
                }
            }
        }
    }
}

CUresult cuModuleLoadDataEx(void **module, const void *image, unsigned int n, int *options, void **values) {
    STICKY_CHECK();
    const char *text = image;
    if (memcmp(text, "\177ELF", 4) == 0) {
        note("load cubin");
        *module = parse_ptx("");
        return 0;
    }
    if (strstr(text, "jga_fake_unsupported_ptx")) {
        return 222;
    }
    if (strstr(text, "jga_fake_invalid_ptx")) {
        write_log(n, options, values, 5, 6, "ptxas fatal   : fake JIT error in jga_fake_invalid_ptx");
        return 218;
    }
    write_log(n, options, values, 3, 4, "fake JIT: ok");
    fake_module *m = parse_ptx(text);
    note("load ptx entries=%d", m->functions);
    *module = m;
    return 0;
}

CUresult cuModuleUnload(void *module) {
    fake_module *m = module;
    free(m->function);
    free(m);
    note("unload");
    return 0;
}

CUresult cuModuleGetFunction(void **function, void *module, const char *name) {
    fake_module *m = module;
    for (int k = 0; k < m->functions; k++) {
        if (!strcmp(m->function[k].name, name)) {
            *function = &m->function[k];
            return 0;
        }
    }
    return 500; /* CUDA_ERROR_NOT_FOUND */
}

CUresult cuFuncGetAttribute(int *value, int attribute, void *function) {
    (void) function;
    if (attribute == 0) { *value = 1024; return 0; } /* max threads per block */
    return 1;
}

CUresult cuLaunchKernel(void *function, unsigned gx, unsigned gy, unsigned gz, unsigned bx, unsigned by, unsigned bz,
                        unsigned shared, void *stream, void **params, void **extra) {
    (void) shared; (void) stream; (void) extra;
    STICKY_CHECK();
    if (!current) return 201;
    fake_function *f = function;
    if (strstr(f->name, "jga_fake_fault")) {
        sticky = 700; /* CUDA_ERROR_ILLEGAL_ADDRESS, reported by the next call */
    }
    if (!getenv("FAKE_CUDA_LOG")) {
        return 0;
    }
    char line[4096];
    int used_chars = snprintf(line, sizeof line, "launch %s grid=%u,%u,%u block=%u,%u,%u params=", f->name, gx, gy, gz,
                              bx, by, bz);
    for (int k = 0; k < f->count && used_chars < (int) sizeof line - 64; k++) {
        const char *t = f->type[k];
        char value[64];
        if (f->size[k] == 8 && t[0] != 'f') {
            long long v;
            memcpy(&v, params[k], 8);
            fake_alloc *a = t[0] == 'u' ? find_alloc((char *) (uintptr_t) v) : NULL;
            if (a) snprintf(value, sizeof value, "buf%d+%lld", a->id, (long long) ((char *) (uintptr_t) v - a->base));
            else snprintf(value, sizeof value, "%lld", v);
        } else if (!strcmp(t, "f64")) {
            double v; memcpy(&v, params[k], 8); snprintf(value, sizeof value, "%g", v);
        } else if (!strcmp(t, "f32")) {
            float v; memcpy(&v, params[k], 4); snprintf(value, sizeof value, "%g", v);
        } else if (f->size[k] == 4) {
            int v; memcpy(&v, params[k], 4); snprintf(value, sizeof value, "%d", v);
        } else {
            unsigned char v; memcpy(&v, params[k], 1); snprintf(value, sizeof value, "%u", v);
        }
        used_chars += snprintf(line + used_chars, sizeof line - used_chars, "%s%s", k ? ";" : "", value);
    }
    note("%s", line);
    return 0;
}

CUresult cuEventCreate(void **event, unsigned int flags) { (void) flags; *event = calloc(1, sizeof(fake_event)); return 0; }
CUresult cuEventRecord(void *event, void *stream) { (void) stream; STICKY_CHECK(); ((fake_event *) event)->recorded = 1; return 0; }
CUresult cuEventSynchronize(void *event) { STICKY_CHECK(); return ((fake_event *) event)->recorded ? 0 : 400; }
CUresult cuEventElapsedTime(float *ms, void *start, void *end) { (void) start; (void) end; *ms = 1.5f; return 0; }
CUresult cuEventDestroy_v2(void *event) { free(event); return 0; }

CUresult cuGetErrorName(CUresult error, const char **name) { (void) error; *name = "CUDA_ERROR_FAKE"; return 0; }
CUresult cuGetErrorString(CUresult error, const char **text) { (void) error; *text = "fake driver error"; return 0; }
