package org.jgpuarray.cuda.fake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.jgpuarray.cuda.ChildProcess;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;

/**
 * The parent side of the fake-native tests: one child run, started by the first test that needs it, and
 * one dynamic test per scenario that passes only when the child framed that scenario with
 * {@code OK <name>} ({@link ScenarioRunner}); a failure quotes that scenario's part of the output. A last
 * test checks that the child exited with 0 and ran exactly the expected scenarios.
 */
final class ScenarioReport {
    private static final int TAIL_CHARS = 6000;

    private final String label;
    private final Callable<ChildProcess.Result> child;
    private ChildProcess.Result result;
    private Exception failure;

    private ScenarioReport(String label, Callable<ChildProcess.Result> child) {
        this.label = label;
        this.child = child;
    }

    /**
     * One test per scenario of {@code names}, and one for the child's exit.
     *
     * @param label names the run in the log and in the last test
     * @param names the scenarios the child must report, in order
     * @param child runs the child JVM; called once, by the first test
     */
    static Stream<DynamicNode> tests(String label, List<String> names, Callable<ChildProcess.Result> child) {
        ScenarioReport report = new ScenarioReport(label, child);
        List<DynamicNode> tests = new ArrayList<>();
        for (String name : names) {
            tests.add(DynamicTest.dynamicTest(name, () -> report.assertPassed(name)));
        }
        tests.add(DynamicTest.dynamicTest("child JVM ran these scenarios and exited with 0",
                () -> report.assertCleanExit(names)));
        return tests.stream();
    }

    private synchronized ChildProcess.Result result() throws Exception {
        if (result == null && failure == null) {
            try {
                result = child.call();
                System.out.println("--- " + label + " ---\n" + result.output());
            } catch (Exception e) {
                failure = e;
            }
        }
        if (failure != null) {
            throw new AssertionError(label + ": the child JVM did not run", failure);
        }
        return result;
    }

    private void assertPassed(String name) throws Exception {
        ChildProcess.Result r = result();
        List<String> lines = r.output().lines().toList();
        int begin = lines.indexOf(ScenarioRunner.BEGIN + name);
        if (begin < 0) {
            fail("scenario '" + name + "' was not reached: " + ending(r));
        }
        int end = begin + 1;
        while (end < lines.size() && !lines.get(end).startsWith(ScenarioRunner.BEGIN)) {
            end++;
        }
        List<String> section = lines.subList(begin, end);
        if (!section.contains(ScenarioRunner.OK + name)) {
            fail("scenario '" + name + "' failed:\n" + String.join("\n", section)
                    + (section.contains(ScenarioRunner.FAILED + name) ? "" : "\n(it did not finish: " + ending(r) + ")"));
        }
    }

    private void assertCleanExit(List<String> names) throws Exception {
        ChildProcess.Result r = result();
        List<String> reported = r.output().lines().filter(l -> l.startsWith(ScenarioRunner.BEGIN))
                .map(l -> l.substring(ScenarioRunner.BEGIN.length())).toList();
        assertEquals(names, reported, "the scenarios the child ran");
        assertEquals(0, r.exitCode(), () -> ending(r));
    }

    private static String ending(ChildProcess.Result r) {
        String output = r.output();
        String tail = output.length() > TAIL_CHARS ? "..." + output.substring(output.length() - TAIL_CHARS) : output;
        return (r.timedOut() ? "the child was killed at its timeout" : "the child exited with " + r.exitCode())
                + "; its output ends:\n" + tail;
    }
}
