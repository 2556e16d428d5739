package org.jgpuarray.opencl.internal;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.util.Optional;

/** {@link LibraryOpener#system()}: {@code dlopen(name, RTLD_LAZY)} through JNA, else {@link LinkerPathSearch}. */
final class SystemLibraryOpener {
    private static final System.Logger LOG = System.getLogger("org.jgpuarray.opencl");
    /** {@code RTLD_LAZY} in glibc's {@code dlfcn.h}, the same on every architecture. */
    private static final int RTLD_LAZY = 1;

    private SystemLibraryOpener() {
    }

    static Optional<String> open(String name) {
        try {
            if (Dl.dlopen(name, RTLD_LAZY) != null) {
                return Optional.empty(); // left open: JOCL's own dlopen of the same name then finds it loaded
            }
            String error = Dl.dlerror();
            return Optional.of(error == null ? name + ": dlopen failed" : error.lines().findFirst().orElse(error));
        } catch (LinkageError e) {
            LOG.log(System.Logger.Level.DEBUG, "no dlopen through JNA; searching the linker's directories", e);
            return LinkerPathSearch.system().find(name);
        }
    }

    /**
     * The linker's functions, direct-mapped: bound when this class initialises, and {@code dlerror}'s
     * string copied inside the native call. (Through JNA's {@code Function}, the JVM's lazy linking of
     * JNA's own native methods runs {@code dlsym} between the two calls, which frees glibc's error string.)
     */
    private static final class Dl {
        static {
            Native.register(Dl.class, NativeLibrary.getProcess());
        }

        static native Pointer dlopen(String file, int mode);

        static native String dlerror();
    }
}
