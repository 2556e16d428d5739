/*
 * A stand-in for libcurand.so.10, for testing the CUDA backend's cuRAND provider without a GPU. Its
 * "generator" is a hash of (seed, position), position counted in 32-bit words from the generator offset
 * (one word per float or int, two per double), so a test can recompute every value:
 *   word(s, p)    = high 32 bits of mix(s ^ mix(p)), mix being SplitMix64's finalizer with its increment
 *   uniform float = (word + 1) / 2^32; uniform double = (hi * 2^32 + lo + 1) / 2^64 of two words
 *   normal pairs  = Box-Muller of two uniforms (r = sqrt(-2 ln u1); r cos(2 pi u2), r sin(2 pi u2)),
 *                   refused for odd counts with CURAND_STATUS_LENGTH_NOT_MULTIPLE, as cuRAND does
 * Every call is logged (fake_common.h). Generators are created and used with the primary context
 * current, and retain it for good; while the driver holds a sticky error, generating fails with
 * CURAND_STATUS_PREEXISTING_FAILURE, as the real library does.
 * Build: gcc -shared -fPIC -O1 -DFAKE_MAJOR=10 -DFAKE_MINOR=4 -DFAKE_PATCH=0 -Wl,-soname,libcurand.so.10
 *        -o libcurand.so.10 fake_libcurand.c -ldl -lm
 */
#include <math.h>
#include "fake_common.h"

#define SUCCESS 0
#define NOT_INITIALIZED 101
#define LENGTH_NOT_MULTIPLE 105
#define TYPE_ERROR 103
#define PREEXISTING_FAILURE 202
#define MAGIC 0x7a4d

typedef struct { int magic; int id; int type; uint64_t seed; uint64_t offset; void *stream; } fake_generator;

static int next_generator = 1;

static uint64_t mix(uint64_t z) {
    z += 0x9E3779B97F4A7C15ULL;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

static uint32_t word(uint64_t seed, uint64_t position) { return (uint32_t) (mix(seed ^ mix(position)) >> 32); }
static double uniform1(uint64_t s, uint64_t p) { return (word(s, p) + 1.0) / 4294967296.0; }
static double uniform2(uint64_t s, uint64_t p) {
    return ((double) word(s, p) * 4294967296.0 + (double) word(s, p + 1) + 1.0) / 18446744073709551616.0;
}
static int valid(fake_generator *g) { return g && g->magic == MAGIC; }

static void log_generate(const char *call, fake_generator *g, const void *out, size_t n) {
    char where[64];
    fake_note("%s gen=%d seed=%llu offset=%llu n=%zu out=%s stream=%ld", call, g->id, (unsigned long long) g->seed,
              (unsigned long long) g->offset, n, fake_where(out, where, 64), fake_stream_id(g->stream));
}

int curandGetProperty(int type, int *value) {
    if (type < 0 || type > 2) return TYPE_ERROR;
    *value = type == 0 ? FAKE_MAJOR : type == 1 ? FAKE_MINOR : FAKE_PATCH;
    return SUCCESS;
}

int curandGetVersion(int *version) {
    *version = FAKE_MAJOR * 1000 + FAKE_MINOR * 100 + FAKE_PATCH;
    return SUCCESS;
}

int curandCreateGenerator(fake_generator **generator, int type) {
    FAKE_INJECT("curandCreateGenerator");
    FAKE_NEEDS_CONTEXT("curandCreateGenerator", NOT_INITIALIZED);
    fake_runtime_retain();
    fake_generator *g = calloc(1, sizeof *g);
    g->magic = MAGIC;
    g->id = next_generator++;
    g->type = type;
    *generator = g;
    fake_note("curandCreateGenerator gen=%d type=%d", g->id, type);
    return SUCCESS;
}

int curandDestroyGenerator(fake_generator *g) {
    if (!valid(g)) return NOT_INITIALIZED;
    fake_note("curandDestroyGenerator gen=%d", g->id);
    g->magic = 0;
    free(g);
    return SUCCESS;
}

int curandSetPseudoRandomGeneratorSeed(fake_generator *g, unsigned long long seed) {
    FAKE_INJECT("curandSetPseudoRandomGeneratorSeed");
    if (!valid(g)) return NOT_INITIALIZED;
    g->seed = seed;
    fake_note("curandSetPseudoRandomGeneratorSeed gen=%d seed=%llu", g->id, seed);
    return SUCCESS;
}

int curandSetGeneratorOffset(fake_generator *g, unsigned long long offset) {
    FAKE_INJECT("curandSetGeneratorOffset");
    if (!valid(g)) return NOT_INITIALIZED;
    g->offset = offset;
    fake_note("curandSetGeneratorOffset gen=%d offset=%llu", g->id, offset);
    return SUCCESS;
}

int curandSetStream(fake_generator *g, void *stream) {
    FAKE_INJECT("curandSetStream");
    if (!valid(g)) return NOT_INITIALIZED;
    g->stream = stream;
    fake_note("curandSetStream gen=%d stream=%ld", g->id, fake_stream_id(stream));
    return SUCCESS;
}

int curandGenerate(fake_generator *g, uint32_t *out, size_t n) {
    FAKE_INJECT("curandGenerate");
    if (!valid(g)) return NOT_INITIALIZED;
    FAKE_NEEDS_CONTEXT("curandGenerate", NOT_INITIALIZED);
    FAKE_STICKY_FAILS("curandGenerate", PREEXISTING_FAILURE);
    log_generate("curandGenerate", g, out, n);
    for (size_t i = 0; i < n; i++) out[i] = word(g->seed, g->offset + i);
    g->offset += n;
    return SUCCESS;
}

int curandGenerateUniform(fake_generator *g, float *out, size_t n) {
    FAKE_INJECT("curandGenerateUniform");
    if (!valid(g)) return NOT_INITIALIZED;
    FAKE_NEEDS_CONTEXT("curandGenerateUniform", NOT_INITIALIZED);
    FAKE_STICKY_FAILS("curandGenerateUniform", PREEXISTING_FAILURE);
    log_generate("curandGenerateUniform", g, out, n);
    for (size_t i = 0; i < n; i++) out[i] = (float) uniform1(g->seed, g->offset + i);
    g->offset += n;
    return SUCCESS;
}

int curandGenerateUniformDouble(fake_generator *g, double *out, size_t n) {
    FAKE_INJECT("curandGenerateUniformDouble");
    if (!valid(g)) return NOT_INITIALIZED;
    FAKE_NEEDS_CONTEXT("curandGenerateUniformDouble", NOT_INITIALIZED);
    FAKE_STICKY_FAILS("curandGenerateUniformDouble", PREEXISTING_FAILURE);
    log_generate("curandGenerateUniformDouble", g, out, n);
    for (size_t i = 0; i < n; i++) out[i] = uniform2(g->seed, g->offset + 2 * i);
    g->offset += 2 * n;
    return SUCCESS;
}

int curandGenerateNormal(fake_generator *g, float *out, size_t n, float mean, float stddev) {
    FAKE_INJECT("curandGenerateNormal");
    if (!valid(g)) return NOT_INITIALIZED;
    FAKE_NEEDS_CONTEXT("curandGenerateNormal", NOT_INITIALIZED);
    FAKE_STICKY_FAILS("curandGenerateNormal", PREEXISTING_FAILURE);
    log_generate("curandGenerateNormal", g, out, n);
    if (n % 2) return LENGTH_NOT_MULTIPLE;
    for (size_t i = 0; i < n; i += 2) {
        double r = sqrt(-2 * log(uniform1(g->seed, g->offset + i)));
        double angle = 2 * M_PI * uniform1(g->seed, g->offset + i + 1);
        out[i] = (float) (mean + stddev * r * cos(angle));
        out[i + 1] = (float) (mean + stddev * r * sin(angle));
    }
    g->offset += n;
    return SUCCESS;
}

int curandGenerateNormalDouble(fake_generator *g, double *out, size_t n, double mean, double stddev) {
    FAKE_INJECT("curandGenerateNormalDouble");
    if (!valid(g)) return NOT_INITIALIZED;
    FAKE_NEEDS_CONTEXT("curandGenerateNormalDouble", NOT_INITIALIZED);
    FAKE_STICKY_FAILS("curandGenerateNormalDouble", PREEXISTING_FAILURE);
    log_generate("curandGenerateNormalDouble", g, out, n);
    if (n % 2) return LENGTH_NOT_MULTIPLE;
    for (size_t i = 0; i < n; i += 2) {
        double r = sqrt(-2 * log(uniform2(g->seed, g->offset + 2 * i)));
        double angle = 2 * M_PI * uniform2(g->seed, g->offset + 2 * i + 2);
        out[i] = mean + stddev * r * cos(angle);
        out[i + 1] = mean + stddev * r * sin(angle);
    }
    g->offset += 2 * n;
    return SUCCESS;
}
