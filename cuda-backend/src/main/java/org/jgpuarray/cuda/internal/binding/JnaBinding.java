package org.jgpuarray.cuda.internal.binding;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.lang.reflect.Method;
import jcuda.driver.CUstream;
import org.jgpuarray.cuda.internal.CudaPointer;
import org.jgpuarray.cuda.internal.CudaStreamHandle;

/**
 * Loading a JNA library interface with every function checked up front (JNA itself looks functions up
 * on first call, which would turn a missing symbol into a failure in the middle of a computation), and
 * the conversions of the backend's device pointers and stream to JNA pointers.
 */
public final class JnaBinding {
    private JnaBinding() {
    }

    /**
     * Loads {@code nameOrPath} as {@code api}.
     *
     * @throws UnsatisfiedLinkError when the library does not load or lacks one of the interface's functions
     */
    public static <T extends Library> T load(String nameOrPath, Class<T> api) {
        T library = Native.load(nameOrPath, api);
        NativeLibrary loaded = NativeLibrary.getInstance(nameOrPath);
        for (Method m : api.getMethods()) {
            if (m.getDeclaringClass() == api) {
                loaded.getFunction(m.getName());
            }
        }
        return library;
    }

    /** The device address as a JNA pointer. */
    public static Pointer device(CudaPointer pointer) {
        return new Pointer(pointer.address());
    }

    /**
     * The stream as a JNA pointer: null for the legacy default stream, the address of a stream the backend
     * created.
     *
     * @throws IllegalArgumentException for a stream the backend did not create (not a {@link CudaStreamHandle})
     */
    public static Pointer stream(CUstream stream) {
        if (stream == null) {
            return Pointer.NULL;
        }
        if (!(stream instanceof CudaStreamHandle handle)) {
            throw new IllegalArgumentException("the JNA bindings take the backend's own streams only, got " + stream);
        }
        return new Pointer(handle.address());
    }
}
