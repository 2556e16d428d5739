/*
 * A stand-in for libcuda.so.1, for testing the CUDA backend's driver-API plumbing on machines without
 * a GPU. It is no emulator: "device memory" is host memory, copies are memcpy, and kernels do not
 * run. Loading a module parses the PTX's .entry declarations; a launch is recorded, with its shared
 * bytes and each parameter decoded by its PTX type, in the file named by FAKE_CUDA_LOG. Knobs
 * (environment):
 *   FAKE_CUDA_CC      compute capability as a number (default 120, newer than NVRTC 11.8 knows)
 *   FAKE_CUDA_DRIVER  cuDriverGetVersion's answer (default 12040)
 *   FAKE_CUDA_MEMORY  device memory in bytes (default 256 MiB)
 *   FAKE_CUDA_FAIL    failure injection, see fake_common.h
 * A kernel whose name contains "jga_fake_fault" makes the context sticky-broken (700) at the next call;
 * an image containing "jga_fake_invalid_ptx" fails to load with a JIT error log (218), one containing
 * "jga_fake_unsupported_ptx" with CUDA_ERROR_UNSUPPORTED_PTX_VERSION (222).
 *
 * As strict as the real driver where jgpuarray's mistakes would only show on a GPU:
 *   - one primary context with a reference count; it is created by the first retain and destroyed (its
 *     memory freed, a sticky error cleared) when the count drops to 0 or by cuDevicePrimaryCtxReset;
 *     the fake libraries retain it once, as the CUDA runtime does, and never release it;
 *   - a per-thread context stack (cuCtxPushCurrent/cuCtxPopCurrent/cuCtxSetCurrent) and a second,
 *     "foreign" context (cuCtxCreate) for code that is not jgpuarray's; calls on the primary context's
 *     memory, modules and events need it current (else CUDA_ERROR_INVALID_CONTEXT, 201);
 *   - launches within the device's limits (grid y/z <= 65535, block z <= 64, <= 1024 threads, dynamic
 *     shared memory <= the function's limit, 48 KiB until cuFuncSetAttribute raises it up to the opt-in
 *     maximum), else CUDA_ERROR_INVALID_VALUE (1);
 *   - cuGetErrorName knows codes newer than JCuda 12.6, and fails for codes that do not exist;
 *   - cuDeviceTotalMem and attributes need no context; cuMemGetInfo does.
 *   - streams (cuStreamCreate) are live objects: a launch, copy, event record or wait in a stream that is not
 *     live (destroyed, or never created) fails with CUDA_ERROR_INVALID_HANDLE (400); asynchronous copies
 *     need fake device memory on the device side; pinned host memory (cuMemHostAlloc) must be freed with
 *     cuMemFreeHost, once (else CUDA_ERROR_INVALID_VALUE);
 *   - cuEventElapsedTime of two recorded events is 1.5 ms per event recorded from start to end (end after start
 *     gives a positive time), CUDA_ERROR_NOT_READY (600) when either was never recorded.
 * Copies between buffers, events, retains, releases and resets are logged too; so are streams, pinned
 * host memory, copies between host and device ("write"/"read", "async" with their stream) and the stream of
 * a launch (" stream=<id>" appended for a created stream; the legacy default stream, 0, adds nothing). Knob
 * FAKE_CUDA_HOST_MEMORY: pinned host memory in bytes (default 64 MiB). The fake libraries
 * (fake_libcublas.c, ...) name device addresses in their logs through fake_cuda_describe, exported here.
 * Build: gcc -shared -fPIC -O1 -o libcuda.so.1 fake_libcuda.c -ldl
 */
#include "fake_common.h"

typedef int CUresult;
typedef int CUdevice;
typedef unsigned long long CUdeviceptr;

#define MAX_PARAMS 64
#define MAX_ALLOCS 4096
#define MAX_STACK 64
#define INVALID_VALUE 1
#define INVALID_CONTEXT 201
#define DEFAULT_SHARED (48 * 1024)
#define OPT_IN_SHARED (227 * 1024)
#define MAX_DYNAMIC_SHARED_ATTRIBUTE 8

typedef struct {
    char name[256]; int count; int size[MAX_PARAMS]; char type[MAX_PARAMS][8]; int max_dynamic_shared;
} fake_function;
typedef struct { int functions; fake_function *function; } fake_module;
typedef struct { int recorded; int id; long sequence; } fake_event;
typedef struct { int magic; int id; } fake_stream;
typedef struct { int alive; char *base; size_t bytes; int id; } fake_host;
#define STREAM_MAGIC 0x5723A11
#define MAX_HOSTS 1024
#define INVALID_HANDLE 400
#define NOT_READY 600
typedef struct { int alive; char *base; size_t bytes; int id; } fake_alloc;

static int context_refs = 0;
static int context_active = 0;
static int runtime_retained = 0;
static int sticky = 0;
static int primary_token = 42;
static int foreign_token = 43;
static __thread void *stack[MAX_STACK];
static __thread int depth = 0;
static fake_alloc allocs[MAX_ALLOCS];
static int next_id = 1;
static int next_event = 1;
static size_t used = 0;
static int next_stream = 1;
static long records = 0;
static fake_host hosts[MAX_HOSTS];
static int next_host = 1;
static size_t host_used = 0;

static long env_long(const char *name, long fallback) {
    const char *v = getenv(name);
    return v && *v ? atol(v) : fallback;
}

static void *current(void) { return depth > 0 ? stack[depth - 1] : NULL; }

static fake_alloc *find_alloc(const char *p) {
    for (int k = 0; k < MAX_ALLOCS; k++) {
        if (allocs[k].alive && p >= allocs[k].base && p < allocs[k].base + (allocs[k].bytes ? allocs[k].bytes : 1)) {
            return &allocs[k];
        }
    }
    return NULL;
}

/* Destroys the primary context's state: its memory is freed and a sticky error is gone. */
static int destroy_primary(void) {
    int freed = 0;
    for (int k = 0; k < MAX_ALLOCS; k++) {
        if (allocs[k].alive) {
            free(allocs[k].base);
            allocs[k].alive = 0;
            freed++;
        }
    }
    used = 0;
    sticky = 0;
    context_active = 0;
    return freed;
}

#define STICKY_CHECK() do { if (sticky) return sticky; } while (0)
#define PRIMARY_CHECK() do { if (current() != &primary_token || !context_active) return INVALID_CONTEXT; } while (0)

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
        case 2: *value = 1024; return 0;               /* max block x */
        case 3: *value = 1024; return 0;               /* max block y */
        case 4: *value = 64; return 0;                 /* max block z */
        case 5: *value = 2147483647; return 0;         /* max grid x */
        case 6: *value = 65535; return 0;              /* max grid y */
        case 7: *value = 65535; return 0;              /* max grid z */
        case 10: *value = 32; return 0;                /* warp size */
        case 13: *value = 1500000; return 0;           /* clock rate, kHz */
        case 36: *value = 2000000; return 0;           /* memory clock, kHz */
        case 37: *value = 256; return 0;               /* bus width */
        case 38: *value = 1 << 20; return 0;           /* L2 */
        case 8: *value = DEFAULT_SHARED; return 0;     /* shared memory per block */
        case 97: *value = OPT_IN_SHARED; return 0;     /* shared memory per block, opt-in */
        case 32: *value = 0; return 0;                 /* ECC */
        default: return INVALID_VALUE;                 /* not reported */
    }
}

CUresult cuDevicePrimaryCtxRetain(void **ctx, CUdevice d) {
    (void) d;
    FAKE_INJECT("cuDevicePrimaryCtxRetain");
    context_refs++;
    if (!context_active) {
        context_active = 1;
        fake_note("create primary context");
    }
    fake_note("retain refs=%d", context_refs);
    *ctx = &primary_token;
    return 0;
}

CUresult cuDevicePrimaryCtxRelease_v2(CUdevice d) {
    (void) d;
    if (context_refs == 0) return INVALID_CONTEXT;
    context_refs--;
    fake_note("release refs=%d", context_refs);
    if (context_refs == 0 && context_active) {
        int freed = destroy_primary();
        fake_note("destroy primary context freed=%d", freed);
    }
    return 0;
}

CUresult cuDevicePrimaryCtxReset_v2(CUdevice d) {
    (void) d;
    int freed = context_active ? destroy_primary() : 0;
    fake_note("reset refs=%d freed=%d", context_refs, freed);
    return 0;
}

CUresult cuDevicePrimaryCtxGetState(CUdevice d, unsigned int *flags, int *active) {
    (void) d;
    *flags = 0;
    *active = context_active;
    return 0;
}

/* The CUDA runtime of the fake libraries: retains the primary context once and never releases it. */
void fake_cuda_runtime_retain(void) {
    if (!runtime_retained) {
        runtime_retained = 1;
        context_refs++;
        if (!context_active) {
            context_active = 1;
            fake_note("create primary context");
        }
        fake_note("runtime retain refs=%d", context_refs);
    }
}

/* The sticky error, for the fake libraries. */
int fake_cuda_sticky(void) { return sticky; }

/* Whether the calling thread has the primary context current, for the fake libraries. */
int fake_cuda_primary_current(void) { return current() == &primary_token && context_active; }

CUresult cuCtxCreate_v2(void **ctx, unsigned int flags, CUdevice d) {
    (void) flags; (void) d;
    if (depth == MAX_STACK) return INVALID_VALUE;
    stack[depth++] = &foreign_token;
    *ctx = &foreign_token;
    return 0;
}

CUresult cuCtxDestroy_v2(void *ctx) {
    if (ctx != &foreign_token) return INVALID_CONTEXT;
    if (depth > 0 && stack[depth - 1] == ctx) depth--;
    return 0;
}

CUresult cuCtxPushCurrent_v2(void *ctx) {
    FAKE_INJECT("cuCtxPushCurrent_v2");
    if (ctx != &primary_token && ctx != &foreign_token) return INVALID_CONTEXT;
    if (depth == MAX_STACK) return INVALID_VALUE;
    stack[depth++] = ctx;
    return 0;
}

CUresult cuCtxPopCurrent_v2(void **ctx) {
    if (depth == 0) return INVALID_CONTEXT;
    void *top = stack[--depth];
    if (ctx) *ctx = top;
    return 0;
}

CUresult cuCtxSetCurrent(void *ctx) {
    FAKE_INJECT("cuCtxSetCurrent");
    if (!ctx) {
        if (depth > 0) depth--;
    } else if (depth == 0) {
        stack[depth++] = ctx;
    } else {
        stack[depth - 1] = ctx;
    }
    return 0;
}

CUresult cuCtxGetCurrent(void **ctx) { *ctx = current(); return 0; }
CUresult cuCtxSynchronize(void) { if (!current()) return INVALID_CONTEXT; STICKY_CHECK(); return 0; }

CUresult cuMemGetInfo_v2(size_t *free_bytes, size_t *total) {
    PRIMARY_CHECK();
    *total = (size_t) env_long("FAKE_CUDA_MEMORY", 256L << 20);
    *free_bytes = *total - used;
    return 0;
}

CUresult cuMemAlloc_v2(CUdeviceptr *p, size_t bytes) {
    FAKE_INJECT("cuMemAlloc_v2");
    STICKY_CHECK();
    PRIMARY_CHECK();
    if (bytes == 0) return INVALID_VALUE;
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
            fake_note("alloc id=%d bytes=%zu", allocs[k].id, bytes);
            return 0;
        }
    }
    return 2;
}

/* Frees only with the primary context current; a sticky error is reported, but the memory is freed. */
CUresult cuMemFree_v2(CUdeviceptr p) {
    fake_alloc *a = find_alloc((char *) (uintptr_t) p);
    if (!a || a->base != (char *) (uintptr_t) p) return INVALID_VALUE;
    if (current() != &primary_token || !context_active) {
        fake_note("free refused id=%d: the primary context is not current", a->id);
        return INVALID_CONTEXT;
    }
    fake_note("free id=%d", a->id);
    used -= a->bytes;
    free(a->base);
    a->alive = 0;
    return sticky;
}

static CUresult check_range(CUdeviceptr p, size_t bytes) {
    fake_alloc *a = find_alloc((char *) (uintptr_t) p);
    if (!a || (char *) (uintptr_t) p + bytes > a->base + a->bytes) return INVALID_VALUE;
    return 0;
}

static fake_host *find_host(const char *p) {
    for (int k = 0; k < MAX_HOSTS; k++) {
        if (hosts[k].alive && p >= hosts[k].base && p < hosts[k].base + hosts[k].bytes) return &hosts[k];
    }
    return NULL;
}

/*
 * Names an address as the logs do: buf<id>+<offset> for fake device memory, pinned<id>+<offset> for pinned
 * host memory, "null", or "host" for other memory.
 */
void fake_cuda_describe(const void *p, char *out, size_t len) {
    fake_alloc *a = find_alloc((const char *) p);
    fake_host *h = a ? NULL : find_host((const char *) p);
    if (a) snprintf(out, len, "buf%d+%ld", a->id, (long) ((const char *) p - a->base));
    else if (h) snprintf(out, len, "pinned%d+%ld", h->id, (long) ((const char *) p - h->base));
    else snprintf(out, len, "%s", p ? "host" : "null");
}

/* The id of a live stream, 0 for the legacy default stream (NULL), -1 for anything else. */
int fake_cuda_stream_id(const void *stream) {
    if (!stream) return 0;
    const fake_stream *s = stream;
    return s->magic == STREAM_MAGIC ? s->id : -1;
}

#define STREAM_CHECK(stream) do { if (fake_cuda_stream_id(stream) < 0) {                                        \
        fake_note("%s refused: not a live stream", __func__); return INVALID_HANDLE; } } while (0)

/* Notes a copy between host and device: "<write|read>[ async] <to> <- <from> bytes=<n>[ stream=<id>]". */
static void note_copy(const char *kind, const void *to, const void *from, size_t bytes, int async, void *stream) {
    char t[64], f[64];
    fake_cuda_describe(to, t, sizeof t);
    fake_cuda_describe(from, f, sizeof f);
    if (async) fake_note("%s async %s <- %s bytes=%zu stream=%d", kind, t, f, bytes, fake_cuda_stream_id(stream));
    else fake_note("%s %s <- %s bytes=%zu", kind, t, f, bytes);
}

CUresult cuMemcpyHtoD_v2(CUdeviceptr dst, const void *src, size_t bytes) {
    FAKE_INJECT("cuMemcpyHtoD_v2");
    STICKY_CHECK();
    PRIMARY_CHECK();
    if (check_range(dst, bytes)) return INVALID_VALUE;
    note_copy("write", (void *) (uintptr_t) dst, src, bytes, 0, NULL);
    memcpy((void *) (uintptr_t) dst, src, bytes);
    return 0;
}

CUresult cuMemcpyDtoH_v2(void *dst, CUdeviceptr src, size_t bytes) {
    FAKE_INJECT("cuMemcpyDtoH_v2");
    STICKY_CHECK();
    PRIMARY_CHECK();
    if (check_range(src, bytes)) return INVALID_VALUE;
    note_copy("read", dst, (void *) (uintptr_t) src, bytes, 0, NULL);
    memcpy(dst, (void *) (uintptr_t) src, bytes);
    return 0;
}

CUresult cuMemcpyHtoDAsync_v2(CUdeviceptr dst, const void *src, size_t bytes, void *stream) {
    FAKE_INJECT("cuMemcpyHtoDAsync_v2");
    STICKY_CHECK();
    PRIMARY_CHECK();
    STREAM_CHECK(stream);
    if (check_range(dst, bytes)) return INVALID_VALUE;
    note_copy("write", (void *) (uintptr_t) dst, src, bytes, 1, stream);
    memcpy((void *) (uintptr_t) dst, src, bytes);
    return 0;
}

CUresult cuMemcpyDtoHAsync_v2(void *dst, CUdeviceptr src, size_t bytes, void *stream) {
    FAKE_INJECT("cuMemcpyDtoHAsync_v2");
    STICKY_CHECK();
    PRIMARY_CHECK();
    STREAM_CHECK(stream);
    if (check_range(src, bytes)) return INVALID_VALUE;
    note_copy("read", dst, (void *) (uintptr_t) src, bytes, 1, stream);
    memcpy(dst, (void *) (uintptr_t) src, bytes);
    return 0;
}

CUresult cuMemHostAlloc(void **p, size_t bytes, unsigned int flags) {
    FAKE_INJECT("cuMemHostAlloc");
    STICKY_CHECK();
    PRIMARY_CHECK();
    if (bytes == 0) return INVALID_VALUE;
    if (host_used + bytes > (size_t) env_long("FAKE_CUDA_HOST_MEMORY", 64L << 20)) return 2; /* out of memory */
    for (int k = 0; k < MAX_HOSTS; k++) {
        if (!hosts[k].alive) {
            hosts[k].base = malloc(bytes);
            if (!hosts[k].base) return 2;
            memset(hosts[k].base, 0x5A, bytes);
            hosts[k].alive = 1;
            hosts[k].bytes = bytes;
            hosts[k].id = next_host++;
            host_used += bytes;
            *p = hosts[k].base;
            fake_note("host alloc id=%d bytes=%zu flags=%u", hosts[k].id, bytes, flags);
            return 0;
        }
    }
    return 2;
}

CUresult cuMemFreeHost(void *p) {
    fake_host *h = find_host(p);
    if (!h || h->base != p) {
        fake_note("host free refused: not pinned memory");
        return INVALID_VALUE;
    }
    PRIMARY_CHECK();
    fake_note("host free id=%d", h->id);
    host_used -= h->bytes;
    free(h->base);
    h->alive = 0;
    return 0;
}

CUresult cuStreamCreate(void **stream, unsigned int flags) {
    FAKE_INJECT("cuStreamCreate");
    STICKY_CHECK();
    PRIMARY_CHECK();
    fake_stream *s = calloc(1, sizeof(fake_stream));
    s->magic = STREAM_MAGIC;
    s->id = next_stream++;
    fake_note("stream create id=%d flags=%u", s->id, flags);
    *stream = s;
    return 0;
}

CUresult cuStreamDestroy_v2(void *stream) {
    FAKE_INJECT("cuStreamDestroy_v2");
    PRIMARY_CHECK();
    if (!stream || fake_cuda_stream_id(stream) < 0) return INVALID_HANDLE;
    fake_stream *s = stream;
    fake_note("stream destroy id=%d", s->id);
    s->magic = 0; /* kept, not freed, so that a later use of the handle is recognised as not live */
    return 0;
}

CUresult cuStreamSynchronize(void *stream) {
    FAKE_INJECT("cuStreamSynchronize");
    STICKY_CHECK();
    PRIMARY_CHECK();
    STREAM_CHECK(stream);
    fake_note("stream sync id=%d", fake_cuda_stream_id(stream));
    return 0;
}

/* Done, unless a failure is injected (CUDA_ERROR_NOT_READY, 600, says "still running"). */
CUresult cuStreamQuery(void *stream) {
    FAKE_INJECT("cuStreamQuery");
    STICKY_CHECK();
    PRIMARY_CHECK();
    STREAM_CHECK(stream);
    fake_note("stream query id=%d", fake_cuda_stream_id(stream));
    return 0;
}


CUresult cuMemcpyDtoDAsync_v2(CUdeviceptr dst, CUdeviceptr src, size_t bytes, void *stream) {
    STICKY_CHECK();
    PRIMARY_CHECK();
    STREAM_CHECK(stream);
    if (check_range(dst, bytes) || check_range(src, bytes)) return INVALID_VALUE;
    char to[64], from[64];
    fake_cuda_describe((void *) (uintptr_t) dst, to, sizeof to);
    fake_cuda_describe((void *) (uintptr_t) src, from, sizeof from);
    fake_note("copy %s <- %s bytes=%zu stream=%d", to, from, bytes, fake_cuda_stream_id(stream));
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
        f->max_dynamic_shared = DEFAULT_SHARED;
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
    PRIMARY_CHECK();
    const char *text = image;
    if (memcmp(text, "\177ELF", 4) == 0) {
        fake_note("load cubin");
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
    fake_note("load ptx entries=%d", m->functions);
    *module = m;
    return 0;
}

CUresult cuModuleUnload(void *module) {
    fake_module *m = module;
    free(m->function);
    free(m);
    fake_note("unload");
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
    fake_function *f = function;
    switch (attribute) {
        case 0: *value = 1024; return 0;                                   /* max threads per block */
        case 1: *value = 0; return 0;                                      /* static shared bytes */
        case MAX_DYNAMIC_SHARED_ATTRIBUTE: *value = f->max_dynamic_shared; return 0;
        default: return INVALID_VALUE;
    }
}

CUresult cuFuncSetAttribute(void *function, int attribute, int value) {
    fake_function *f = function;
    if (attribute != MAX_DYNAMIC_SHARED_ATTRIBUTE || value < 0 || value > OPT_IN_SHARED) return INVALID_VALUE;
    f->max_dynamic_shared = value;
    fake_note("attribute %s max_dynamic_shared=%d", f->name, value);
    return 0;
}

/* CUDA_ERROR_INVALID_VALUE, noted, for a launch outside the device's or the function's limits. */
static CUresult refuse(const fake_function *f, const char *why) {
    fake_note("launch refused %s: %s", f->name, why);
    return INVALID_VALUE;
}

static CUresult check_limits(const fake_function *f, unsigned gx, unsigned gy, unsigned gz, unsigned bx, unsigned by,
                             unsigned bz, unsigned shared) {
    if (gx < 1 || gy < 1 || gz < 1 || bx < 1 || by < 1 || bz < 1) return refuse(f, "an extent is 0");
    if (gx > 2147483647u || gy > 65535 || gz > 65535) return refuse(f, "grid beyond 2^31-1 x 65535 x 65535");
    if (bx > 1024 || by > 1024 || bz > 64) return refuse(f, "block beyond 1024 x 1024 x 64");
    if ((unsigned long long) bx * by * bz > 1024) return refuse(f, "more than 1024 threads per block");
    if (shared > (unsigned) f->max_dynamic_shared) return refuse(f, "more dynamic shared memory than the function's limit");
    return 0;
}

CUresult cuLaunchKernel(void *function, unsigned gx, unsigned gy, unsigned gz, unsigned bx, unsigned by, unsigned bz,
                        unsigned shared, void *stream, void **params, void **extra) {
    (void) extra;
    FAKE_INJECT("cuLaunchKernel");
    STICKY_CHECK();
    PRIMARY_CHECK();
    STREAM_CHECK(stream);
    fake_function *f = function;
    CUresult limits = check_limits(f, gx, gy, gz, bx, by, bz, shared);
    if (limits) return limits;
    if (strstr(f->name, "jga_fake_fault")) {
        sticky = 700; /* CUDA_ERROR_ILLEGAL_ADDRESS, reported by the next call */
    }
    if (!getenv("FAKE_CUDA_LOG")) {
        return 0;
    }
    char line[4096];
    int used_chars = snprintf(line, sizeof line, "launch %s grid=%u,%u,%u block=%u,%u,%u shared=%u params=", f->name,
                              gx, gy, gz, bx, by, bz, shared);
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
    if (stream) snprintf(line + used_chars, sizeof line - used_chars, " stream=%d", fake_cuda_stream_id(stream));
    fake_note("%s", line);
    return 0;
}

CUresult cuEventCreate(void **event, unsigned int flags) {
    FAKE_INJECT("cuEventCreate");
    PRIMARY_CHECK();
    fake_event *e = calloc(1, sizeof(fake_event));
    e->id = next_event++;
    fake_note("event create id=%d flags=%u", e->id, flags);
    *event = e;
    return 0;
}

/* Records the event; its sequence number orders it among every event recorded (for cuEventElapsedTime). */
CUresult cuEventRecord(void *event, void *stream) {
    FAKE_INJECT("cuEventRecord");
    STICKY_CHECK();
    PRIMARY_CHECK();
    STREAM_CHECK(stream);
    fake_event *e = event;
    e->recorded = 1;
    e->sequence = ++records;
    fake_note("event record id=%d stream=%d", e->id, fake_cuda_stream_id(stream));
    return 0;
}

CUresult cuEventSynchronize(void *event) {
    FAKE_INJECT("cuEventSynchronize");
    STICKY_CHECK();
    fake_note("event sync id=%d", ((fake_event *) event)->id);
    return ((fake_event *) event)->recorded ? 0 : 400;
}

/* Complete once recorded, unless a failure is injected (CUDA_ERROR_NOT_READY, 600, says "not yet"). */
CUresult cuEventQuery(void *event) {
    FAKE_INJECT("cuEventQuery");
    STICKY_CHECK();
    fake_note("event query id=%d", ((fake_event *) event)->id);
    return ((fake_event *) event)->recorded ? 0 : NOT_READY;
}

CUresult cuEventElapsedTime(float *ms, void *start, void *end) {
    FAKE_INJECT("cuEventElapsedTime");
    fake_event *s = start, *e = end;
    fake_note("event elapsed start=%d end=%d", s->id, e->id);
    if (!s->recorded || !e->recorded) return NOT_READY;
    *ms = 1.5f * (float) (e->sequence - s->sequence);
    return 0;
}

CUresult cuStreamWaitEvent(void *stream, void *event, unsigned int flags) {
    FAKE_INJECT("cuStreamWaitEvent");
    STICKY_CHECK();
    PRIMARY_CHECK();
    STREAM_CHECK(stream);
    fake_note("stream wait id=%d event=%d flags=%u", fake_cuda_stream_id(stream), ((fake_event *) event)->id, flags);
    return 0;
}

CUresult cuEventDestroy_v2(void *event) {
    fake_note("event destroy id=%d", ((fake_event *) event)->id);
    free(event);
    return 0;
}

/* The names of the codes the tests meet, and of codes newer than JCuda 12.6. */
static const struct { int code; const char *name; } NAMES[] = {
    {0, "CUDA_SUCCESS"}, {1, "CUDA_ERROR_INVALID_VALUE"}, {2, "CUDA_ERROR_OUT_OF_MEMORY"},
    {201, "CUDA_ERROR_INVALID_CONTEXT"}, {400, "CUDA_ERROR_INVALID_HANDLE"}, {600, "CUDA_ERROR_NOT_READY"}, {218, "CUDA_ERROR_INVALID_PTX"}, {222, "CUDA_ERROR_UNSUPPORTED_PTX_VERSION"},
    {226, "CUDA_ERROR_CONTAINED"}, {500, "CUDA_ERROR_NOT_FOUND"}, {700, "CUDA_ERROR_ILLEGAL_ADDRESS"},
    {719, "CUDA_ERROR_LAUNCH_FAILED"}, {721, "CUDA_ERROR_TENSOR_MEMORY_LEAK"}, {916, "CUDA_ERROR_KEY_ROTATION"},
};

CUresult cuGetErrorName(CUresult error, const char **name) {
    for (size_t k = 0; k < sizeof NAMES / sizeof NAMES[0]; k++) {
        if (NAMES[k].code == error) {
            *name = NAMES[k].name;
            return 0;
        }
    }
    *name = NULL;
    return INVALID_VALUE;
}

CUresult cuGetErrorString(CUresult error, const char **text) { (void) error; *text = "fake driver error"; return 0; }
