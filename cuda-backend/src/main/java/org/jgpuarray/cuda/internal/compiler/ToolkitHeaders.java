package org.jgpuarray.cuda.internal.compiler;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The CUDA headers ({@code cuda_fp16.h}, {@code cuda_runtime.h}, ...) that NVRTC of a given version can
 * include. NVRTC has no include path of its own ("no directories in search list"), and headers of another
 * CUDA version do not compile with it, so the folder is chosen by the version its {@code cuda.h}
 * ({@code CUDA_VERSION}) or {@code cuda_runtime_api.h} ({@code CUDART_VERSION}) declares: the same major and
 * minor version first, else the same major version and an older minor one. Stateless.
 */
public final class ToolkitHeaders {
    private static final Pattern VERSION = Pattern.compile("#define\\s+(?:CUDA_VERSION|CUDART_VERSION)\\s+(\\d+)");
    private static final Path MAPS = Path.of("/proc/self/maps");

    private ToolkitHeaders() {
    }

    /**
     * The include folder for NVRTC {@code version}, searched under each root ({@code include},
     * {@code targets/<arch>-linux/include}, and a pip wheel's sibling {@code cuda_runtime/include}) and then
     * under {@code /usr/local/cuda-<major>.<minor>} and {@code /usr}.
     *
     * @param roots toolkit roots in order of preference (where NVRTC was loaded from, CUDA_HOME, CUDA_PATH, ...)
     */
    public static Optional<Path> find(CudaVersion version, List<Path> roots) {
        List<Path> candidates = candidates(version, roots);
        for (boolean exact : new boolean[] {true, false}) {
            for (Path include : candidates) {
                Optional<CudaVersion> declared = declaredVersion(include);
                if (declared.isPresent() && matches(declared.get(), version, exact)) {
                    return Optional.of(include);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The toolkit root of the loaded library whose file name starts with {@code prefix} (e.g.
     * {@code libnvrtc.so}), from {@code /proc/self/maps}: the folder above its {@code lib64} or {@code lib}.
     */
    public static Optional<Path> loadedFrom(String prefix) {
        try (Stream<String> lines = Files.lines(MAPS)) {
            return lines.map(l -> l.substring(l.indexOf('/') < 0 ? l.length() : l.indexOf('/')))
                    .filter(p -> p.contains("/" + prefix)).map(Path::of).findFirst()
                    .map(p -> p.getParent() == null || p.getParent().getParent() == null ? p : p.getParent().getParent());
        } catch (IOException | RuntimeException noProcfs) {
            return Optional.empty();
        }
    }

    /** The CUDA version an include folder's headers declare, if they do. */
    static Optional<CudaVersion> declaredVersion(Path include) {
        for (String header : new String[] {"cuda.h", "cuda_runtime_api.h"}) {
            Path file = include.resolve(header);
            if (!Files.isRegularFile(file)) {
                continue;
            }
            try (Stream<String> lines = Files.lines(file)) {
                Optional<CudaVersion> v = lines.map(VERSION::matcher).filter(Matcher::find).findFirst()
                        .map(m -> Integer.parseInt(m.group(1))).map(CudaVersion::fromDriverNumber);
                if (v.isPresent()) {
                    return v;
                }
            } catch (IOException | RuntimeException unreadable) {
                // try the next header
            }
        }
        return Optional.empty();
    }

    private static boolean matches(CudaVersion headers, CudaVersion nvrtc, boolean exact) {
        return exact ? headers.equals(nvrtc) : headers.major() == nvrtc.major() && headers.minor() <= nvrtc.minor();
    }

    private static List<Path> candidates(CudaVersion version, List<Path> roots) {
        List<Path> all = new ArrayList<>(roots);
        all.add(Path.of("/usr/local/cuda-" + version));
        all.add(Path.of("/usr/local/cuda"));
        all.add(Path.of("/usr"));
        Set<Path> includes = new LinkedHashSet<>();
        String arch = System.getProperty("os.arch").equals("amd64") ? "x86_64" : System.getProperty("os.arch");
        for (Path root : all) {
            includes.add(root.resolve("include"));
            includes.add(root.resolve("targets").resolve(arch + "-linux").resolve("include"));
            if (root.getParent() != null) {
                includes.add(root.getParent().resolve("cuda_runtime").resolve("include"));
            }
        }
        return includes.stream().filter(Files::isDirectory).toList();
    }
}
