package org.jgpuarray.cuda.fake;

import java.util.List;

/**
 * The child side of the fake-native tests: runs named scenarios one after the other, going on after a
 * failure, and frames each in the output so that {@link ScenarioReport} can give every scenario its own
 * test: {@code SCENARIO <name>}, whatever it prints, then {@code OK <name>} or its stack trace and
 * {@code FAILED <name>}. Exits 0 when every scenario passed, 1 otherwise.
 */
final class ScenarioRunner {
    static final String BEGIN = "SCENARIO ";
    static final String OK = "OK ";
    static final String FAILED = "FAILED ";

    /** A scenario's body: fails by throwing (an AssertionError from {@link FakeChecks}). */
    interface Body {
        void run() throws Exception;
    }

    /**
     * One scenario.
     *
     * @param name what the parent's test is called
     * @param body what it does
     */
    record Scenario(String name, Body body) {
    }

    private ScenarioRunner() {
    }

    /** A scenario named {@code name}. */
    static Scenario scenario(String name, Body body) {
        return new Scenario(name, body);
    }

    /** The names of {@code scenarios}, in order. */
    static List<String> names(List<Scenario> scenarios) {
        return scenarios.stream().map(Scenario::name).toList();
    }

    /** Runs every scenario, each framed in the output, then exits this JVM. */
    static void runAllAndExit(List<Scenario> scenarios) {
        boolean passed = true;
        for (Scenario s : scenarios) {
            System.out.println(BEGIN + s.name());
            try {
                s.body().run();
                System.out.println(OK + s.name());
            } catch (Throwable t) {
                passed = false;
                t.printStackTrace(System.out);
                System.out.println(FAILED + s.name());
            }
            System.out.flush();
        }
        System.exit(passed ? 0 : 1);
    }
}
