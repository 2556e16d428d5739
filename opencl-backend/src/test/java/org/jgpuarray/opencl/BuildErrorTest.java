package org.jgpuarray.opencl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jgpuarray.device.DeviceException;
import org.jgpuarray.device.KernelCompilationException;
import org.jgpuarray.kernels.ArgumentList;
import org.jgpuarray.kernels.ElementwiseSpec;
import org.jgpuarray.kernels.ReductionSpec;
import org.jgpuarray.kernels.ScalarType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.jgpuarray.spi.gpu.GpuDevice;
import org.jgpuarray.device.ProgramCacheStatistics;

/** A program that does not compile becomes a KernelCompilationException with the log read before cleanup. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("opencl")
class BuildErrorTest {
    private GpuDevice device;

    @BeforeAll
    void open() {
        device = OpenClTestDevices.open();
    }

    @AfterAll
    void close() {
        if (device != null) {
            device.close();
        }
    }

    @Test
    void brokenElementwiseSnippetCarriesLogOptionsAndNumberedSource() {
        ElementwiseSpec spec = ElementwiseSpec.of("broken_snippet", "float *x", "x[i] = undefined_thing + ;");
        KernelCompilationException e = assertThrows(KernelCompilationException.class, () -> device.compile(spec));
        assertEquals("broken_snippet", e.kernelName());
        assertFalse(e.log().isBlank(), "the build log is read before the program is released");
        assertTrue(e.log().contains("undefined_thing") || e.log().contains("error"), e.log());
        assertTrue(e.numberedSource().lines().anyMatch(l -> l.matches("\\s*\\d+\\| .*x\\[i\\] = undefined_thing \\+ ;.*")),
                e.numberedSource());
        assertEquals(List.of(), e.options());
        DeviceException cause = assertInstanceOf(DeviceException.class, e.getCause());
        assertEquals("clBuildProgram", cause.call());
        assertEquals("CL_BUILD_PROGRAM_FAILURE", cause.codeName());
        assertEquals(0, device.unwrap(ProgramCacheStatistics.class).orElseThrow().sourceBuilds(), "a failed build is not counted or cached");
    }

    @Test
    void brokenReductionNamesTheReduction() {
        ReductionSpec spec = new ReductionSpec("broken_reduce", ScalarType.FLOAT32, "0", "a +* b", "x[i]",
                ArgumentList.parse("float *x"), "");
        KernelCompilationException e = assertThrows(KernelCompilationException.class, () -> device.compile(spec));
        assertEquals("broken_reduce", e.kernelName());
        assertTrue(e.getMessage().contains(e.log().strip().lines().findFirst().orElseThrow()), e.getMessage());
        assertTrue(e.numberedSource().contains("a +* b"), e.numberedSource());
    }

    @Test
    void brokenRawProgramKeepsItsOptions() {
        String source = "__kernel void twice(__global float *x) {\n    x[get_global_id(0)] *= SCALE\n}\n";
        KernelCompilationException e = assertThrows(KernelCompilationException.class,
                () -> device.compileProgram("twice", source, List.of("-DSCALE=2.0f")));
        assertEquals("twice", e.kernelName());
        assertEquals(List.of("-DSCALE=2.0f"), e.options());
        assertFalse(e.log().isBlank());
        assertTrue(e.numberedSource().contains("   2|     x[get_global_id(0)] *= SCALE"), e.numberedSource());
    }

    @Test
    void unknownBuildOptionIsACompilationErrorToo() {
        String source = "__kernel void nothing(__global float *x) { }\n";
        KernelCompilationException e = assertThrows(KernelCompilationException.class,
                () -> device.compileProgram("nothing", source, List.of("-cl-no-such-option")));
        assertEquals(List.of("-cl-no-such-option"), e.options());
    }
}
