package org.jgpuarray.samples;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Plays a machine with the OpenCL ICD loader's runtime package only ({@code libOpenCL.so.1}, no
 * {@code libOpenCL.so}) by hiding this machine's {@code libOpenCL.so} from a child process, in a private
 * mount namespace (script {@code without-libopencl.sh}); the host's mounts are untouched.
 */
public final class WithoutUnversionedOpenCl {
    /** The child's exit status when the namespace could not be set up. */
    public static final int SETUP_FAILED = 97;

    private WithoutUnversionedOpenCl() {
    }

    /**
     * The command prefix that runs what follows it without {@code libOpenCL.so}; skips the calling test
     * when this machine has none to hide, or is not run as root with {@code unshare}.
     *
     * @param scratch an empty folder for the overlays' upper layers
     */
    public static List<String> prefix(Path scratch) throws IOException, URISyntaxException {
        List<String> holders = directoriesHolding("libOpenCL.so");
        assumeTrue(!holders.isEmpty(), "this machine has no libOpenCL.so to hide");
        assumeTrue("root".equals(System.getProperty("user.name")) && Files.isExecutable(Path.of("/usr/bin/unshare")),
                "hiding libOpenCL.so needs root and /usr/bin/unshare");
        Path script = Path.of(WithoutUnversionedOpenCl.class.getResource("without-libopencl.sh").toURI());
        List<String> prefix = new ArrayList<>(List.of("bash", script.toString(), scratch.toString()));
        prefix.addAll(holders);
        prefix.add("--");
        return prefix;
    }

    /** The real directories, in the dynamic linker's search order, that hold {@code name}. */
    public static List<String> directoriesHolding(String name) throws IOException {
        List<String> dirs = new ArrayList<>();
        String path = System.getenv("LD_LIBRARY_PATH");
        if (path != null) {
            dirs.addAll(List.of(path.split(":")));
        }
        dirs.addAll(List.of("/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/lib/aarch64-linux-gnu",
                "/usr/lib/aarch64-linux-gnu", "/lib64", "/usr/lib64", "/lib", "/usr/lib"));
        Set<String> holders = new LinkedHashSet<>();
        for (String d : dirs) {
            if (!d.isEmpty() && Files.exists(Path.of(d, name))) {
                holders.add(Path.of(d).toRealPath().toString());
            }
        }
        return List.copyOf(holders);
    }
}
