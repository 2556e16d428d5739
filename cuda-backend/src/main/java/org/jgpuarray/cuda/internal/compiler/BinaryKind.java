package org.jgpuarray.cuda.internal.compiler;

/** What a CUDA compiler produces for the driver to load. */
public enum BinaryKind {
    /** PTX text for a virtual architecture; the driver's JIT compiles it for the device. */
    PTX,
    /** A cubin (ELF) for one real architecture; loaded as is. */
    CUBIN
}
