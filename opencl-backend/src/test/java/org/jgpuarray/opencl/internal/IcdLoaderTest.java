package org.jgpuarray.opencl.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The loader check names the real cause of a missing ICD loader, and opens libraries as dlopen does. */
class IcdLoaderTest {
    private static final String MISSING = ": cannot open shared object file: No such file or directory";

    /** A machine whose linker finds exactly {@code present}, recording what was asked. */
    private record Machine(Map<String, String> errors, List<String> asked) implements LibraryOpener {
        static Machine with(String... present) {
            List<String> found = List.of(present);
            Map<String, String> errors = new HashMap<>();
            for (String name : List.of(IcdLoader.UNVERSIONED, IcdLoader.VERSIONED)) {
                if (!found.contains(name)) {
                    errors.put(name, name + MISSING);
                }
            }
            return new Machine(errors, new ArrayList<>());
        }

        @Override
        public Optional<String> open(String name) {
            asked.add(name);
            return Optional.ofNullable(errors.get(name));
        }
    }

    @Test
    void theUnversionedNameLoadingIsAllJoclNeeds() {
        Machine m = Machine.with(IcdLoader.UNVERSIONED, IcdLoader.VERSIONED);
        assertEquals(Optional.empty(), IcdLoader.whyJoclCannotLoadOnLinux(m));
        assertEquals(List.of("libOpenCL.so"), m.asked(), "JOCL loads the unversioned name only");
    }

    @Test
    void onlyTheVersionedNameNamesTheDevPackage() {
        String reason = IcdLoader.whyJoclCannotLoadOnLinux(Machine.with(IcdLoader.VERSIONED)).orElseThrow();
        assertEquals("JOCL needs the unversioned libOpenCL.so (Debian/Ubuntu: apt-get install ocl-icd-opencl-dev);"
                + " this machine has libOpenCL.so.1 only", reason);
    }

    @Test
    void noLoaderAtAllNamesTheLoaderAndAPlatform() {
        String reason = IcdLoader.whyJoclCannotLoadOnLinux(Machine.with()).orElseThrow();
        assertTrue(reason.startsWith("no OpenCL ICD loader (neither libOpenCL.so nor libOpenCL.so.1"), reason);
        assertTrue(reason.contains("ocl-icd-opencl-dev") && reason.contains("pocl-opencl-icd"), reason);
        assertFalse(reason.contains("\n"), "one line");
    }

    @Test
    void aBrokenLoaderQuotesTheLinker() {
        LibraryOpener broken = name -> Optional.of(name + ": invalid ELF header");
        assertEquals("the OpenCL ICD loader libOpenCL.so is installed but does not load: libOpenCL.so: invalid ELF"
                + " header", IcdLoader.whyJoclCannotLoadOnLinux(broken).orElseThrow());
    }

    @Test
    void theSystemOpenerIsTheDynamicLinker() {
        LibraryOpener system = LibraryOpener.system();
        assertEquals(Optional.empty(), system.open("libc.so.6"));
        String error = system.open("libjgpuarray-no-such-library.so").orElseThrow();
        assertEquals("libjgpuarray-no-such-library.so" + MISSING, error);
    }

    @Test
    void theFallbackSearchLooksWhereTheLinkerLooks(@TempDir Path dir) throws Exception {
        LinkerPathSearch search = LinkerPathSearch.of(dir + "::/nowhere", "amd64");
        assertEquals(List.of(dir, Path.of("/nowhere"), Path.of("/lib/x86_64-linux-gnu"),
                Path.of("/usr/lib/x86_64-linux-gnu"), Path.of("/lib64"), Path.of("/usr/lib64"), Path.of("/lib"),
                Path.of("/usr/lib")), search.directories());
        assertEquals(Optional.of("libjgpuarray-test.so" + MISSING), search.find("libjgpuarray-test.so"));
        Files.createSymbolicLink(dir.resolve("libjgpuarray-test.so"), dir.resolve("libjgpuarray-test.so.1"));
        assertTrue(search.find("libjgpuarray-test.so").isPresent(), "a dangling link is no library");
        Files.writeString(dir.resolve("libjgpuarray-test.so.1"), "");
        assertEquals(Optional.empty(), search.find("libjgpuarray-test.so"));
    }
}
