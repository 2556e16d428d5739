package org.jgpuarray.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The child processes of the tests have real timeouts: a child JVM (or a shell) that never ends is killed,
 * with the processes it started, when its timeout passes, and the result says so and keeps the output
 * written until then.
 */
class ChildJvmTest {
    /** Far below the sleepers' 300 s, above the timeouts plus a JVM start: the bound a run must return within. */
    private static final Duration BOUND = Duration.ofSeconds(60);
    private static final Pattern CHILD_PID = Pattern.compile("child pid (\\d+)");

    @Test
    void aChildJvmThatNeverEndsIsKilledWithItsChildren() {
        ChildProcess.Result r = assertTimeoutPreemptively(BOUND, () -> ChildJvm.run(Sleeper.class, Map.of(), 8));
        assertTrue(r.timedOut(), r.output());
        assertEquals(-1, r.exitCode(), r.output());
        assertTrue(r.output().contains("killed, with its child processes, after 8 s"), r.output());
        assertGone(r.output());
    }

    @Test
    void aChildJvmThatEndsReportsItsExitCodeAndOutput() {
        ChildProcess.Result r = assertTimeoutPreemptively(BOUND, () -> ChildJvm.run(Quitter.class, Map.of(), 60));
        assertFalse(r.timedOut(), r.output());
        assertEquals(3, r.exitCode(), r.output());
        assertTrue(r.output().contains("to stdout") && r.output().contains("to stderr"), r.output());
    }

    @Test
    void aHungShellIsKilledWithItsChildren() {
        ProcessBuilder shell = new ProcessBuilder(List.of("sh", "-c", "sleep 300 & echo child pid $!; wait"));
        ChildProcess.Result r = assertTimeoutPreemptively(BOUND, () -> ChildProcess.run(shell, Duration.ofSeconds(1)));
        assertTrue(r.timedOut(), r.output());
        assertGone(r.output());
    }

    /** The child named in {@code output} ("child pid N") is gone (within a few seconds: killing is asynchronous). */
    private static void assertGone(String output) {
        Matcher m = CHILD_PID.matcher(output);
        assertTrue(m.find(), "the child's pid was printed before the timeout: " + output);
        long pid = Long.parseLong(m.group(1));
        ProcessHandle.of(pid).ifPresent(h -> {
            try {
                h.onExit().get(10, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                h.destroyForcibly();
                fail("process " + pid + ", started by the killed child, outlived the timeout");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
    }

    /** A child JVM that starts {@code sleep 300}, prints its pid and sleeps. */
    public static final class Sleeper {
        /** Never returns on its own within a test's time. */
        public static void main(String[] args) throws Exception {
            Process sleep = new ProcessBuilder("sleep", "300").start();
            System.out.println("child pid " + sleep.pid());
            System.out.flush();
            Thread.sleep(300_000);
        }
    }

    /** A child JVM that writes to both streams and exits with 3. */
    public static final class Quitter {
        /** Exits with 3. */
        public static void main(String[] args) {
            System.out.println("to stdout");
            System.err.println("to stderr");
            System.exit(3);
        }
    }
}
