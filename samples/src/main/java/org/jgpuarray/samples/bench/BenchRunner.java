package org.jgpuarray.samples.bench;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jgpuarray.device.DeviceInfo;
import org.jgpuarray.device.DeviceType;
import org.jgpuarray.GpuContext;
import org.jgpuarray.device.DeviceTimer;

/**
 * Runs a {@link BenchConfig} on open contexts: for each workload and size within its limit, the plain
 * Java loop (within its own limit) and ND4J (where it has a peer) once, then every device, each with
 * warm-up runs and timed repetitions; every result is checked. What did not run is reported as a
 * {@link Skip} with the reason. Not thread-safe.
 */
public final class BenchRunner {
    private final BenchConfig config;
    private final BenchProgress progress;
    private final PrintWriter err;

    /**
     * @param config   what to measure
     * @param progress whether to show the terminal progress bar
     * @param err      modified: receives the loud message of each wrong result as it happens
     */
    public BenchRunner(BenchConfig config, boolean progress, PrintWriter err) {
        this.config = config;
        this.progress = new BenchProgress(progress);
        this.err = err;
    }

    /**
     * Measures everything.
     *
     * @param contexts the devices to measure, open; not closed here
     */
    public BenchReport run(List<GpuContext> contexts) {
        Optional<String> nd4jProblem = config.nd4j() ? Nd4jPeers.availability() : Optional.of("disabled (--no-nd4j)");
        boolean nd4j = nd4jProblem.isEmpty();
        List<Case> cases = cases(nd4j);
        List<BenchResult> results = new ArrayList<>();
        List<Skip> skipped = new ArrayList<>();
        progress.start(cases.stream().mapToLong(c -> c.steps(contexts.size())).sum());
        try {
            for (Case c : cases) {
                String label = c.workload().sizeLabel(c.size());
                c.skip().ifPresent(reason -> skipped.add(new Skip(c.workload().name(), label, reason)));
                c.javaSkip().ifPresent(reason -> skipped.add(new Skip(c.workload().name(), label,
                        "plain Java loop not timed: " + reason)));
                c.nd4jSkip().ifPresent(reason -> skipped.add(new Skip(c.workload().name(), label,
                        "ND4J not timed: " + reason)));
                if (c.skip().isEmpty()) {
                    results.addAll(measure(c, contexts));
                }
            }
        } finally {
            progress.close();
        }
        return new BenchReport(machine(contexts, nd4jProblem), configSummary(contexts), rooflines(contexts),
                results, skipped);
    }

    /**
     * One workload at one size, with why it, the Java loop or ND4J does not run (empty when it does).
     * ND4J's reason is empty too when ND4J is off or absent: the report says that once, in its header.
     */
    private record Case(Workload workload, long size, Optional<String> skip, Optional<String> javaSkip,
                        Optional<String> nd4jSkip, boolean nd4j) {
        long steps(int devices) {
            return skip.isPresent() ? 0 : (javaSkip.isEmpty() ? 1 : 0) + (parallelJava() ? 1 : 0) + (nd4j ? 1 : 0)
                    + devices;
        }

        /** Whether the all-core Java version is timed: it has one, and the plain Java loop is timed. */
        boolean parallelJava() {
            return javaSkip.isEmpty() && workload.hasParallelJava();
        }
    }

    private List<Case> cases(boolean nd4jLoaded) {
        List<Case> cases = new ArrayList<>();
        for (Workload w : config.workloads()) {
            for (long size : config.sizes()) {
                Optional<String> skip = config.maxSize().exceeded(w.name(), size).or(() -> w.skipReason(size));
                Optional<String> javaSkip = skip.isPresent() ? Optional.empty()
                        : config.maxJavaSize().exceeded(w.name(), size).or(() -> w.javaSkipReason(size));
                Optional<String> nd4jSkip = skip.isPresent() || !nd4jLoaded ? Optional.empty() : w.nd4jSkipReason();
                cases.add(new Case(w, size, skip, javaSkip, nd4jSkip, nd4jLoaded && nd4jSkip.isEmpty()));
            }
        }
        return cases;
    }

    private List<BenchResult> measure(Case c, List<GpuContext> contexts) {
        Workload w = c.workload();
        long size = c.size();
        String label = w.name() + " " + w.sizeLabel(size);
        Problem problem = w.prepare(size, config.seed());
        Timed java = null;
        if (c.javaSkip().isEmpty()) {
            progress.running(label + " java");
            java = timeJava(problem, problem::runJava);
            progress.step();
        }
        Stats parallelJava = null;
        if (c.parallelJava()) {
            progress.running(label + " java all cores");
            Timed t = timeJava(problem, problem::runParallelJava);
            if (!t.check().ok()) {
                err.printf("%n!!! WRONG RESULT of the all-core Java version: %s %s: %s%n", w.name(), w.sizeLabel(size),
                        t.check());
                err.flush();
            }
            parallelJava = t.stats();
            progress.step();
        }
        Timed peer = null;
        if (c.nd4j()) {
            progress.running(label + " nd4j");
            peer = timeNd4j(problem);
            progress.step();
        }
        List<BenchResult> out = new ArrayList<>();
        for (GpuContext context : contexts) {
            progress.running(label + " " + context.backendName());
            BenchResult r = timeDevice(w, size, problem, context, java, parallelJava, peer);
            if (r.wrong()) {
                err.printf("%n!!! WRONG RESULT: %s %s on %s (%s): %s%n", w.name(), r.sizeLabel(), r.backend(),
                        r.device(), r.check());
                err.flush();
            }
            out.add(r);
            progress.step();
        }
        return out;
    }

    private record Timed(Stats stats, Check check) {
    }

    private Repeater repeater() {
        return new Repeater(config.warmup(), config.warmupMillis(), config.repeat());
    }

    private Timed timeJava(Problem problem, Supplier<float[]> version) {
        float[][] last = new float[1][];
        long[][] t = repeater().run(() -> {
            long t0 = System.nanoTime();
            last[0] = version.get();
            return new long[] {System.nanoTime() - t0};
        });
        return new Timed(Stats.of(t[0]), problem.check(last[0]));
    }

    private Timed timeNd4j(Problem problem) {
        try (PeerRun run = problem.onNd4j()) {
            long[][] t = repeater().run(() -> {
                long t0 = System.nanoTime();
                run.compute();
                return new long[] {System.nanoTime() - t0};
            });
            return new Timed(Stats.of(t[0]), problem.check(run.result()));
        }
    }

    private BenchResult timeDevice(Workload w, long size, Problem problem, GpuContext context, Timed java,
                                   Stats parallelJava, Timed peer) {
        DeviceInfo d = context.device();
        int cores = d.type() == DeviceType.CPU ? d.computeUnits() : 0;
        Stats javaStats = java == null ? null : java.stats();
        Stats peerStats = peer == null ? null : peer.stats();
        Check peerCheck = peer == null ? null : peer.check();
        String implementation = "?";
        try (DeviceRun run = problem.onDevice(context)) {
            implementation = run.implementation();
            float[][] last = new float[1][];
            long[][] t = repeater().run(() -> {
                long t0 = System.nanoTime();
                run.upload();
                DeviceTimer timer = context.startTimer();
                run.compute();
                long device = timer.stopNanos();
                last[0] = run.download();
                long wall = System.nanoTime() - t0;
                run.release();
                return new long[] {device, wall};
            });
            return new BenchResult(w.name(), size, w.sizeLabel(size), context.backendName(), d.name(), implementation,
                    w.metric(), w.work(size), Stats.of(t[0]), Stats.of(t[1]), javaStats, parallelJava, peerStats, cores,
                    problem.check(last[0]), peerCheck, "");
        } catch (RuntimeException e) {
            return new BenchResult(w.name(), size, w.sizeLabel(size), context.backendName(), d.name(), implementation,
                    w.metric(), w.work(size), null, null, javaStats, parallelJava, peerStats, cores, Check.NOT_CHECKED,
                    peerCheck, oneLine(e));
        }
    }

    private static String oneLine(Throwable e) {
        String m = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
        return e.getClass().getSimpleName() + (m.isEmpty() ? "" : ": " + m);
    }

    private Map<String, Double> rooflines(List<GpuContext> contexts) {
        int elements = 1 << 24; // 64 MiB per array: well beyond the caches, so this is memory bandwidth
        Map<String, Double> lines = new LinkedHashMap<>();
        lines.put("host memory (all cores)", CopyBandwidth.host(elements));
        for (GpuContext c : contexts) {
            if (c.device().type() != DeviceType.CPU) {
                try {
                    lines.put(c.backendName() + " device memory", CopyBandwidth.device(c, elements));
                } catch (RuntimeException e) {
                    err.println("could not measure the copy bandwidth of " + c.backendName() + ": " + oneLine(e));
                }
            }
        }
        return lines;
    }

    private Map<String, Object> machine(List<GpuContext> contexts, Optional<String> nd4jProblem) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put("java", System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")");
        m.put("maxHeapBytes", Runtime.getRuntime().maxMemory());
        for (GpuContext c : contexts) {
            m.put("device." + c.backendName(), c.device().name() + " (" + c.device().type() + ", "
                    + c.device().computeUnits() + " compute units)");
        }
        m.put("nd4j", nd4jProblem.orElseGet(Nd4jPeers::describe));
        return m;
    }

    private Map<String, Object> configSummary(List<GpuContext> contexts) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("backends", contexts.stream().map(GpuContext::backendName).toList());
        c.put("workloads", config.workloads().stream().map(Workload::name).toList());
        c.put("sizes", config.sizes().stream().map(SizeList::format).toList());
        c.put("maxSize", config.maxSize().text());
        c.put("maxJavaSize", config.maxJavaSize().text());
        c.put("repeat", config.repeat());
        c.put("warmup", config.warmup());
        c.put("warmupMillis", config.warmupMillis());
        c.put("seed", config.seed());
        c.put("dtype", "float32 (fft: complex64)");
        return c;
    }
}
