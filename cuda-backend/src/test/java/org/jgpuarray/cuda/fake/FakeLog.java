package org.jgpuarray.cuda.fake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The log the fake driver and libraries append to ({@code FAKE_CUDA_LOG}), read by the scenarios: lines
 * since a mark, lines matching a pattern, and assertions on them. Also writes the failure-injection file
 * ({@code FAKE_CUDA_FAIL}).
 */
final class FakeLog {
    private final Path log;
    private final Path fail;
    private int mark;

    FakeLog(Path log, Path fail) {
        this.log = log;
        this.fail = fail;
    }

    /** The log named by FAKE_CUDA_LOG and the failure file named by FAKE_CUDA_FAIL. */
    static FakeLog fromEnvironment() {
        return new FakeLog(Path.of(System.getenv("FAKE_CUDA_LOG")), Path.of(System.getenv("FAKE_CUDA_FAIL")));
    }

    /** Every line so far (none before the fakes wrote any). */
    List<String> all() {
        try {
            return Files.exists(log) ? Files.readAllLines(log) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Remembers the current end of the log. */
    void mark() {
        mark = all().size();
    }

    /** The lines since the mark that start with {@code prefix}. */
    List<String> since(String prefix) {
        List<String> lines = all();
        return lines.subList(mark, lines.size()).stream().filter(s -> s.startsWith(prefix)).toList();
    }

    /** The lines since the mark, in order, as one text. */
    String sinceMark() {
        List<String> lines = all();
        return String.join("\n", lines.subList(mark, lines.size()));
    }

    /** Counts every line matching {@code regex} (whole line). */
    long count(String regex) {
        Pattern p = Pattern.compile(regex);
        return all().stream().filter(l -> p.matcher(l).matches()).count();
    }

    /**
     * The one line since the mark that starts with {@code prefix}, checked to match {@code regex} entirely;
     * returns the matcher for its groups.
     */
    Matcher expectOne(String prefix, String regex) {
        List<String> lines = since(prefix);
        FakeChecks.check(lines.size() == 1, "expected one '" + prefix + "' line, got " + lines);
        Matcher m = Pattern.compile(regex).matcher(lines.get(0));
        FakeChecks.check(m.matches(), "expected " + regex + "\n   got: " + lines.get(0));
        return m;
    }

    /**
     * Makes {@code function} return {@code status} until {@link #clearFailure()}; other injected failures stay
     * (the first one injected for a function wins).
     */
    void inject(String function, int status) {
        try {
            Files.writeString(fail, function + " " + status + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops injecting every failure. */
    void clearFailure() {
        try {
            Files.deleteIfExists(fail);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
