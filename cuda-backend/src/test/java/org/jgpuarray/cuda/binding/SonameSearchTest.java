package org.jgpuarray.cuda.binding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jgpuarray.cuda.internal.binding.JnaBinding;
import org.jgpuarray.cuda.internal.binding.NativeBinding;
import org.jgpuarray.cuda.internal.binding.SonameSearch;
import org.jgpuarray.cuda.internal.cublas.CublasLibrary;
import org.jgpuarray.cuda.internal.cublas.CublasLoader;
import org.jgpuarray.cuda.internal.cufft.CufftLoader;
import org.jgpuarray.cuda.internal.curand.CurandLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The order in which sonames and toolkit folders are tried, and the reasons given when nothing loads. */
class SonameSearchTest {
    private static final String MISSING = "Unable to load library '%1$s':\n%1$s: cannot open shared object file: "
            + "No such file or directory\nNative library (linux-x86-64/%1$s) not found in resource path (x.jar)";

    @TempDir
    Path temp;

    @Test
    void sonamesAreTriedNewestFirst() {
        assertEquals(List.of("libcublas.so.13", "libcublas.so.12", "libcublas.so.11"), CublasLoader.SONAMES);
        assertEquals(List.of("libcufft.so.12", "libcufft.so.11", "libcufft.so.10"), CufftLoader.SONAMES);
        assertEquals(List.of("libcurand.so.10"), CurandLoader.SONAMES);
    }

    @Test
    void eachSonameOnTheLoaderPathThenInTheToolkitFolders() throws IOException {
        Path a = temp.resolve("a");
        Path b = temp.resolve("b");
        Path aNew = touch(a.resolve("lib64/libx.so.2"));
        Path bNew = touch(b.resolve("lib/libx.so.2"));
        Path aOld = touch(a.resolve("lib/libx.so.1"));
        touch(b.resolve("bin/libx.so.1"));
        assertEquals(List.of("libx.so.2", aNew.toString(), bNew.toString(), "libx.so.1", aOld.toString()),
                SonameSearch.candidates(List.of("libx.so.2", "libx.so.1"), List.of(a, b)));
    }

    @Test
    void theFirstCandidateThatBindsWins() throws IOException {
        Path root = temp.resolve("cuda");
        Path file = touch(root.resolve("lib64/libx.so.2"));
        List<String> tried = new ArrayList<>();
        NativeBinding<String> found = SonameSearch.search("X", List.of("libx.so.2", "libx.so.1"), List.of(root), name -> {
            tried.add(name);
            if (name.equals("libx.so.2")) {
                throw new UnsatisfiedLinkError(String.format(MISSING, name));
            }
            return "bound " + name;
        });
        assertTrue(found.isLoaded());
        assertEquals("bound " + file, found.library());
        assertEquals(file.toString(), found.name());
        assertEquals(List.of("libx.so.2", file.toString()), tried);
    }

    @Test
    void theReasonNamesTheSonamesAndWhatFailedOfLibrariesThatWereThere() {
        NativeBinding<String> none = SonameSearch.search("cuX", List.of("libx.so.2", "libx.so.1"),
                List.of(Path.of("/nowhere/cuda")), name -> {
                    if (name.equals("libx.so.1")) {
                        throw new UnsatisfiedLinkError("Unable to load library 'libx.so.1':\nlibdep.so.1: cannot open "
                                + "shared object file: No such file or directory\nNative library (x) not found");
                    }
                    throw new UnsatisfiedLinkError(String.format(MISSING, name));
                });
        assertFalse(none.isLoaded());
        assertEquals("no cuX library loads (tried libx.so.2, libx.so.1 on the loader's path and under /nowhere/cuda); "
                + "libx.so.1: libdep.so.1: cannot open shared object file: No such file or directory", none.reason());
    }

    @Test
    void failuresTellMissingFromBroken() {
        assertEquals(Optional.empty(), SonameSearch.failure(new UnsatisfiedLinkError(String.format(MISSING, "liby.so.3")),
                "liby.so.3"));
        assertEquals(Optional.of("Error looking up function 'f': liby.so.3: undefined symbol: f"),
                SonameSearch.failure(new UnsatisfiedLinkError("Error looking up function 'f': liby.so.3: undefined symbol: f"),
                        "liby.so.3"));
        assertEquals(Optional.of("IllegalStateException"), SonameSearch.failure(new IllegalStateException(), "liby.so.3"));
    }

    @Test
    void jnaReportsAnAbsentLibraryAsMissing() {
        NativeBinding<CublasLibrary> none = SonameSearch.search("nothing", List.of("libjgpuarray-absent.so.7"), List.of(),
                name -> JnaBinding.load(name, CublasLibrary.class));
        assertEquals("no nothing library loads (tried libjgpuarray-absent.so.7)", none.reason());
    }

    @Test
    void aLibraryWithoutTheFunctionsDoesNotBind() {
        NativeBinding<CublasLibrary> libc = SonameSearch.search("cuBLAS", List.of("libc.so.6"), List.of(),
                name -> JnaBinding.load(name, CublasLibrary.class));
        assertFalse(libc.isLoaded());
        assertTrue(libc.reason().contains("; libc.so.6: Error looking up function 'cublas"), libc.reason());
    }

    private static Path touch(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, "");
    }
}
