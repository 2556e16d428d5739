/*
 * What the fake CUDA libraries (fake_libcublas.c, fake_libcufft.c, fake_libcurand.c) share: the log
 * (appended to the file named by FAKE_CUDA_LOG, like the fake driver's), device addresses named as the
 * fake driver names them, and injected failures. "Device memory" of the fake driver is host memory, so
 * the fakes compute real results on it.
 *
 * Injected failures: while the file named by FAKE_CUDA_FAIL holds "<function> <status>", that function
 * returns that status (and does nothing else).
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
    int matched = fscanf(f, "%127s %d", name, &status) == 2 && strcmp(name, function) == 0;
    fclose(f);
    if (matched) fake_note("%s injected failure %d", function, status);
    return matched ? status : 0;
}

#define FAKE_INJECT(function) do { int injected_ = fake_injected(function); if (injected_) return injected_; } while (0)

#endif
