package org.jgpuarray.cuda.fake;

import static org.jgpuarray.cuda.fake.ScenarioRunner.scenario;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jgpuarray.DType;
import org.jgpuarray.device.DeviceException;
import org.jgpuarray.device.DeviceInfo;
import org.jgpuarray.GPUArray;
import org.jgpuarray.GpuContext;
import org.jgpuarray.device.KernelCompilationException;
import org.jgpuarray.device.OutOfDeviceMemoryException;
import org.jgpuarray.RawKernel;
import org.jgpuarray.conformance.ConcurrentWorkload;
import org.jgpuarray.conformance.Watchdog;
import org.jgpuarray.SourceModule;
import org.jgpuarray.cuda.CudaBackend;
import org.jgpuarray.cuda.compiler.RawRecipes;
import org.jgpuarray.cuda.fake.ScenarioRunner.Scenario;
import org.jgpuarray.kernels.ScalarType;
import org.jgpuarray.spi.BackendDevice;
import org.jgpuarray.device.BackendProbe;
import org.jgpuarray.spi.DeviceBuffer;
import org.jgpuarray.spi.HostArray;

/**
 * Runs in a child JVM whose {@code libcuda.so.1} is the fake driver ({@code src/test/c/fake_libcuda.c}):
 * drives the CUDA backend through the public API and checks what reached the driver (the fake's log of
 * allocations and launches, with decoded parameters). Each scenario is framed in the output by
 * {@link ScenarioRunner}, so {@link FakeDriverTest} reports each as its own test; a failure does not stop
 * the others. Kernels do not run on the fake: results are not checked here.
 */
public final class FakeDriverScenarios {
    private final Path log;
    private final FakeLaunchScenarios launches;
    private final FakeContextScenarios contexts;
    private final FakePoolScenarios pool;
    private final FakeStreamScenarios streams;
    private final FakeStreamApiScenarios streamApi;
    private final FakePinnedApiScenarios pinnedApi;

    private FakeDriverScenarios(FakeLog fake, Path log) {
        this.log = log;
        this.launches = new FakeLaunchScenarios(fake);
        this.contexts = new FakeContextScenarios(fake);
        this.pool = new FakePoolScenarios(fake);
        this.streams = new FakeStreamScenarios(fake);
        this.streamApi = new FakeStreamApiScenarios(fake);
        this.pinnedApi = new FakePinnedApiScenarios(fake);
    }

    /** Entry point of the child JVM; the log file is the fake's FAKE_CUDA_LOG. */
    public static void main(String[] args) {
        ScenarioRunner.runAllAndExit(new FakeDriverScenarios(FakeLog.fromEnvironment(),
                Path.of(System.getenv("FAKE_CUDA_LOG"))).scenarios());
    }

    /** The scenario names, in order, for the parent's tests. */
    static List<String> names() {
        return ScenarioRunner.names(new FakeDriverScenarios(null, null).scenarios());
    }

    private List<Scenario> scenarios() {
        return List.of(
                scenario("probe without a context", this::probe),
                scenario("copies", this::copies),
                scenario("device offsets and out of memory", this::deviceLevel),
                scenario("elementwise launch", this::elementwise),
                scenario("reduction launches", this::reductions),
                scenario("scan launches", this::scans),
                scenario("raw modules", this::rawModules),
                scenario("sort launches", this::sorts),
                scenario("timer", this::timer),
                scenario("compile and JIT errors", this::errors),
                scenario("sticky error", this::sticky),
                scenario("threads sharing a context", this::threads),
                scenario("launch limits", launches::limits),
                scenario("dynamic shared memory", launches::sharedMemory),
                scenario("generated kernels use no dynamic shared memory", launches::generatedKernelsUseStaticShared),
                scenario("push and pop, never overwrite the thread's context", contexts::pushAndPop),
                scenario("a failed enter leaks no retain", contexts::failedEnterLeaksNoRetain),
                scenario("error names from the driver", contexts::errorNames),
                scenario("CUDA_ERROR_CONTAINED is sticky", contexts::containedIsSticky),
                scenario("a broken context closes cleanly from any thread", contexts::brokenContextClosesCleanly),
                scenario("timers release their events", contexts::timersReleaseTheirEvents),
                scenario("memory pool: warm chains allocate nothing", pool::warmChainsAllocateNothing),
                scenario("memory pool: class-sized blocks", pool::blocksAreClassSized),
                scenario("memory pool: a full device gets the kept blocks back", pool::aFullDeviceGetsTheKeptBlocksBack),
                scenario("memory pool: switched off", pool::poolOffFreesAtOnce),
                scenario("streams: launches and copies carry the selected stream",
                        streams::launchesAndCopiesCarryTheSelectedStream),
                scenario("streams: events recorded and waited in order", streams::eventsRecordedAndWaitedInOrder),
                scenario("streams: a throttle point per stream", streams::throttlePerStream),
                scenario("streams: async copies of pinned and heap memory", streams::asyncCopiesOfPinnedAndHeapMemory),
                scenario("streams: foreign streams and events are refused", streams::foreignStreamsAndEventsAreRefused),
                scenario("streams: injected errors name the call", streams::injectedErrorsNameTheCall),
                scenario("streams: a sticky error from a stream", streams::stickyErrorFromAStream),
                scenario("streams: close releases every stream, event and pinned block", streams::closeReleasesEverything),
                scenario("streams: the core's scopes select the driver's stream",
                        streamApi::scopesSelectTheDriversStream),
                scenario("pinned arrays copy asynchronously", pinnedApi::pinnedArraysCopyAsynchronously),
                scenario("everything released", this::balance));
    }

    /** The probe reads every field without creating a context (none exists yet: free memory is left out). */
    private void probe() throws IOException {
        mark();
        BackendProbe probe = new CudaBackend().probe();
        List<String> lines = lines();
        check(lines.subList(mark, lines.size()).stream().noneMatch(l -> l.startsWith("retain") || l.contains("create")),
                "the probe created no context: " + lines.subList(mark, lines.size()));
        check(probe.available(), "probe unavailable: " + probe.reason());
        DeviceInfo d = probe.devices().get(0);
        System.out.println("device: " + d + " " + d.properties());
        check(d.name().equals("jgpuarray fake CUDA device"), d.name());
        check(d.computeUnits() == 4, "SMs");
        check("12.9".equals(d.properties().get("computeCapability")), d.properties().toString());
        check("12.4".equals(d.properties().get("driverVersion")), d.properties().toString());
        check(String.valueOf(d.properties().get("compileTarget")).endsWith("PTX"), d.properties().toString());
        check(!d.properties().containsKey("freeMemoryBytes"), "no free memory without a context");
        check(Long.valueOf(256L << 20).equals(d.properties().get("totalMemoryBytes")), "total memory without a context");
        for (String library : new String[] {"cublas", "cufft", "curand"}) {
            check(String.valueOf(d.properties().get(library)).startsWith("disabled by JGPUARRAY_CUDA_LIBRARIES=none"),
                    library + ": " + d.properties().get(library));
        }
        try (BackendDevice dev = new CudaBackend().open(0)) {
            check(dev.library(org.jgpuarray.spi.BlasProvider.class).isEmpty(), "no cuBLAS when switched off");
        }
    }

    private void copies() {
        Random r = new Random(1);
        try (GpuContext ctx = GpuContext.create("cuda")) {
            check(ctx.backendName().equals("cuda"), ctx.backendName());
            float[] f = new float[1001];
            double[] d = new double[77];
            int[] i = new int[5];
            long[] l = new long[3];
            for (int k = 0; k < f.length; k++) {
                f[k] = r.nextFloat();
            }
            Arrays.setAll(d, k -> r.nextGaussian());
            Arrays.setAll(i, k -> r.nextInt());
            Arrays.setAll(l, k -> r.nextLong());
            boolean[] b = {true, false, true};
            try (GPUArray gf = ctx.toGpu(f); GPUArray gd = ctx.toGpu(d); GPUArray gi = ctx.toGpu(i);
                 GPUArray gl = ctx.toGpu(l); GPUArray gb = ctx.toGpu(b)) {
                check(Arrays.equals(f, gf.toFloatArray()), "float round trip");
                check(Arrays.equals(d, gd.toDoubleArray()), "double round trip");
                check(Arrays.equals(i, gi.toIntArray()), "int round trip");
                check(Arrays.equals(l, gl.toLongArray()), "long round trip");
                check(Arrays.equals(b, gb.toBooleanArray()), "bool round trip");
                // a direct buffer goes to cuMemcpyHtoD/DtoH by address, from its position
                java.nio.FloatBuffer direct = java.nio.ByteBuffer.allocateDirect(4 * (f.length + 2))
                        .order(java.nio.ByteOrder.nativeOrder()).asFloatBuffer();
                direct.position(2).put(f).position(2);
                try (GPUArray fromDirect = ctx.toGpu(direct)) {
                    check(Arrays.equals(f, fromDirect.toFloatArray()), "float round trip from a direct buffer");
                    java.nio.FloatBuffer out = java.nio.ByteBuffer.allocateDirect(4 * (f.length + 1))
                            .order(java.nio.ByteOrder.nativeOrder()).asFloatBuffer();
                    out.position(1);
                    gf.copyTo(out);
                    float[] back = new float[f.length];
                    out.get(1, back);
                    check(Arrays.equals(f, back) && out.get(0) == 0f, "float round trip into a direct buffer");
                }
            }
        }
    }

    private void deviceLevel() {
        try (BackendDevice dev = new CudaBackend().open(0)) {
            DeviceBuffer a = dev.allocate(ScalarType.FLOAT32, 10);
            DeviceBuffer b = dev.allocate(ScalarType.FLOAT32, 10);
            float[] host = {1, 2, 3, 4, 5, 6, 7, 8};
            dev.copyFromHost(HostArray.of(host), 2, a, 8, 5);
            float[] back = new float[7];
            dev.copyToHost(a, 8, HostArray.of(back), 1, 5);
            check(Arrays.equals(new float[] {0, 3, 4, 5, 6, 7, 0}, back), "offsets " + Arrays.toString(back));
            dev.copyOnDevice(a, 12, b, 0, 8);
            float[] two = new float[2];
            dev.copyToHost(b, 0, HostArray.of(two), 0, 2);
            check(Arrays.equals(new float[] {4, 5}, two), "device copy " + Arrays.toString(two));
            expect(IndexOutOfBoundsException.class, () -> dev.copyFromHost(HostArray.of(host), 0, a, 36, 2));
            expect(IndexOutOfBoundsException.class, () -> dev.copyToHost(a, 0, HostArray.of(back), 5, 5));
            OutOfDeviceMemoryException oom = expect(OutOfDeviceMemoryException.class,
                    () -> dev.allocate(ScalarType.FLOAT64, 1L << 30));
            check(oom.requestedBytes() == 8L << 30 && oom.code() == 2, oom.getMessage());
            a.release();
            b.release();
            expect(IllegalStateException.class, () -> dev.copyToHost(a, 0, HostArray.of(back), 0, 1));
        }
    }

    private void elementwise() throws IOException {
        try (GpuContext ctx = GpuContext.create("cuda");
             GPUArray x = ctx.zeros(DType.FLOAT32, 100000); GPUArray y = ctx.zeros(DType.FLOAT32, 100000);
             GPUArray c = ctx.empty(DType.FLOAT32, 100000)) {
            mark();
            ctx.elementwiseKernel("float a, float *x, float b, float *y, float *c", "c[i] = a*x[i] + b*y[i]",
                    "lin_comb").call(2.5f, x, -5f, y, c);
            List<String> launches = launchesSinceMark();
            check(launches.size() == 1, launches.toString());
            // 4 SMs * 32 blocks caps the grid; grid-stride covers the rest
            expectLaunch(launches.get(0), generated("lin_comb"), 128, 256, "2.5;buf\\d+\\+0;-5;buf\\d+\\+0;buf\\d+\\+0;100000");
            GPUArray i64 = ctx.zeros(DType.INT64, 3);
            GPUArray out = ctx.zeros(DType.INT32, 3);
            mark();
            ctx.elementwiseKernel("double s, long *i64, bool flag, int *out", "out[i] = (int) (s + i64[i] + flag)",
                    "mixed_scalars").call(0.25, i64, true, out);
            expectLaunch(launchesSinceMark().get(0), generated("mixed_scalars"), 1, 256, "0.25;buf\\d+\\+0;1;buf\\d+\\+0;3");
        }
    }

    private void reductions() throws IOException {
        try (GpuContext ctx = GpuContext.create("cuda"); GPUArray big = ctx.zeros(DType.FLOAT32, 100000);
             GPUArray small = ctx.zeros(DType.FLOAT64, 100)) {
            mark();
            big.sum().item();
            List<String> launches = launchesSinceMark();
            check(launches.size() == 2, launches.toString());
            // two waves of resident blocks: 4 SMs * (2048 / 256) * 2
            Matcher p = expectLaunch(launches.get(0), generated("sum_float32") + "_stage1", 64, 256, "buf\\d+\\+0;(buf\\d+)\\+0;100000");
            expectLaunch(launches.get(1), generated("sum_float32") + "_stage2", 1, 256, p.group(1) + "\\+0;buf\\d+\\+0;64");
            mark();
            small.sum().item();
            launches = launchesSinceMark();
            check(launches.size() == 1, "one block writes the result directly: " + launches);
            expectLaunch(launches.get(0), generated("sum_float64") + "_stage1", 1, 256, "buf\\d+\\+0;buf\\d+\\+0;100");
            try (GPUArray none = ctx.empty(DType.FLOAT32, 0)) {
                mark();
                none.sum().item();
                expectLaunch(launchesSinceMark().get(0), generated("sum_float32") + "_stage1", 1, 256, "buf\\d+\\+0;buf\\d+\\+0;0");
            }
        }
    }

    private void scans() throws IOException {
        int n = 2048 * 2048 + 5;
        try (GpuContext ctx = GpuContext.create("cuda"); GPUArray x = ctx.zeros(DType.INT64, n)) {
            mark();
            ctx.inclusiveScanKernel(DType.INT64, "a+b", "0").call(x);
            List<String> l = launchesSinceMark();
            check(l.size() == 5, l.toString());
            expectLaunch(l.get(0), "jga_scan_inclusive_int64_\\w+_tiles", 2049, 256, "buf\\d+\\+0;buf\\d+\\+0;buf\\d+\\+0;" + n + ";1");
            expectLaunch(l.get(1), "jga_scan_inclusive_int64_\\w+_tiles", 2, 256, "(buf\\d+)\\+0;\\1\\+0;buf\\d+\\+0;2049;1");
            expectLaunch(l.get(2), "jga_scan_inclusive_int64_\\w+_tiles", 1, 256, "(buf\\d+)\\+0;\\1\\+0;buf\\d+\\+0;2;1");
            expectLaunch(l.get(3), "jga_scan_inclusive_int64_\\w+_add_offsets", 1, 256, "buf\\d+\\+0;buf\\d+\\+0;2049");
            expectLaunch(l.get(4), "jga_scan_inclusive_int64_\\w+_add_offsets", 2048, 256, "buf\\d+\\+0;buf\\d+\\+0;" + n);
            mark();
            ctx.exclusiveScanKernel(DType.INT64, "a+b", "0").call(x.reshape(n));
            expectLaunch(launchesSinceMark().get(0), "jga_scan_exclusive_int64_\\w+_tiles", 2049, 256,
                    "buf\\d+\\+0;buf\\d+\\+0;buf\\d+\\+0;" + n + ";0");
        }
    }

    /**
     * The portable radix sort: per 4-bit digit pass a count, a scan of the counts and a scatter, one group of
     * 256 threads per tile of 2048 items; short rows as one segment with extra passes over the row number.
     */
    private void sorts() throws IOException {
        try (GpuContext ctx = GpuContext.create("cuda"); GPUArray x = ctx.zeros(DType.FLOAT32, 5000);
             GPUArray m = ctx.zeros(DType.INT64, 1000, 3)) {
            mark();
            x.sort().close();
            List<String> l = launchesSinceMark();
            check(l.size() == 8 * 3, "8 passes of count, scan, scatter: " + l);
            expectLaunch(l.get(0), "jga_sort_count_float32", 3, 256, "(buf\\d+)\\+0;buf\\d+\\+0;4;5000;3;0;5000;(buf\\d+)\\+0");
            expectLaunch(l.get(1), "jga_sort_scan_tiles_float32", 1, 256, "(buf\\d+)\\+0;48;buf\\d+\\+0");
            expectLaunch(l.get(2), "jga_sort_scatter_float32", 3, 256,
                    "buf\\d+\\+0;buf\\d+\\+0;4;5000;3;0;5000;buf\\d+\\+0;buf\\d+\\+0;buf\\d+\\+0");
            expectLaunch(l.get(23), "jga_sort_scatter_float32", 3, 256,
                    "buf\\d+\\+0;buf\\d+\\+0;4;5000;3;28;5000;buf\\d+\\+0;buf\\d+\\+0;buf\\d+\\+0");
            mark();
            m.argsort().close();
            l = launchesSinceMark();
            check(l.size() == (16 + 3) * 3 + 1, "16 rank and 3 row passes, then the row index: " + l.size());
            expectLaunch(l.get(0), "jga_sort_count_int64", 2, 256, "buf\\d+\\+0;buf\\d+\\+0;6;3000;2;0;3;buf\\d+\\+0");
            expectLaunch(l.get(48), "jga_sort_count_int64", 2, 256, "buf\\d+\\+0;buf\\d+\\+0;13;3000;2;0;3;buf\\d+\\+0");
            expectLaunch(l.get(54), "jga_sort_count_int64", 2, 256, "buf\\d+\\+0;buf\\d+\\+0;9;3000;2;8;3;buf\\d+\\+0");
            expectLaunch(l.get(57), "jga_sort_row_index_int64", 12, 256, "buf\\d+\\+0;3000;3");
        }
    }

    private void rawModules() throws IOException {
        try (GpuContext ctx = GpuContext.create("cuda"); GPUArray a = ctx.zeros(DType.FLOAT32, 4, 4);
             SourceModule m = ctx.sourceModule(RawRecipes.DOUBLIFY)) {
            RawKernel doublify = m.function("doublify");
            mark();
            doublify.launch(new long[] {1, 1}, new long[] {4, 4}, a);
            expectLaunch(launchesSinceMark().get(0), "_Z8doublifyPf", 1, 4, "buf\\d+\\+0");
            check(launchesSinceMark().get(0).contains("block=4,4,1"), "2-D block");
            expect(IllegalArgumentException.class, () -> m.function("no_such_kernel"));
            try (SourceModule mm = ctx.sourceModule(RawRecipes.MATRIX_MUL, "-DMATRIX_SIZE=5")) {
                mark();
                mm.function("MatrixMulKernel").launch(new long[] {1, 1}, new long[] {5, 5}, a, a, a);
                expectLaunch(launchesSinceMark().get(0), "_Z15MatrixMulKernelPfS_S_", 1, 5, "buf\\d+\\+0;buf\\d+\\+0;buf\\d+\\+0");
            }
            try (SourceModule scalars = ctx.sourceModule("extern \"C\" __global__ void scalars(float f, double d, int i,"
                    + " long long l, short s, char c, float *out) { out[0] = f + d + i + l + s + c; }")) {
                mark();
                scalars.function("scalars").launch(new long[] {2}, new long[] {32}, 1.5f, 2.25, -3, 1L << 40,
                        (short) 7, (byte) -1, a);
                expectLaunch(launchesSinceMark().get(0), "scalars", 2, 32,
                        "1.5;2.25;-3;" + (1L << 40) + ";7;255;buf\\d+\\+0");
            }
        }
    }

    private void timer() {
        try (GpuContext ctx = GpuContext.create("cuda")) {
            long nanos = ctx.startTimer().stopNanos();
            check(nanos == 1_500_000, "the fake's events are 1.5 ms apart: " + nanos);
        }
    }

    private void errors() {
        try (GpuContext ctx = GpuContext.create("cuda")) {
            KernelCompilationException bad = expect(KernelCompilationException.class,
                    () -> ctx.elementwiseKernel("float *x", "x[i] = undefined_thing + ;", "broken"));
            check(bad.log().contains("undefined_thing") && bad.numberedSource().contains("undefined_thing"), bad.getMessage());
            KernelCompilationException jit = expect(KernelCompilationException.class,
                    () -> ctx.sourceModule("extern \"C\" __global__ void jga_fake_invalid_ptx(float *x) { x[0] = 1; }"));
            check(jit.log().contains("fake JIT error") && jit.getCause() instanceof DeviceException, jit.getMessage());
            DeviceException old = expect(DeviceException.class,
                    () -> ctx.sourceModule("extern \"C\" __global__ void jga_fake_unsupported_ptx(float *x) { x[0] = 1; }"));
            check(old.code() == 222 && old.codeName().equals("CUDA_ERROR_UNSUPPORTED_PTX_VERSION")
                    && old.getMessage().contains("CUDA 12.4") && old.getMessage().contains("cuDriverGetVersion 12040"),
                    old.getMessage());
            try (GPUArray x = ctx.zeros(DType.FLOAT32, 3)) {
                check(x.toFloatArray().length == 3, "the context still works after compile errors");
            }
        }
    }

    private void sticky() {
        GpuContext ctx = GpuContext.create("cuda");
        GPUArray x = ctx.zeros(DType.FLOAT32, 8);
        SourceModule m = ctx.sourceModule("extern \"C\" __global__ void jga_fake_fault(float *x) { x[1 << 30] = 1; }");
        m.function("jga_fake_fault").launch(new long[] {1}, new long[] {1}, x);
        DeviceException first = expect(DeviceException.class, x::toFloatArray);
        check(first.code() == 700 && first.getMessage().contains("unusable"), first.getMessage());
        DeviceException later = expect(DeviceException.class, () -> ctx.zeros(DType.FLOAT32, 2));
        check(later.getMessage().contains("unusable after CUDA_ERROR_ILLEGAL_ADDRESS (700)"), later.getMessage());
        x.close();
        m.close();
        ctx.close();
        try (GpuContext fresh = GpuContext.create("cuda"); GPUArray y = fresh.toGpu(new float[] {1, 2})) {
            check(Arrays.equals(new float[] {1, 2}, y.toFloatArray()), "a new context works after the broken one is closed");
        }
    }

    /**
     * Eight threads share one context and run the concurrency suite's operations (unchecked: the fake runs
     * no kernels), while a ninth closes a second context under four more: no crash, no deadlock (the
     * watchdog prints the threads' stacks), and "everything released" below finds every allocation freed.
     */
    private void threads() throws Exception {
        try (GpuContext ctx = GpuContext.create("cuda")) {
            ConcurrentWorkload work = new ConcurrentWorkload(ctx, false);
            List<Callable<Integer>> tasks = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                tasks.add(() -> {
                    int operations = 0;
                    for (int r = 0; r < 10; r++) {
                        operations += work.round(thread, r);
                    }
                    return operations;
                });
            }
            int operations = Watchdog.runAll("fake-cuda-shared", tasks, Duration.ofMinutes(2)).stream()
                    .mapToInt(Integer::intValue).sum();
            System.out.println("CONCURRENCY cuda (fake driver): one context shared by 8 threads: " + operations
                    + " operations without a crash or a deadlock");
            check(operations == 8 * 10 * ConcurrentWorkload.OPERATIONS_PER_ROUND, "operations: " + operations);
        }
        GpuContext closing = GpuContext.create("cuda");
        ConcurrentWorkload work = new ConcurrentWorkload(closing, false);
        CountDownLatch working = new CountDownLatch(8);
        List<Callable<Integer>> tasks = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int thread = t;
            tasks.add(() -> {
                int rounds = 0;
                try {
                    while (rounds < 1000) {
                        work.round(thread, rounds++);
                        working.countDown();
                    }
                    throw new AssertionError("thread " + thread + " never saw the context closed");
                } catch (IllegalStateException expected) {
                    working.countDown();
                    return rounds;
                }
            });
        }
        Thread closer = new Thread(() -> {
            try {
                working.await(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            closing.close();
        });
        closer.start();
        System.out.println("closed under 4 threads; rounds before IllegalStateException: "
                + Watchdog.runAll("fake-cuda-close", tasks, Duration.ofMinutes(2)));
        closer.join();
    }

    private void balance() throws IOException {
        List<String> lines = Files.readAllLines(log);
        long allocs = lines.stream().filter(s -> s.startsWith("alloc ")).count();
        long frees = lines.stream().filter(s -> s.startsWith("free ")).count();
        check(allocs == frees, "every allocation freed: " + allocs + " allocations, " + frees + " frees");
        for (String[] pair : new String[][] {{"stream create", "stream destroy"}, {"event create", "event destroy"},
                {"host alloc", "host free"}}) {
            long made = lines.stream().filter(s -> s.startsWith(pair[0])).count();
            long gone = lines.stream().filter(s -> s.startsWith(pair[1])).count();
            check(made == gone, "every '" + pair[0] + "' matched by a '" + pair[1] + "': " + made + " and " + gone);
        }
        String lastRelease = lines.stream().filter(s -> s.startsWith("release ")).reduce((a, b) -> b).orElse("");
        check(lastRelease.equals("release refs=0"), "primary context released: " + lastRelease);
        check(lines.stream().filter(s -> s.startsWith("retain")).count()
                == lines.stream().filter(s -> s.startsWith("release")).count(), "retains match releases");
    }

    private int mark;

    private void mark() throws IOException {
        mark = lines().size();
    }

    /** The log's lines (none before the fake wrote any). */
    private List<String> lines() throws IOException {
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }

    private List<String> launchesSinceMark() throws IOException {
        List<String> lines = lines();
        return lines.subList(mark, lines.size()).stream().filter(s -> s.startsWith("launch ")).toList();
    }

    /** The pattern of a generated kernel's name: the user's name between {@code jga_} and a digest. */
    private static String generated(String name) {
        return "jga_" + name + "_[0-9a-f]{12}";
    }

    private static Matcher expectLaunch(String line, String kernel, long grid, int block, String params) {
        Matcher m = Pattern.compile("launch " + kernel + " grid=" + grid + ",1,1 block=" + block + ",\\d+,1 shared=0 params="
                + params).matcher(line);
        check(m.matches(), "expected launch of " + kernel + " grid " + grid + " block " + block + " params " + params
                + "\n   got: " + line);
        Matcher params2 = Pattern.compile(params).matcher(line.substring(line.indexOf("params=") + 7));
        check(params2.matches(), line);
        return params2;
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new AssertionError(message);
        }
    }

    private static <T extends Throwable> T expect(Class<T> type, Runnable call) {
        try {
            call.run();
        } catch (Throwable t) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            throw new AssertionError("expected " + type.getSimpleName() + ", got " + t, t);
        }
        throw new AssertionError("expected " + type.getSimpleName() + ", nothing was thrown");
    }
}
