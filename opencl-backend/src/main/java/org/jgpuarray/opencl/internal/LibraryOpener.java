package org.jgpuarray.opencl.internal;

import java.util.Optional;

/**
 * Opens a shared library by file name the way the dynamic linker's {@code dlopen(name, RTLD_LAZY)} does
 * ({@code LD_LIBRARY_PATH}, the {@code ld.so} cache, the system library directories). A library that
 * opens stays loaded. Tests pass their own to play machines without an OpenCL ICD loader.
 */
@FunctionalInterface
public interface LibraryOpener {
    /**
     * Opens {@code name}.
     *
     * @param name a file name without a directory, such as {@code libOpenCL.so}; not modified
     * @return empty when the library loaded; otherwise the linker's error, one line
     */
    Optional<String> open(String name);

    /**
     * This process's dynamic linker, called through JNA (which prints nothing); where JNA's own native
     * part cannot load, a search of the linker's directories for the file instead.
     *
     * @return the opener; safe for concurrent use
     */
    static LibraryOpener system() {
        return SystemLibraryOpener::open;
    }
}
