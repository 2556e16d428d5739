package org.jgpuarray.cuda.internal.compiler;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Chooses the CUDA compiler once per process: NVRTC through JCuda where {@code libnvrtc.so.12} loads,
 * else NVRTC of another major version through JNA, else {@code nvcc}. The environment variable
 * {@value #VARIABLE} ({@code jcuda-nvrtc}, {@code nvrtc} or {@code nvcc}) restricts the choice to one.
 */
public final class CompilerSelection {
    /** Environment variable naming the one compiler to use. */
    public static final String VARIABLE = "JGPUARRAY_CUDA_COMPILER";
    /** The compilers' identifiers, in order of preference. */
    public static final List<String> IDS = List.of("jcuda-nvrtc", "nvrtc", "nvcc");
    /** Toolkit roots searched after CUDA_HOME, CUDA_PATH and PATH. */
    public static final List<Path> DEFAULT_TOOLKITS = List.of(Path.of("/usr/local/cuda"));

    private static final System.Logger LOG = System.getLogger("org.jgpuarray.cuda");
    private static Choice chosen;

    private CompilerSelection() {
    }

    /**
     * The outcome of the search.
     *
     * @param compiler   the chosen compiler, or null when none was found
     * @param candidates every compiler looked at, in order, found or with the reason it is absent
     */
    public record Choice(CudaCompiler compiler, List<CompilerCandidate> candidates) {
        public Choice {
            candidates = List.copyOf(candidates);
        }

        /** The chosen compiler, if any. */
        public Optional<CudaCompiler> get() {
            return Optional.ofNullable(compiler);
        }

        /** One line: why no compiler was chosen ("" when one was). */
        public String reason() {
            if (compiler != null) {
                return "";
            }
            return "no CUDA compiler (" + String.join("; ", candidates.stream().map(CompilerCandidate::toString).toList())
                    + ")";
        }
    }

    /** The choice for this process, made on first call from the real environment. */
    public static synchronized Choice chosen() {
        if (chosen == null) {
            chosen = select(System::getenv, DEFAULT_TOOLKITS);
            LOG.log(System.Logger.Level.DEBUG, () -> chosen.get().map(c -> "CUDA compiler: " + c.description())
                    .orElse(chosen.reason()));
        }
        return chosen;
    }

    /**
     * Searches the compilers in order of preference.
     *
     * @param environment environment lookup (null for unset)
     * @param toolkits    toolkit roots searched last
     */
    public static Choice select(UnaryOperator<String> environment, List<Path> toolkits) {
        String wanted = environment.apply(VARIABLE);
        List<String> ids = IDS;
        if (wanted != null && !wanted.isBlank()) {
            String id = wanted.trim().toLowerCase(Locale.ROOT);
            if (!IDS.contains(id)) {
                return new Choice(null, List.of(CompilerCandidate.absent(id, VARIABLE + "=" + wanted
                        + " is not one of " + String.join(", ", IDS))));
            }
            ids = List.of(id);
        }
        List<CompilerCandidate> seen = new ArrayList<>();
        for (String id : ids) {
            CompilerCandidate candidate = candidate(id, environment, toolkits);
            seen.add(candidate);
            if (candidate.compiler() != null) {
                return new Choice(candidate.compiler(), seen);
            }
        }
        return new Choice(null, seen);
    }

    /**
     * Looks for one compiler.
     *
     * @param id          {@code jcuda-nvrtc}, {@code nvrtc} or {@code nvcc}
     * @param environment environment lookup
     * @param toolkits    toolkit roots searched last
     */
    public static CompilerCandidate candidate(String id, UnaryOperator<String> environment, List<Path> toolkits) {
        List<Path> homes = cudaHomes(environment);
        return switch (id) {
            case "jcuda-nvrtc" -> JcudaNvrtcCompiler.locate();
            case "nvrtc" -> JnaNvrtcCompiler.locate(concat(homes, toolkits));
            case "nvcc" -> NvccCompiler.locate(homes, pathEntries(environment), toolkits);
            default -> throw new IllegalArgumentException("unknown CUDA compiler '" + id + "'; known: " + IDS);
        };
    }

    /** The roots named by {@code CUDA_HOME} and {@code CUDA_PATH}, in that order. */
    public static List<Path> cudaHomes(UnaryOperator<String> environment) {
        List<Path> homes = new ArrayList<>();
        for (String variable : new String[] {"CUDA_HOME", "CUDA_PATH"}) {
            String value = environment.apply(variable);
            if (value != null && !value.isBlank()) {
                homes.add(Path.of(value.trim()));
            }
        }
        return homes;
    }

    static List<Path> pathEntries(UnaryOperator<String> environment) {
        String path = environment.apply("PATH");
        List<Path> entries = new ArrayList<>();
        if (path != null) {
            for (String entry : path.split(File.pathSeparator)) {
                if (!entry.isBlank()) {
                    entries.add(Path.of(entry));
                }
            }
        }
        return entries;
    }

    private static List<Path> concat(List<Path> a, List<Path> b) {
        List<Path> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
