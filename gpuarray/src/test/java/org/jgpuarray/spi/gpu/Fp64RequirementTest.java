package org.jgpuarray.spi.gpu;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jgpuarray.device.UnsupportedCapabilityException;
import org.jgpuarray.kernels.ArgumentList;
import org.jgpuarray.kernels.ElementwiseSpec;
import org.jgpuarray.kernels.ReductionSpec;
import org.jgpuarray.kernels.ScalarType;
import org.jgpuarray.kernels.ScanSpec;
import org.junit.jupiter.api.Test;

/** Which specs need float64, and the refusal on a device without it. No device needed. */
class Fp64RequirementTest {

    @Test
    void elementwiseNeedsFp64ForDoubleArgumentsOrTheWordDouble() {
        assertFalse(Fp64Requirement.needs(ElementwiseSpec.of("k", "float *x, int n2", "x[i] = 2 * x[i]")));
        assertTrue(Fp64Requirement.needs(ElementwiseSpec.of("k", "double *x", "x[i] = 2 * x[i]")));
        assertTrue(Fp64Requirement.needs(ElementwiseSpec.of("k", "float *x, double s", "x[i] = s")));
        assertTrue(Fp64Requirement.needs(ElementwiseSpec.of("k", "float *x", "x[i] = (float) ((double) x[i] / 3)")));
        assertFalse(Fp64Requirement.needs(ElementwiseSpec.of("k", "float *x", "x[i] = double_it(x[i])")),
                "an identifier that merely contains 'double' is not the type");
        assertTrue(Fp64Requirement.needs(new ElementwiseSpec("k", ArgumentList.parse("float *x"), "x[i] = f(x[i])",
                "float f(float v) { double w = v; return (float) w; }", "", "")), "preamble");
        assertTrue(Fp64Requirement.needs(new ElementwiseSpec("k", ArgumentList.parse("float *x"), "x[i] = 1",
                "", "double prep = 0;", "")), "loop preparation");
    }

    @Test
    void reductionsAndScansNeedFp64ForFloat64Types() {
        ArgumentList floats = ArgumentList.parse("float *x");
        assertFalse(Fp64Requirement.needs(new ReductionSpec("r", ScalarType.FLOAT32, "0", "a+b", "x[i]", floats, "")));
        assertTrue(Fp64Requirement.needs(new ReductionSpec("r", ScalarType.FLOAT64, "0", "a+b", "x[i]", floats, "")));
        assertTrue(Fp64Requirement.needs(new ReductionSpec("r", ScalarType.FLOAT32, "0", "a+b", "(double) x[i]",
                floats, "")));
        assertTrue(Fp64Requirement.needs(new ReductionSpec("r", ScalarType.INT64, "0", "a+b", "y[i]",
                ArgumentList.parse("double *y"), "")));
        assertFalse(Fp64Requirement.needs(new ScanSpec("s", ScalarType.INT64, "a+b", "0", true, "")));
        assertTrue(Fp64Requirement.needs(new ScanSpec("s", ScalarType.FLOAT64, "a+b", "0", true, "")));
    }

    @Test
    void refusalNamesTheCapabilityKernelAndDevice() {
        UnsupportedCapabilityException e = assertThrows(UnsupportedCapabilityException.class,
                () -> Fp64Requirement.check(true, false, "dsum", "Fake GPU"));
        assertEquals("fp64", e.capability());
        assertTrue(e.getMessage().contains("dsum") && e.getMessage().contains("Fake GPU"), e.getMessage());
        assertDoesNotThrow(() -> Fp64Requirement.check(true, true, "dsum", "Real GPU"));
        assertDoesNotThrow(() -> Fp64Requirement.check(false, false, "fsum", "Fake GPU"));
    }
}
