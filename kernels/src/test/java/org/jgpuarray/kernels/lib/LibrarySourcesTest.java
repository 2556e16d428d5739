package org.jgpuarray.kernels.lib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jgpuarray.kernels.Dialect;
import org.jgpuarray.kernels.ScalarType;
import org.jgpuarray.kernels.c.CSource;
import org.junit.jupiter.api.Test;

/** The library programs are complete and define the kernels they list, in both dialects. */
class LibrarySourcesTest {
    @Test
    void everyProgramDefinesItsKernels() {
        for (Dialect d : new Dialect[] {Dialect.CUDA, Dialect.OPENCL}) {
            for (ScalarType t : new ScalarType[] {ScalarType.FLOAT32, ScalarType.FLOAT64}) {
                check(GemmKernels.program(d, t, GemmTiling.GPU), 4);
                check(BlasKernels.program(d, t), BlasKernels.KERNELS.size());
                check(PhiloxKernels.program(d, t), t == ScalarType.FLOAT32 ? 3 : 2);
                check(FftKernels.program(d, t, false), 2 * FftRadices.SUPPORTED.size() + 4 + 6);
                check(FftKernels.program(d, t, true), 2 * FftRadices.SUPPORTED.size() + 4 + 6);
            }
            for (ScalarType t : new ScalarType[] {ScalarType.INT32, ScalarType.INT64}) {
                String src = GemmKernels.program(d, t, GemmTiling.GPU).source();
                check(GemmKernels.program(d, t, GemmTiling.GPU), 4);
                assertTrue(src.contains(t == ScalarType.INT32 ? "jga_uint acc" : "jga_ulong acc"),
                        "integer GEMM accumulates in the unsigned type, which wraps without undefined behaviour");
            }
        }
    }

    @Test
    void dialectsDiffer() {
        String cuda = PhiloxKernels.program(Dialect.CUDA, ScalarType.FLOAT32).source();
        String cl = PhiloxKernels.program(Dialect.OPENCL, ScalarType.FLOAT32).source();
        assertTrue(cuda.contains("extern \"C\" __global__") && cuda.contains("sinpif("));
        assertTrue(cl.contains("__kernel") && cl.contains("sinpi(") && !cl.contains("sinpif("));
        assertTrue(FftKernels.program(Dialect.OPENCL, ScalarType.FLOAT64, false).source().contains("cl_khr_fp64"));
        assertThrows(IllegalArgumentException.class, () -> BlasKernels.program(Dialect.JAVA, ScalarType.FLOAT32));
    }

    @Test
    void tilingsAreValidated() {
        assertEquals(16, GemmTiling.GPU.threadsX());
        assertEquals(8, GemmTiling.SMALL.threadsY());
        assertThrows(IllegalArgumentException.class, () -> new GemmTiling(64, 64, 16, 3, 4));
        assertThrows(IllegalArgumentException.class, () -> new GemmTiling(64, 64, 1, 4, 4));
    }

    @Test
    void codeletSimplifiesQuarterTurns() {
        String r4 = FftCodelet.dft(4, false, ScalarType.FLOAT32, "");
        assertFalse(r4.contains("e+00f"), r4);
        assertTrue(FftCodelet.dft(3, true, ScalarType.FLOAT64, "").contains("8.66025403784438"));
    }

    private static void check(CSource src, int kernels) {
        assertEquals(kernels, src.kernelNames().size(), src.kernelNames().toString());
        assertFalse(src.source().contains("${"), "unfilled placeholder");
        for (String name : src.kernelNames()) {
            assertTrue(src.source().contains("void " + name + "("), name);
        }
    }
}
