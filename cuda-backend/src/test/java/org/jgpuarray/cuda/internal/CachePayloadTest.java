package org.jgpuarray.cuda.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.jgpuarray.cuda.internal.compiler.BinaryKind;
import org.jgpuarray.cuda.internal.compiler.CudaBinary;
import org.junit.jupiter.api.Test;

/** How a PTX or cubin travels through the shared disk cache: kind, architecture and image. No device needed. */
class CachePayloadTest {
    @Test
    void ptxAndCubinRoundTrip() {
        for (BinaryKind kind : BinaryKind.values()) {
            CudaBinary binary = new CudaBinary(kind, kind == BinaryKind.PTX ? "compute_80" : "sm_90",
                    ".version 7.8\n.target sm_80\n".getBytes(StandardCharsets.UTF_8), "a warning");
            CudaBinary back = LoadedModule.decode(LoadedModule.encode(binary)).orElseThrow();
            assertEquals(binary.kind(), back.kind());
            assertEquals(binary.arch(), back.arch());
            assertArrayEquals(binary.image(), back.image());
        }
    }

    @Test
    void payloadsThatAreNoBinaryAreRefused() {
        assertTrue(LoadedModule.decode(new byte[0]).isEmpty(), "empty");
        assertTrue(LoadedModule.decode(new byte[] {9, 0, 0}).isEmpty(), "unknown kind");
        assertTrue(LoadedModule.decode(new byte[] {0, 0, 50, 1}).isEmpty(), "truncated architecture");
    }
}
