package org.jgpuarray.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Memory stays bounded in loops that never synchronise: 10^5 allocate/free cycles of 1 MiB arrays, and
 * 2 * 10^4 arrays of 1 MiB left to the garbage collector. (Before queued work and forgotten arrays were
 * bounded, PoCL grew by 2 GB over the first and the CPU backend ran out of heap in the second.) Each loop
 * runs in a child JVM with a fixed, pre-touched heap ({@link SoakMain}), so that its resident memory grows
 * only with what the backend holds outside the heap; the growth over the loop must stay under
 * {@value #LIMIT_MIB} MiB. The child is killed after {@value #CHILD_SECONDS} s. The figures are printed
 * ({@code SOAK ...}).
 */
public abstract class SoakConformance extends ConformanceBase {
    /** Largest growth of the resident set allowed over a loop, in MiB. */
    static final long LIMIT_MIB = 200;
    private static final long CHILD_SECONDS = 240;
    private static final Pattern RESULT = Pattern.compile(
            "SOAK (\\w+) start=(\\d+) end=(\\d+) peak=(\\d+) cycles=(\\d+) seconds=([\\d.]+)");

    /**
     * 10^5 arrays allocated and closed, a quarter of them filled by a kernel first: 25,000 launches queued
     * and 10^5 buffers freed without a synchronisation.
     */
    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void allocateAndFreeWithoutSynchronising() throws Exception {
        soak("free", 100_000, 4);
    }

    /** 2 * 10^4 arrays filled by a kernel and never closed. */
    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void arraysLeftToTheGarbageCollector() throws Exception {
        soak("gc", 20_000, 1);
    }

    private void soak(String loop, int cycles, int fillEvery) throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/self/status")), "no /proc/self/status to read VmRSS from");
        String output = runChild(List.of(backend(), loop, String.valueOf(cycles), String.valueOf(fillEvery)));
        Matcher m = RESULT.matcher(output);
        assertTrue(m.find(), () -> "the soak child printed no result:\n" + output);
        long start = Long.parseLong(m.group(2));
        long end = Long.parseLong(m.group(3));
        long peak = Long.parseLong(m.group(4));
        System.out.println("SOAK " + backend() + " " + loop + ": " + cycles + " cycles of 1 MiB (a fill every "
                + fillEvery + ") in " + m.group(6) + " s, resident " + start + " MiB at start, " + end
                + " MiB at the end, " + peak + " MiB at most");
        assertEquals(String.valueOf(cycles), m.group(5));
        assertTrue(peak - start < LIMIT_MIB, () -> "resident memory grew by " + (peak - start) + " MiB (from " + start
                + " to " + peak + "), more than " + LIMIT_MIB + " MiB, over " + cycles + " cycles (" + loop + ")");
    }

    /**
     * Runs {@link SoakMain} with the test class path, this JVM's {@code jgpuarray.*} system properties and a
     * 256 MiB pre-touched heap; returns its output.
     */
    private static String runChild(List<String> arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xms512m", "-Xmx512m", "-XX:+AlwaysPreTouch"));
        // 512 MiB: G1 gives each 1 MiB array whole regions of its own that no collection moves, so the CPU
        // backend's arrays fragment the heap; with 256 MiB a loaded machine saw an out-of-memory error with
        // most of the heap free
        System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith("jgpuarray."))
                .forEach(k -> command.add("-D" + k + "=" + System.getProperty(k)));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), SoakMain.class.getName()));
        command.addAll(arguments);
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        Thread reader = new Thread(() -> copy(child.getInputStream(), output), "soak-output");
        reader.start();
        if (!child.waitFor(CHILD_SECONDS, TimeUnit.SECONDS)) {
            child.descendants().forEach(ProcessHandle::destroyForcibly);
            child.destroyForcibly().waitFor();
            reader.join(5000);
            throw new AssertionError("the soak child did not finish within " + CHILD_SECONDS + " s; its output:\n"
                    + output.toString(StandardCharsets.UTF_8));
        }
        reader.join(5000);
        String text = output.toString(StandardCharsets.UTF_8);
        assertEquals(0, child.exitValue(), () -> "the soak child failed:\n" + text);
        return text;
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        try (in) {
            in.transferTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
