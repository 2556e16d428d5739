package org.jgpuarray.cuda.binding;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.jgpuarray.cuda.internal.binding.LibraryFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a library would load from, found without loading it, in the dynamic loader's order. */
class LibraryFilesTest {
    @TempDir
    Path temp;

    @Test
    void searchPathThenTheLoaderCacheThenSystemFoldersThenToolkits() throws IOException {
        Path search = folder("search");
        Path cached = folder("cached");
        Path system = folder("system");
        Path toolkit = folder("toolkit");
        Path cache = temp.resolve("ld.so.cache");
        Files.write(cache, ("ld.so-1.7.0\0glibc-ld.so.cache1.1\0" + cached.resolve("libcufft.so.11") + "\0"
                + cached.resolve("libcublas.so.12") + "\0" + cached.resolve("libcurand.so.10") + "\0")
                .getBytes(StandardCharsets.ISO_8859_1));
        Path inSearch = touch(search, "libcublas.so.12");
        touch(cached, "libcublas.so.12");
        Path inCache = touch(cached, "libcufft.so.11");
        touch(system, "libcufft.so.11");
        Path inSystem = touch(system, "libcufft.so.10");
        Path inToolkit = touch(folder("toolkit/lib64"), "libcufft.so.12");
        LibraryFiles files = new LibraryFiles(List.of(search), cache, List.of(system));
        assertEquals(Optional.of(inSearch), files.locate("libcublas.so.12", List.of(toolkit)));
        assertEquals(Optional.of(inCache), files.locate("libcufft.so.11", List.of(toolkit)));
        assertEquals(Optional.of(inSystem), files.locate("libcufft.so.10", List.of(toolkit)));
        assertEquals(Optional.of(inToolkit), files.locate("libcufft.so.12", List.of(toolkit)));
        assertEquals(Optional.empty(), files.locate("libcurand.so.10", List.of(toolkit)), "a cache entry must exist");
        assertEquals(Optional.empty(), new LibraryFiles(List.of(), temp.resolve("none"), List.of())
                .locate("libcublas.so.12", List.of()));
    }

    private Path folder(String name) throws IOException {
        return Files.createDirectories(temp.resolve(name));
    }

    private static Path touch(Path folder, String name) throws IOException {
        return Files.writeString(folder.resolve(name), "");
    }
}
