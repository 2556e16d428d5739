/*
 * What the fake CUDA libraries (fake_libcublas.c, fake_libcufft.c, fake_libcurand.c) share: the log
 * (appended to the file named by FAKE_CUDA_LOG, like the fake driver's), device addresses named as the
 * fake driver names them, and injected failures. "Device memory" of the fake driver is host memory, so
 * the fakes compute real results on it.
 *
 * Injected failures: while the file named by FAKE_CUDA_FAIL holds a line "<function> <status>", that
 * function returns that status (and does nothing else); the file may name several functions, one a line.
 *
 * The CUDA runtime: like the real libraries, which carry the CUDA runtime, the first handle, plan or
 * generator of any fake library retains the device's primary context and never releases it
 * (fake_runtime_retain), and handles are created and used only with the primary context current. A
 * library's compute calls fail as the real ones do once the driver holds a sticky error
 * (fake_driver_sticky). Each fake library notes "loaded <soname>" when the dynamic loader loads it.
 */
#ifndef FAKE_COMMON_H
#define FAKE_COMMON_H

#include <dlfcn.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static inline void fake_note(const char *format, ...) {
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

/* "buf<id>+<offset>" for fake device memory, "host" for other memory, "null" for NULL. */
static inline const char *fake_where(const void *p, char *out, size_t len) {
    static void (*describe)(const void *, char *, size_t) = NULL;
    if (!describe) {
        void *driver = dlopen("libcuda.so.1", RTLD_NOW | RTLD_NOLOAD);
        if (driver) describe = (void (*)(const void *, char *, size_t)) dlsym(driver, "fake_cuda_describe");
    }
    if (describe) describe(p, out, len);
    else snprintf(out, len, "%p", p);
    return out;
}

/* True for fake device memory. */
static inline int fake_is_device(const void *p) {
    char where[64];
    return strncmp(fake_where(p, where, sizeof where), "buf", 3) == 0;
}

/* The status injected for this function, or 0. */
static inline int fake_injected(const char *function) {
    const char *path = getenv("FAKE_CUDA_FAIL");
    if (!path) return 0;
    FILE *f = fopen(path, "r");
    if (!f) return 0;
    char name[128];
    int status = 0;
    int matched = 0;
    while (!matched && fscanf(f, "%127s %d", name, &status) == 2) {
        matched = strcmp(name, function) == 0;
    }
    fclose(f);
    if (matched) fake_note("%s injected failure %d", function, status);
    return matched ? status : 0;
}

/* A function the fake driver exports for the fake libraries, or NULL when the driver is not the fake. */
static inline void *fake_driver_symbol(const char *name) {
    void *driver = dlopen("libcuda.so.1", RTLD_NOW | RTLD_NOLOAD);
    return driver ? dlsym(driver, name) : NULL;
}

/* What the CUDA runtime does when a library starts: retain the primary context, once, for good. */
static inline void fake_runtime_retain(void) {
    void (*retain)(void) = (void (*)(void)) fake_driver_symbol("fake_cuda_runtime_retain");
    if (retain) retain();
}

/* The sticky error the driver holds (0 for none). */
static inline int fake_driver_sticky(void) {
    int (*sticky)(void) = (int (*)(void)) fake_driver_symbol("fake_cuda_sticky");
    return sticky ? sticky() : 0;
}

/* The fake driver's id of a stream: 0 for the legacy default stream (NULL), -1 for no live stream. */
static inline long fake_stream_id(const void *stream) {
    int (*id)(const void *) = (int (*)(const void *)) fake_driver_symbol("fake_cuda_stream_id");
    return id ? id(stream) : (long) (uintptr_t) stream;
}

/* True when the calling thread has the primary context current. */
static inline int fake_primary_current(void) {
    int (*current)(void) = (int (*)(void)) fake_driver_symbol("fake_cuda_primary_current");
    return current ? current() : 1;
}

#ifdef FAKE_SONAME
__attribute__((constructor)) static void fake_loaded(void) { fake_note("loaded %s", FAKE_SONAME); }
#endif

#define FAKE_INJECT(function) do { int injected_ = fake_injected(function); if (injected_) return injected_; } while (0)

/* Returns status (the library's "no context" code), noting the call, unless the primary context is current. */
#define FAKE_NEEDS_CONTEXT(function, status) do { if (!fake_primary_current()) {                              \
        fake_note("%s refused: the primary context is not current", function); return status; } } while (0)

/* Returns status (the library's execution failure) while the driver holds a sticky error. */
#define FAKE_STICKY_FAILS(function, status) do { if (fake_driver_sticky()) {                                   \
        fake_note("%s failed: sticky driver error %d", function, fake_driver_sticky()); return status; } } while (0)

#endif
