package org.jgpuarray.cuda.binding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.Optional;
import org.jgpuarray.device.DeviceException;
import org.jgpuarray.cuda.internal.binding.LibraryVersion;
import org.jgpuarray.cuda.internal.binding.StatusNames;
import org.junit.jupiter.api.Test;

/** Library versions from {@code GetProperty} and from the encoded version numbers; status names. */
class LibraryVersionTest {
    @Test
    void versionNumbersDecode() {
        assertEquals("11.2.6", LibraryVersion.fromThousands(11206).toString());
        assertEquals("10.4.0", LibraryVersion.fromThousands(10400).toString());
        assertEquals("12.6.4", LibraryVersion.fromCublasNumber(120604).toString());
        assertEquals("13.0.2", LibraryVersion.fromCublasNumber(130002).toString());
        assertEquals("11.4.1", LibraryVersion.fromCublasNumber(11401).toString());
    }

    @Test
    void propertiesGiveMajorMinorPatch() {
        int[] parts = {13, 1, 7};
        assertEquals(Optional.of(new LibraryVersion(13, 1, 7)), LibraryVersion.fromProperties((type, value) -> {
            value[0] = parts[type];
            return 0;
        }));
        assertEquals(Optional.empty(), LibraryVersion.fromProperties((type, value) -> type == 2 ? 7 : 0));
        assertEquals(Optional.empty(), LibraryVersion.fromProperties((type, value) -> {
            throw new UnsatisfiedLinkError("Error looking up function 'cufftGetProperty'");
        }));
    }

    @Test
    void statusesBecomeDeviceExceptionsWithTheirNames() {
        StatusNames names = new StatusNames("cublasStatus_t", Map.of(7, "CUBLAS_STATUS_INVALID_VALUE"));
        names.check("cublasSgemm_v2", 0, "");
        DeviceException e = assertThrows(DeviceException.class,
                () -> names.check("cublasSgemm_v2", 7, "row-major 2x2x2"));
        assertEquals("cublasSgemm_v2", e.call());
        assertEquals(7, e.code());
        assertEquals("CUBLAS_STATUS_INVALID_VALUE", e.codeName());
        assertEquals("cublasSgemm_v2 failed: CUBLAS_STATUS_INVALID_VALUE (7): row-major 2x2x2", e.getMessage());
        assertEquals("cublasStatus_t 99", names.name(99));
    }
}
