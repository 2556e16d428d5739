package org.jgpuarray.opencl.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Optional;
import org.jgpuarray.device.DeviceException;
import org.jgpuarray.device.OutOfDeviceMemoryException;
import org.jocl.CL;
import org.junit.jupiter.api.Test;

/**
 * OpenCL status codes become jgpuarray exceptions that name the call and the code, on every machine: the
 * names come from the backend's own table, not from JOCL's, whose class needs {@code libOpenCL.so}.
 */
class ClStatusTest {

    @Test
    void allocationFailuresAreOutOfDeviceMemory() {
        DeviceException e = Cl.failure("clCreateBuffer", -4, "1024 bytes", 1024);
        OutOfDeviceMemoryException oom = assertInstanceOf(OutOfDeviceMemoryException.class, e);
        assertEquals(1024, oom.requestedBytes());
        assertEquals("clCreateBuffer", oom.call());
        assertInstanceOf(OutOfDeviceMemoryException.class, Cl.failure("clCreateBuffer", -5, "", 8));
        assertInstanceOf(OutOfDeviceMemoryException.class, Cl.failure("clEnqueueNDRangeKernel", -4, "", -1),
                "a lazily allocated buffer failing at first use");
    }

    @Test
    void otherFailuresAreDeviceExceptionsWithTheSymbolicName() {
        DeviceException e = Cl.failure("clEnqueueNDRangeKernel", -5, "kernel 'k'", -1);
        assertFalse(e instanceof OutOfDeviceMemoryException, "out of resources at launch is not an allocation");
        assertEquals(-5, e.code());
        assertEquals("CL_OUT_OF_RESOURCES", e.codeName());
        assertTrue(e.getMessage().contains("clEnqueueNDRangeKernel failed: CL_OUT_OF_RESOURCES (-5): kernel 'k'"),
                e.getMessage());
        DeviceException args = assertThrows(DeviceException.class, () -> Cl.check("clSetKernelArg", -51));
        assertEquals("CL_INVALID_ARG_SIZE", args.codeName());
        assertEquals("CL_ERROR_-12345", Cl.errorName(-12345));
        assertDoesNotThrow(() -> Cl.check("clFinish", 0));
    }

    @Test
    void theNamesAreJoclsNames() {
        Optional<String> problem = IcdLoader.whyJoclCannotLoad(LibraryOpener.system());
        if (problem.isPresent()) {
            System.out.println("SKIPPED: JOCL cannot load here: " + problem.get());
        }
        assumeTrue(problem.isEmpty(), () -> "JOCL cannot load here: " + problem.orElseThrow());
        for (int code = -1100; code <= 2; code++) {
            String jocl = CL.stringFor_errorCode(code);
            assertEquals(jocl.startsWith("INVALID error code") ? "CL_ERROR_" + code : jocl, Cl.errorName(code));
        }
        assertEquals(CL.stringFor_errorCode(CL.CL_JOCL_INTERNAL_ERROR), Cl.errorName(CL.CL_JOCL_INTERNAL_ERROR));
    }
}
