package org.jgpuarray.reliability;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jgpuarray.GpuContext;
import org.jgpuarray.device.BackendProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.opentest4j.TestAbortedException;

/**
 * The bad-input corpus ({@link Corpus}) as JUnit dynamic tests, one per case, on one backend: each backend
 * module subclasses it with its backend's name, as the conformance suite. Cases run in this JVM on one
 * shared context, except the {@link Case#isolated() isolated} ones, which run in child JVMs
 * ({@link IsolatedRunner}). Prints the count of cases per verdict at the end.
 *
 * <p>System properties: {@code jgpuarray.corpus.filter} runs only cases whose name contains it;
 * {@code jgpuarray.corpus.timeout} is the seconds one case may take (default 120).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BadInputCorpus {
    private final Map<Verdict.Status, Integer> counts = new EnumMap<>(Verdict.Status.class);
    private final List<String> failures = new ArrayList<>();
    private int crashes;
    private int hangs;
    private int children;
    private Map<String, Verdict> isolatedVerdicts;
    private GpuContext shared;
    private CaseRunner runner;

    /** The backend under test: {@code cpu}, {@code opencl} or {@code cuda}. */
    protected abstract String backend();

    @TestFactory
    Stream<DynamicTest> corpus() {
        BackendProbe probe = GpuContext.probeBackends().stream().filter(p -> p.backend().equals(backend()))
                .findFirst().orElse(BackendProbe.unavailable(backend(), "backend not on the class path"));
        if (!probe.available()) {
            System.out.println("SKIPPED " + getClass().getSimpleName() + ": backend '" + backend()
                    + "' unavailable: " + probe.reason());
        }
        assumeTrue(probe.available(), () -> "backend '" + backend() + "' unavailable: " + probe.reason());
        String filter = System.getProperty("jgpuarray.corpus.filter", "");
        List<Case> cases = Corpus.all().stream().filter(c -> c.name().contains(filter)).toList();
        List<Case> inProcess = cases.stream().filter(c -> !c.isolated()).toList();
        List<Case> isolated = cases.stream().filter(Case::isolated).toList();
        return Stream.concat(inProcess.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> judge(c, inProcess(c)))),
                isolated.stream().map(c -> DynamicTest.dynamicTest(c.name() + " [child JVM]",
                        () -> judge(c, isolated(isolated, c)))));
    }

    @AfterAll
    void summary() {
        if (runner != null) {
            runner.close();
        }
        if (shared != null) {
            shared.close();
        }
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        if (total > 0) {
            System.out.println("bad-input corpus on " + backend() + ": " + total + " cases, "
                    + counts.getOrDefault(Verdict.Status.PASS, 0) + " passed, "
                    + counts.getOrDefault(Verdict.Status.FAIL, 0) + " failed (crashes " + crashes + ", hangs " + hangs
                    + "), " + counts.getOrDefault(Verdict.Status.SKIP, 0) + " skipped; child JVMs started: " + children);
            failures.forEach(f -> System.out.println("  FAILED " + f));
        }
    }

    private static Duration timeout() {
        return Duration.ofSeconds(Long.getLong("jgpuarray.corpus.timeout", 120));
    }

    private Verdict inProcess(Case c) {
        if (runner == null) {
            runner = new CaseRunner(timeout());
            shared = GpuContext.create(backend());
        }
        return runner.run(c, new CaseContext(backend(), shared));
    }

    private Verdict isolated(List<Case> all, Case c) throws Exception {
        if (isolatedVerdicts == null) {
            IsolatedRunner isolatedRunner = new IsolatedRunner(backend(), timeout());
            isolatedVerdicts = isolatedRunner.run(all);
            children = isolatedRunner.childrenStarted();
        }
        return isolatedVerdicts.get(c.name());
    }

    private void judge(Case c, Verdict v) {
        counts.merge(v.status(), 1, Integer::sum);
        switch (v.status()) {
            case SKIP -> throw new TestAbortedException(v.detail());
            case FAIL -> {
                crashes += v.detail().startsWith("crash") ? 1 : 0;
                hangs += v.detail().startsWith("hang") ? 1 : 0;
                failures.add(c.name() + ": " + v.detail().lines().findFirst().orElse(""));
                fail(c.name() + " on " + backend() + ": " + v.detail());
            }
            default -> {
            }
        }
    }
}
