package org.jgpuarray.samples.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.jgpuarray.GpuContext;
import org.jgpuarray.device.GpuException;
import org.jgpuarray.samples.query.BackendSurvey;
import org.jgpuarray.device.BackendProbe;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code jgpuarray bench}: the GPU-vs-CPU harness. Exit status 0 when every result is right, 1 when any
 * is wrong (or a device could not run), 2 for bad options. {@code --scaling} measures one job on 1..P
 * devices instead ({@link ScalingBench}).
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Times GPU-vs-CPU workloads against a plain Java loop and ND4J.",
        description = {"Times workloads over sizes and backends against a plain single-threaded",
                "Java loop and ND4J, checks every result, prints a summary table and writes",
                "CSV, JSON and a PNG chart. Workloads: elementwise (c = a*x + b*y), reduce",
                "(sum), dot, gemm (ctx.blas()), fft (ctx.fft()), rng (ctx.random(seed)),",
                "bmm and bmm-loop (a batch of 128x128 float32 matmuls as one call and as a loop),",
                "imatmul (int32 matmul; its Java loop runs on all cores); on request reduce-axis0",
                "and reduce-axis1 (column and row sums of a square matrix), reduce-middle and",
                "reduce-middle-copy (the middle axis of a 3-D array, in place or through a copy),",
                "and sort (GPUArray.sort against Arrays.sort and Arrays.parallelSort).",
                "--layouts times issue 11's view, axis-sum and sort targets instead."})
public final class BenchCommand implements Callable<Integer> {
    /** The backend whose device the PyOpenCL peer of {@code --layouts} runs on. */
    private static final String OPENCL = "opencl";

    @Spec
    private CommandSpec spec;

    @Option(names = "--backend", split = ",", paramLabel = "NAME",
            description = "Backends to measure (default: every available one): cpu, opencl, cuda.")
    private List<String> backends = new ArrayList<>();

    @Option(names = "--workload", split = ",", paramLabel = "NAME",
            description = "Workloads (default: ${DEFAULT-VALUE}).", defaultValue = "elementwise,reduce,dot,gemm,fft,rng,bmm,bmm-loop,imatmul")
    private List<String> workloads;

    @Option(names = "--sizes", paramLabel = "LIST", defaultValue = "2^16..2^24:4",
            description = "Sizes in elements: numbers, 2^k, or ranges A..B (every power of two) or A..B:F "
                    + "(factor F). Default: ${DEFAULT-VALUE}.")
    private String sizes;

    @Option(names = "--repeat", paramLabel = "N", defaultValue = "5",
            description = "Timed runs per case (default ${DEFAULT-VALUE}).")
    private int repeat;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "2",
            description = "At least this many untimed runs first (default ${DEFAULT-VALUE}).")
    private int warmup;

    @Option(names = "--warmup-time", paramLabel = "MS", defaultValue = "200",
            description = "Keep warming up for this many milliseconds, so that the JIT compiles the CPU code paths "
                    + "(default ${DEFAULT-VALUE}).")
    private long warmupMillis;

    @Option(names = "--max-size", paramLabel = "W=SIZE,...", defaultValue = "",
            description = "Per-workload size limits, over the defaults " + Workloads.MAX_SIZE_DEFAULTS
                    + " (gemm sizes count elements per matrix); NAME=none lifts one. Larger sizes are skipped.")
    private String maxSize;

    @Option(names = "--max-java-size", paramLabel = "W=SIZE,...", defaultValue = "",
            description = "Per-workload limits of the plain Java loop, over the defaults "
                    + Workloads.MAX_JAVA_SIZE_DEFAULTS + "; larger sizes run without it (n/a).")
    private String maxJavaSize;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "bench-out",
            description = "Directory of the default outputs bench.csv, bench.json, bench.png (default ${DEFAULT-VALUE}).")
    private Path outDir;

    @Option(names = "--csv", paramLabel = "FILE", description = "CSV output (default DIR/bench.csv).")
    private Path csv;

    @Option(names = "--json", paramLabel = "FILE", description = "JSON output (default DIR/bench.json).")
    private Path json;

    @Option(names = "--plot", paramLabel = "FILE", description = "PNG chart (default DIR/bench.png).")
    private Path plot;

    @Option(names = "--chart", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Draw the PNG chart (default: on; --no-chart where the Java runtime lacks java.desktop).")
    private boolean chart;

    @Option(names = "--nd4j", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Measure the ND4J peer (default: on).")
    private boolean nd4j;

    @Option(names = "--progress", negatable = true,
            description = "Show a progress bar (default: when standard error is a terminal).")
    private Boolean progress;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the random inputs (default ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--scaling", description = {"Instead of the workloads: strong scaling of one job (Monte Carlo pi)",
            "on 1..P devices of the first --backend (a device group): time, speedup,",
            "efficiency and the Karp-Flatt serial fraction, to DIR/scaling.csv."})
    private boolean scaling;

    @Option(names = "--devices", paramLabel = "P", description = "Largest device count for --scaling (default: the "
            + "backend's devices, at least 2; beyond them members share devices).")
    private Integer devices;

    @Option(names = "--samples", paramLabel = "N", defaultValue = "16777216",
            description = "Samples of the --scaling job (default ${DEFAULT-VALUE}).")
    private long samples;

    @Option(names = "--layouts", description = {"Instead of the workloads: issue 11's layout targets on every --backend,",
            "each against its baseline in the same run: a.T + b and a + row vs a + b, sum along",
            "axis 0 and 1 vs the full sum (n x n float32), GPUArray.sort vs Arrays.parallelSort;",
            "table, DIR/layouts.csv and DIR/layouts.png."})
    private boolean layouts;

    @Option(names = "--layout-size", paramLabel = "N", defaultValue = "4096",
            description = "Rows and columns of the --layouts matrix (default ${DEFAULT-VALUE}).")
    private int layoutSize;

    @Option(names = "--sort-size", paramLabel = "N", defaultValue = "16777216",
            description = "Elements of the --layouts sort (default ${DEFAULT-VALUE}).")
    private int sortSize;

    @Option(names = "--handoff", description = {"Instead of the workloads: issue 12's small-call and hand-off targets",
            "on the CPU backend (or the first --backend): a cached kernel and sum().item()",
            "against Java loops on one and all cores at every power of two from 2^10 to",
            "2^24, then three calls at n = 1000; max(--repeat, 15) samples per case."})
    private boolean handoff;

    @Option(names = "--small-calls", description = {"Instead of the workloads: the cost of small calls (a cached",
            "ElementwiseKernel call, x.add(y), x.sum().item()) on each --backend, and of the",
            "same calls through PyOpenCL (bench/pyopencl_small_calls.py) on the OpenCL device."})
    private boolean smallCalls;

    @Option(names = "--small-size", paramLabel = "N", defaultValue = "1000",
            description = "Elements per array of --small-calls (default ${DEFAULT-VALUE}).")
    private int smallSize;

    @Option(names = "--small-samples", paramLabel = "N", defaultValue = "6000",
            description = "Timed samples per call of --small-calls (default ${DEFAULT-VALUE}).")
    private int smallSamples;

    @Option(names = "--small-rounds", paramLabel = "N", defaultValue = "5",
            description = "--small-calls times each call this many times on each side, the sides in turn call by "
                    + "call, with the samples shared among the rounds (default ${DEFAULT-VALUE}).")
    private int smallRounds;

    @Option(names = "--python", paramLabel = "PATH", description = "Python interpreter with PyOpenCL for --small-calls "
            + "and --layouts (default: python3, then /usr/bin/python3).")
    private String python;

    /** Runs the benchmark; returns the exit status. */
    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (scaling) {
            return scaling(out, err);
        }
        if (layouts) {
            return layouts(out, err);
        }
        if (handoff) {
            return handoff(out);
        }
        if (smallCalls) {
            return smallCalls(out, err);
        }
        BenchConfig config = config();
        List<GpuContext> contexts = openContexts(err);
        if (contexts.isEmpty()) {
            err.println("bench: no backend could be opened");
            return 1;
        }
        BenchReport report;
        try {
            out.printf("jgpuarray bench on %s%n",
                    contexts.stream().map(c -> c.backendName() + " (" + c.device().name() + ")").toList());
            out.flush();
            boolean showProgress = progress != null ? progress : System.console() != null;
            report = new BenchRunner(config, showProgress, err).run(contexts);
        } finally {
            contexts.forEach(GpuContext::close);
        }
        SummaryTable.print(report, out);
        writeOutputs(report, out);
        boolean errors = report.results().stream().anyMatch(r -> !r.error().isEmpty());
        return report.wrongResults().isEmpty() && !errors ? 0 : 1;
    }

    private int scaling(PrintWriter out, PrintWriter err) throws IOException {
        String backend = backends.isEmpty() ? BackendSurvey.probeAll().stream().filter(BackendProbe::available)
                .map(BackendProbe::backend).findFirst().orElse("cpu") : backends.get(0).trim();
        int available = GpuContext.devices(backend).size();
        if (available == 0) {
            err.println("bench: the " + backend + " backend has no device here");
            return 1;
        }
        int most = devices != null ? devices : Math.max(2, available);
        if (most < 1 || samples < 1 || repeat < 1) {
            throw new ParameterException(spec.commandLine(), "--devices, --samples and --repeat must be >= 1");
        }
        List<ScalingBench.Point> points = new ScalingBench(backend, samples, seed,
                new Repeater(Math.max(1, warmup), 0, repeat)).run(most);
        boolean same = ScalingBench.print(points, samples, out);
        Path file = (csv != null ? csv : outDir.resolve("scaling.csv"));
        ScalingBench.writeCsv(points, file);
        out.printf("wrote %s%n", file);
        out.flush();
        return same ? 0 : 1;
    }

    private int layouts(PrintWriter out, PrintWriter err) throws IOException {
        if (layoutSize < 1 || sortSize < 1 || repeat < 1) {
            throw new ParameterException(spec.commandLine(), "--layout-size, --sort-size and --repeat must be >= 1");
        }
        List<GpuContext> contexts = openContexts(err);
        if (contexts.isEmpty()) {
            err.println("bench: no backend could be opened");
            return 1;
        }
        List<LayoutCase> cases = new ArrayList<>();
        String openClDevice = null;
        try {
            LayoutBench bench = new LayoutBench(layoutSize, sortSize, new Repeater(warmup, warmupMillis, repeat), seed);
            for (GpuContext c : contexts) {
                out.printf("layouts on %s (%s), %d x %d float32, sort of %d ...%n", c.backendName(), c.device().name(),
                        layoutSize, layoutSize, sortSize);
                out.flush();
                cases.addAll(bench.run(c));
                if (c.backendName().equals(OPENCL)) {
                    openClDevice = c.device().name();
                }
            }
        } finally {
            contexts.forEach(GpuContext::close);
        }
        LayoutReport.print(cases, out);
        out.println(LayoutReport.summary(cases));
        if (openClDevice != null) {
            out.println("PyOpenCL on " + openClDevice + " ...");
            out.flush();
            LayoutReport.printPeer(PyOpenClLayouts.run(python, openClDevice, layoutSize, repeat, seed), cases, OPENCL,
                    out);
        }
        Path file = csv != null ? csv : outDir.resolve("layouts.csv");
        LayoutReport.writeCsv(cases, file);
        Path picture = plot != null ? plot : outDir.resolve("layouts.png");
        if (chart) {
            LayoutReport.writeChart(cases, picture);
            out.printf("wrote %s, %s%n", file, picture);
        } else {
            out.printf("wrote %s%n", file);
        }
        out.flush();
        return cases.stream().allMatch(c -> c.check().isEmpty()) ? 0 : 1;
    }

    private int handoff(PrintWriter out) {
        String backend = backends.isEmpty() ? "cpu" : backends.get(0).trim();
        try (GpuContext context = GpuContext.create(backend)) {
            HandoffBench bench = new HandoffBench(context, Math.max(repeat, 15), warmupMillis, seed);
            out.printf("jgpuarray bench --handoff on %s (%s)%n", context.backendName(), context.device().name());
            out.flush();
            List<HandoffBench.Row> rows = bench.sweep(SizeList.parse("2^10..2^24"));
            HandoffBench.print(rows, bench.smallCalls(), out);
        }
        return 0;
    }

    private int smallCalls(PrintWriter out, PrintWriter err) {
        if (smallSize < 1 || smallRounds < 1 || smallSamples < smallRounds) {
            throw new ParameterException(spec.commandLine(), "--small-size and --small-rounds must be >= 1, and "
                    + "--small-samples at least --small-rounds");
        }
        List<GpuContext> contexts = openContexts(err);
        if (contexts.isEmpty()) {
            err.println("bench: no backend could be opened");
            return 1;
        }
        try {
            boolean right = new SmallCallsBench(smallSize, smallSamples, smallRounds, seed, python).run(contexts, out);
            return right ? 0 : 1;
        } finally {
            contexts.forEach(GpuContext::close);
        }
    }

    private BenchConfig config() {
        try {
            var known = Workloads.all().keySet();
            return new BenchConfig(Workloads.select(workloads), SizeList.parse(sizes),
                    SizeCaps.parse(Workloads.DEFAULT_MAX_SIZE, maxSize, known),
                    SizeCaps.parse(Workloads.DEFAULT_MAX_JAVA_SIZE, maxJavaSize, known), repeat, warmup,
                    warmupMillis, seed, nd4j);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    private List<GpuContext> openContexts(PrintWriter err) {
        Set<String> names = new LinkedHashSet<>();
        if (backends.isEmpty()) {
            BackendSurvey.probeAll().stream().filter(BackendProbe::available).map(BackendProbe::backend)
                    .forEach(names::add);
        } else {
            backends.forEach(b -> names.add(b.trim()));
        }
        List<GpuContext> contexts = new ArrayList<>();
        for (String name : names) {
            try {
                contexts.add(GpuContext.create(name));
            } catch (GpuException | IllegalArgumentException e) {
                err.println("bench: skipping backend " + name + ": " + e.getMessage());
            }
        }
        return contexts;
    }

    private void writeOutputs(BenchReport report, PrintWriter out) throws IOException {
        Path csvFile = csv != null ? csv : outDir.resolve("bench.csv");
        Path jsonFile = json != null ? json : outDir.resolve("bench.json");
        Path plotFile = plot != null ? plot : outDir.resolve("bench.png");
        CsvReport.write(report, csvFile);
        JsonReport.write(report, jsonFile);
        if (chart) {
            ThroughputChart.write(report, plotFile);
            out.printf("wrote %s, %s, %s%n", csvFile, jsonFile, plotFile);
        } else {
            out.printf("wrote %s, %s%n", csvFile, jsonFile);
        }
        out.flush();
    }
}
