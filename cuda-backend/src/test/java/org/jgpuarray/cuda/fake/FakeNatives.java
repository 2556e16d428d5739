package org.jgpuarray.cuda.fake;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.jgpuarray.cuda.ChildProcess;

/**
 * Builds the fake native libraries of {@code src/test/c} with the machine's C compiler into
 * {@code target/fake-cuda}: the driver ({@code lib/libcuda.so.1}) and the CUDA libraries, each under its
 * soname, with the symbol version node the real one has (JCublas2's natives ask for
 * {@code libcublas.so.12}-versioned symbols).
 */
final class FakeNatives {
    /** Where everything is built. */
    static final Path TARGET = Path.of("target", "fake-cuda");
    private static final Path SOURCES = Path.of("src", "test", "c");
    /** The longest one C compilation may take; a hung compiler is killed then. */
    private static final Duration BUILD_TIMEOUT = Duration.ofSeconds(120);

    private FakeNatives() {
    }

    /** The first of cc, gcc, clang on the PATH. */
    static Optional<Path> compiler() {
        return Stream.of("cc", "gcc", "clang").map(FakeNatives::onPath).flatMap(Optional::stream).findFirst();
    }

    /** Builds {@code lib/libcuda.so.1}; returns its folder. */
    static Path driver(Path cc) throws IOException, InterruptedException {
        Path dir = folder("lib");
        build(cc, "fake_libcuda.c", dir.resolve("libcuda.so.1"), List.of());
        return dir;
    }

    /**
     * Builds one fake library into {@code folder}.
     *
     * @param source  e.g. {@code fake_libcublas.c}
     * @param soname  e.g. {@code libcublas.so.13}, also the file name and the symbol version node
     * @param version major, minor and patch the fake reports
     */
    static void library(Path cc, String folder, String source, String soname, int... version)
            throws IOException, InterruptedException {
        Path dir = folder(folder);
        String prefix = soname.substring(3, soname.indexOf(".so"));
        Path map = dir.resolve(soname + ".map");
        Files.writeString(map, soname + " { global: " + prefix + "*; local: *; };\n");
        build(cc, source, dir.resolve(soname), List.of("-DFAKE_MAJOR=" + version[0], "-DFAKE_MINOR=" + version[1],
                "-DFAKE_PATCH=" + version[2], "-DFAKE_SONAME=\"" + soname + "\"", "-Wl,-soname," + soname,
                "-Wl,--version-script=" + map.toAbsolutePath()));
    }

    /** An absolute folder under {@link #TARGET}, created. */
    static Path folder(String name) throws IOException {
        Path dir = TARGET.resolve(name).toAbsolutePath();
        Files.createDirectories(dir);
        return dir;
    }

    /** LD_LIBRARY_PATH with {@code first} ahead of the inherited value. */
    static String libraryPath(Path... first) {
        List<String> parts = new ArrayList<>();
        for (Path p : first) {
            parts.add(p.toString());
        }
        Optional.ofNullable(System.getenv("LD_LIBRARY_PATH")).filter(s -> !s.isBlank()).ifPresent(parts::add);
        return String.join(File.pathSeparator, parts);
    }

    private static void build(Path cc, String source, Path output, List<String> options)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(cc.toString(), "-shared", "-fPIC", "-O1"));
        command.addAll(options);
        command.addAll(List.of("-o", output.toString(), SOURCES.resolve(source).toString(), "-ldl", "-lm"));
        ChildProcess.Result built = ChildProcess.run(new ProcessBuilder(command), BUILD_TIMEOUT);
        assertTrue(built.exitCode() == 0 && !built.timedOut(), "building " + output + " failed:\n" + built.output());
    }

    private static Optional<Path> onPath(String program) {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        return Stream.of(path.split(File.pathSeparator)).filter(s -> !s.isBlank()).map(s -> Path.of(s, program))
                .filter(Files::isExecutable).findFirst();
    }
}
