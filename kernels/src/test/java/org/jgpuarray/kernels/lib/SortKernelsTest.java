package org.jgpuarray.kernels.lib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jgpuarray.kernels.Dialect;
import org.jgpuarray.kernels.ScalarType;
import org.jgpuarray.kernels.c.CSource;
import org.junit.jupiter.api.Test;

/** The radix sort programs are complete, per type and dialect, and refuse what they cannot sort. */
class SortKernelsTest {
    private static final ScalarType[] SORTABLE = {ScalarType.BOOL, ScalarType.INT32, ScalarType.INT64,
            ScalarType.FLOAT32, ScalarType.FLOAT64};

    @Test
    void everyProgramDefinesItsKernels() {
        for (Dialect d : new Dialect[] {Dialect.CUDA, Dialect.OPENCL}) {
            for (ScalarType t : SORTABLE) {
                CSource src = SortKernels.program(d, t);
                assertEquals(SortKernels.KERNELS.size(), src.kernelNames().size());
                assertFalse(src.source().contains("${"), "unfilled placeholder");
                for (String name : src.kernelNames()) {
                    assertTrue(src.source().contains("void " + name + "("), name);
                }
                assertTrue(src.source().contains("typedef " + t.nameIn(d) + " jga_sort_item_" + t.numpyName() + ";"));
            }
        }
    }

    @Test
    void floatsReadTheirBitsInEachDialect() {
        assertTrue(SortKernels.program(Dialect.CUDA, ScalarType.FLOAT32).source().contains("__float_as_uint(x)"));
        assertTrue(SortKernels.program(Dialect.OPENCL, ScalarType.FLOAT32).source().contains("as_uint(x)"));
        assertTrue(SortKernels.program(Dialect.CUDA, ScalarType.FLOAT64).source().contains("__double_as_longlong(x)"));
        String cl64 = SortKernels.program(Dialect.OPENCL, ScalarType.FLOAT64).source();
        assertTrue(cl64.contains("as_ulong(x)") && cl64.contains("cl_khr_fp64"));
        assertFalse(SortKernels.program(Dialect.OPENCL, ScalarType.INT64).source().contains("cl_khr_fp64"));
    }

    @Test
    void keyWidthsAndPasses() {
        assertEquals(1, SortKernels.keyBits(ScalarType.BOOL));
        assertEquals(32, SortKernels.keyBits(ScalarType.FLOAT32));
        assertEquals(64, SortKernels.keyBits(ScalarType.INT64));
        assertEquals(1, SortKernels.passes(1));
        assertEquals(8, SortKernels.passes(32));
        assertEquals(16, SortKernels.passes(64));
        assertEquals(0, SortKernels.passes(0));
        assertEquals(SortKernels.THREADS * SortKernels.ITEMS, SortKernels.TILE);
    }

    @Test
    void refusesWhatItCannotSort() {
        assertThrows(IllegalArgumentException.class, () -> SortKernels.program(Dialect.CUDA, ScalarType.COMPLEX64));
        assertThrows(IllegalArgumentException.class, () -> SortKernels.program(Dialect.JAVA, ScalarType.INT32));
    }
}
