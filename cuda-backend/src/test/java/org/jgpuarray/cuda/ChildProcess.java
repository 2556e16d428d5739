package org.jgpuarray.cuda;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a process for a test with a real bound on its time: the output goes to a temporary file (a pipe
 * read to its end would wait for a hung child forever), the wait is bounded, and at the bound the process
 * and every process it started are killed. Used by {@link ChildJvm} and the fake natives' C builds.
 */
public final class ChildProcess {
    /**
     * How a child ended.
     *
     * @param exitCode the process's exit code; -1 when it was killed at the timeout
     * @param output   stdout and stderr merged; after a timeout, what was written until then and a last
     *                 line saying it was killed
     * @param timedOut true when the process did not end within the timeout
     */
    public record Result(int exitCode, String output, boolean timedOut) {
    }

    private ChildProcess() {
    }

    /**
     * Starts {@code builder}'s process with stdin closed and waits at most {@code timeout}.
     *
     * @param builder its command, folder and environment are used; its redirections are replaced
     * @param timeout the longest wait
     * @return the exit code and output, or the partial output of a child that was killed
     */
    public static Result run(ProcessBuilder builder, Duration timeout) throws IOException, InterruptedException {
        Path log = Files.createTempFile("jgpuarray-child-", ".log");
        try {
            Process child = builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
            child.getOutputStream().close();
            try {
                if (!child.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    killTree(child);
                    return new Result(-1, read(log) + "\n(killed, with its child processes, after " + timeout.toSeconds()
                            + " s: no exit within the timeout)", true);
                }
            } catch (InterruptedException e) {
                killTree(child);
                throw e;
            }
            return new Result(child.exitValue(), read(log), false);
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /** Kills a process and its descendants, and waits briefly for the process itself to go. */
    static void killTree(Process process) throws InterruptedException {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
        process.waitFor(10, TimeUnit.SECONDS);
    }

    private static String read(Path log) throws IOException {
        return new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
    }
}
