package org.jgpuarray.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ArgumentListTest {

    @Test
    void parsesPyCudaStyleLists() {
        ArgumentList a = ArgumentList.parse("float a, float *x, const double* y, long long k,int64_t *idx, bool *m");
        assertEquals(6, a.size());
        assertEquals(new Argument("a", ScalarType.FLOAT32, false), a.get(0));
        assertEquals(new Argument("x", ScalarType.FLOAT32, true), a.get(1));
        assertEquals(new Argument("y", ScalarType.FLOAT64, true), a.get(2));
        assertEquals(new Argument("k", ScalarType.INT64, false), a.get(3));
        assertEquals(new Argument("idx", ScalarType.INT64, true), a.get(4));
        assertEquals(new Argument("m", ScalarType.BOOL, true), a.get(5));
        assertEquals("x", a.firstArray().orElseThrow().name());
        assertEquals("float a, float *x, double *y, long k, long *idx, bool *m", a.declaration());
    }

    @Test
    void emptyListHasNoArray() {
        assertEquals(0, ArgumentList.parse("  ").size());
        assertFalse(ArgumentList.parse("int k").firstArray().isPresent());
    }

    @Test
    void errorsNameTheParameter() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ArgumentList.parse("float *x, complex *z"));
        assertTrue(e.getMessage().contains("unknown type 'complex'") && e.getMessage().contains("parameter 2"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ArgumentList.parse("float *x, , int y"));
        assertTrue(e.getMessage().contains("malformed parameter 2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ArgumentList.parse("float **x"));
        assertTrue(e.getMessage().contains("malformed parameter 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ArgumentList.parse("int i"));
        assertTrue(e.getMessage().contains("reserved"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ArgumentList.parse("int a, float a"));
        assertTrue(e.getMessage().contains("twice"), e.getMessage());
    }

    @Test
    void specsValidateTheirParts() {
        assertThrows(IllegalArgumentException.class, () -> ElementwiseSpec.of("k", "float *x", "  "));
        assertThrows(IllegalArgumentException.class, () -> ElementwiseSpec.of("for", "float *x", "x[i] = 0"));
        assertThrows(IllegalArgumentException.class, () -> new ReductionSpec("r", ScalarType.BOOL, "0", "a+b",
                "x[i]", ArgumentList.parse("bool *x"), ""));
        assertThrows(IllegalArgumentException.class, () -> new ScanSpec("s", ScalarType.FLOAT32, "", "0", true, ""));
        assertEquals(ElementwiseSpec.of("k", "float *x", "x[i] = 0"), ElementwiseSpec.of("k", "float *x", "x[i] = 0"),
                "specs are values: equal specs share a compiled kernel");
    }
}
