package org.jgpuarray.cuda.binding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jgpuarray.cuda.internal.binding.LibrarySwitch;
import org.jgpuarray.cuda.internal.cublas.CublasLoader;
import org.jgpuarray.cuda.internal.cufft.CufftLoader;
import org.jgpuarray.cuda.internal.curand.CurandLoader;
import org.junit.jupiter.api.Test;

/** {@code JGPUARRAY_CUDA_LIBRARIES}: what each setting allows, and the reason a refused library gives. */
class LibrarySwitchTest {
    @Test
    void unsetOrAllAllowsEverything() {
        for (String value : new String[] {null, "", " ", "all", "ALL"}) {
            LibrarySwitch s = LibrarySwitch.parse(value);
            assertTrue(s.allowsJcublas2() && s.allowsJna("cublas") && s.allowsJna("cufft") && s.allowsJna("curand"),
                    "'" + value + "'");
        }
    }

    @Test
    void noneAllowsNothing() {
        LibrarySwitch s = LibrarySwitch.parse("none");
        assertFalse(s.allowsJcublas2() || s.allowsJna("cublas") || s.allowsJna("cufft") || s.allowsJna("curand"));
        assertEquals("disabled by JGPUARRAY_CUDA_LIBRARIES=none (known: cublas, cublas-jna, cufft, curand, none, all)",
                s.refusal());
    }

    @Test
    void aListAllowsItsMembers() {
        LibrarySwitch s = LibrarySwitch.parse(" CUFFT, curand ,bogus");
        assertTrue(s.allowsJna("cufft") && s.allowsJna("curand"));
        assertFalse(s.allowsJcublas2() || s.allowsJna("cublas"));
        assertTrue(s.refusal().contains("=CUFFT, curand ,bogus"), s.refusal());
    }

    @Test
    void cublasJnaSkipsJcublas2() {
        LibrarySwitch s = LibrarySwitch.parse("cublas-jna");
        assertFalse(s.allowsJcublas2());
        assertTrue(s.allowsJna("cublas"));
        assertFalse(s.allowsJna("cufft"));
    }

    @Test
    void refusedLibrariesAreNotLookedFor() {
        LibrarySwitch none = LibrarySwitch.parse("none");
        assertEquals(none.refusal(), CublasLoader.load(none, List.of()).reason());
        assertEquals(none.refusal(), CufftLoader.load(none, List.of()).reason());
        assertEquals(none.refusal(), CurandLoader.load(none, List.of()).reason());
    }
}
