package org.jgpuarray.cuda.internal.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The file nvcc compiles is named after the program, safely: the portable libraries' names have slashes. */
class NvccFileNameTest {
    @Test
    void namesBecomeFileNames() {
        assertEquals("axpy", NvccCompiler.fileName("axpy"));
        assertEquals("blas_float32", NvccCompiler.fileName("blas/float32"));
        assertEquals("gemm_float32_32x32x8_4x4", NvccCompiler.fileName("gemm/float32/32x32x8:4x4"));
        assertEquals("program", NvccCompiler.fileName(""));
        assertEquals("program..", NvccCompiler.fileName(".."));
        assertTrue(NvccCompiler.fileName("k".repeat(300)).length() <= 100);
    }
}
