package org.jgpuarray.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The child JVM of {@link IsolatedRunner}: runs the named cases one after another, each with a fresh
 * context, and appends {@code START name} before and {@code END name <verdict>} after each to the result
 * file, so that the parent can tell which case a crash or hang happened in.
 */
public final class CorpusChild {
    private CorpusChild() {
    }

    /**
     * @param args the backend, the file listing the case names (one a line), the result file, the timeout
     *             of one case in seconds
     */
    public static void main(String[] args) throws IOException {
        String backend = args[0];
        List<String> names = Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8);
        Path results = Path.of(args[2]);
        Duration timeout = Duration.ofSeconds(Long.parseLong(args[3]));
        Map<String, Case> byName = Corpus.all().stream().collect(Collectors.toMap(Case::name, Function.identity()));
        try (CaseRunner runner = new CaseRunner(timeout)) {
            for (String name : names) {
                append(results, "START\t" + name);
                Case c = byName.get(name);
                Verdict v = c == null ? Verdict.fail("no case of this name in the corpus")
                        : runner.run(c, new CaseContext(backend, null));
                append(results, "END\t" + name + "\t" + v.encode());
            }
        }
        System.exit(0); // worker threads of abandoned (hung) cases must not keep the JVM alive
    }

    private static void append(Path file, String line) throws IOException {
        Files.writeString(file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND,
                StandardOpenOption.CREATE, StandardOpenOption.SYNC);
    }
}
