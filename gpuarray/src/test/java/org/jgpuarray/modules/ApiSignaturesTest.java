package org.jgpuarray.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The checker behind {@link ApiSignatureTest} finds a hidden type wherever a signature can mention it;
 * here everything outside {@code java.*} and {@code org.jgpuarray.device} counts as hidden.
 */
class ApiSignaturesTest {

    @Test
    void findsEveryKindOfMention() {
        ApiSignatures signatures = new ApiSignatures(c -> c.getPackageName().startsWith("java.")
                || c.getPackageName().equals("org.jgpuarray.device"));

        signatures.check(ApiLeakFixture.class);

        String leaky = ApiLeakFixture.class.getName();
        String nested = ApiLeakFixture.Nested.class.getName();
        assertEquals(List.of(
                leaky + " (interface): org.jgpuarray.spi.HostArray",
                leaky + " <T extends>: org.jgpuarray.spi.Backend",
                leaky + ".field: org.jgpuarray.internal.BackendRegistry",
                leaky + ".<init> (parameter): org.jgpuarray.spi.Backend",
                leaky + ".method <U extends>: org.jgpuarray.internal.BackendRegistry",
                leaky + ".method (parameter): org.jgpuarray.internal.BackendRegistry",
                leaky + ".method (throws): " + ApiLeakFixture.HiddenException.class.getName(),
                leaky + ".method (returns): " + ApiLeakFixture.HiddenException.class.getName(),
                nested + ".backend (record component): org.jgpuarray.spi.Backend",
                nested + ".<init> (parameter): org.jgpuarray.spi.Backend",
                nested + ".backend (returns): org.jgpuarray.spi.Backend").stream().sorted().toList(),
                signatures.findings().stream().sorted().toList());
    }
}
