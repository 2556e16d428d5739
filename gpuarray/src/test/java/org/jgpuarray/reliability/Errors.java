package org.jgpuarray.reliability;

import org.jgpuarray.device.GpuException;
import org.jgpuarray.device.KernelCompilationException;
import org.jgpuarray.device.UnsupportedCapabilityException;

/** Short names of the exception types cases expect. */
final class Errors {
    /** A caller's bad argument. */
    static final Class<IllegalArgumentException> IAE = IllegalArgumentException.class;
    /** A call in the wrong state, e.g. after close. */
    static final Class<IllegalStateException> ISE = IllegalStateException.class;
    /** A null argument: the message must name the parameter. */
    static final Class<NullPointerException> NPE = NullPointerException.class;
    /** An operation the API does not offer for these operands (complex arithmetic). */
    static final Class<UnsupportedOperationException> UOE = UnsupportedOperationException.class;
    /** A snippet or source the device compiler (or the CPU's translator) rejects. */
    static final Class<KernelCompilationException> KCE = KernelCompilationException.class;
    /** A capability the backend or device lacks. */
    static final Class<UnsupportedCapabilityException> UNSUPPORTED = UnsupportedCapabilityException.class;
    /** Any of jgpuarray's exceptions (device problems). */
    static final Class<GpuException> GPU = GpuException.class;

    private Errors() {
    }
}
