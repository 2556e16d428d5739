package org.jgpuarray.cuda.fake;

import static org.jgpuarray.cuda.fake.FakeChecks.check;
import static org.jgpuarray.cuda.fake.ScenarioRunner.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jgpuarray.device.DeviceInfo;
import org.jgpuarray.GpuContext;
import org.jgpuarray.cuda.CudaBackend;
import org.jgpuarray.device.BackendProbe;
import org.jgpuarray.cuda.fake.ScenarioRunner.Scenario;

/**
 * Runs in a child JVM whose {@code libcuda.so.1} and CUDA libraries are the fakes of {@code src/test/c}
 * ({@link FakeLibrariesTest} says which): the probe's library properties, then cuBLAS, cuFFT and cuRAND
 * through the public API, then that closing the context destroyed every handle, plan and generator and
 * freed every buffer. {@code FAKE_EXPECT=jcublas2} expects JCublas2, cuFFT and cuRAND;
 * {@code FAKE_EXPECT=jna} expects cuBLAS through JNA only (cuFFT and cuRAND switched off). Each scenario
 * is framed in the output by {@link ScenarioRunner}, so {@link FakeLibrariesTest} reports each as its own
 * test; a failure does not stop the others.
 */
public final class FakeLibraryScenarios {
    private static final String JCUBLAS = "cuBLAS 12.6.4 (JCublas2, libcublas.so.12)";
    private static final String JNA_CUBLAS = "cuBLAS 13.0.2 (JNA, libcublas.so.13)";
    private static final String CUFFT = "cuFFT 12.0.0 (JNA, libcufft.so.12)";
    private static final String CURAND = "cuRAND 10.4.0 (JNA, libcurand.so.10), Philox4_32_10";

    private final boolean jna;
    private final FakeLog log;
    /** The context the library scenarios share, opened by the first of them and closed by "context closes". */
    private GpuContext ctx;
    private FakeBlasScenarios blas;
    private FakeFftScenarios fft;
    private FakeRandomScenarios random;

    private FakeLibraryScenarios(boolean jna, FakeLog log) {
        this.jna = jna;
        this.log = log;
    }

    /** Entry point of the child JVM. */
    public static void main(String[] args) {
        boolean jna = "jna".equals(System.getenv("FAKE_EXPECT"));
        ScenarioRunner.runAllAndExit(new FakeLibraryScenarios(jna, FakeLog.fromEnvironment()).scenarios());
    }

    /** The scenario names, in order, for the parent's tests; {@code jna} as FAKE_EXPECT=jna. */
    static List<String> names(boolean jna) {
        return ScenarioRunner.names(new FakeLibraryScenarios(jna, null).scenarios());
    }

    private List<Scenario> scenarios() {
        List<Scenario> s = new ArrayList<>();
        s.add(scenario("probe loads no library", () -> probe(jna)));
        s.add(scenario("cuBLAS handle", () -> blas().handle(jna ? JNA_CUBLAS : JCUBLAS)));
        s.add(scenario("gemm", () -> blas().gemm()));
        s.add(scenario("batched matmul as strided-batched gemm", () -> blas().matmul()));
        s.add(scenario("int32 matmul on the portable kernel", () -> blas().integerMatmul()));
        s.add(scenario("gemv", () -> blas().gemv()));
        s.add(scenario("axpy, dot, nrm2", () -> blas().level1()));
        s.add(scenario("cuBLAS failures", () -> blas().failures()));
        if (jna) {
            s.add(scenario("portable FFT and random numbers", () -> portable(context())));
        } else {
            s.add(scenario("cuFFT implementation", () -> check(context().fft().implementation().equals(CUFFT),
                    context().fft().implementation())));
            s.add(scenario("1-D complex FFT", () -> fft().complex1d()));
            s.add(scenario("2-D complex FFT", () -> fft().complex2d()));
            s.add(scenario("real FFTs", () -> fft().real()));
            s.add(scenario("declined FFT shapes", () -> fft().declined()));
            s.add(scenario("cuFFT failures", () -> fft().failures()));
            s.add(scenario("cuRAND stream", () -> random().stream(CURAND)));
            s.add(scenario("cuRAND failures", () -> random().failures()));
        }
        s.add(scenario("libraries follow the selected stream",
                () -> new FakeLibraryStreamScenarios(log).librariesFollowTheSelectedStream(!jna)));
        s.add(scenario("context closes", this::closeContext));
        s.add(scenario("a refused cuBLAS handle leaves the portable BLAS", () -> refusedHandle(log)));
        s.add(scenario("sticky error after cuBLAS: reset, then a new context", () -> recovery().afterBlas()));
        if (!jna) {
            s.add(scenario("sticky error after cuRAND: reset, then a new context", () -> recovery().afterRandom()));
        }
        s.add(scenario("everything released", () -> released(log)));
        return s;
    }

    private GpuContext context() {
        if (ctx == null) {
            ctx = GpuContext.create("cuda");
        }
        return ctx;
    }

    private FakeBlasScenarios blas() {
        if (blas == null) {
            blas = new FakeBlasScenarios(context(), log);
        }
        return blas;
    }

    private FakeFftScenarios fft() {
        if (fft == null) {
            fft = new FakeFftScenarios(context(), log);
        }
        return fft;
    }

    private FakeRandomScenarios random() {
        if (random == null) {
            random = new FakeRandomScenarios(context(), log);
        }
        return random;
    }

    private FakeRecoveryScenarios recovery() {
        return new FakeRecoveryScenarios(log);
    }

    private void closeContext() {
        check(ctx != null, "no scenario opened the context");
        ctx.close();
        ctx = null;
        blas = null;
        fft = null;
        random = null;
    }

    /**
     * The probe says which libraries would load without loading them (no fake library notes "loaded");
     * the first use loads them, and a later probe reports what loaded.
     */
    private void probe(boolean jna) {
        Map<String, Object> p = properties();
        System.out.println("libraries: cublas=" + p.get("cublas") + "; cufft=" + p.get("cufft") + "; curand="
                + p.get("curand"));
        check(log.count("loaded .*") == 0, "the probe loaded "
                + log.all().stream().filter(l -> l.startsWith("loaded")).toList());
        String cublas = jna ? "libcublas.so.13" : "libcublas.so.12";
        check(String.valueOf(p.get("cublas")).matches("found " + cublas.replace(".", "\\.")
                + " at /\\S+; loaded on first use"), "cublas property: " + p.get("cublas"));
        if (jna) {
            check(String.valueOf(p.get("cufft")).startsWith("disabled by JGPUARRAY_CUDA_LIBRARIES=cublas-jna"),
                    "cufft property: " + p.get("cufft"));
        } else {
            check(String.valueOf(p.get("cufft")).matches("found libcufft\\.so\\.12 at /\\S+; loaded on first use"),
                    "cufft property (the newest soname wins): " + p.get("cufft"));
            check(String.valueOf(p.get("curand")).matches("found libcurand\\.so\\.10 at /\\S+; loaded on first use"),
                    "curand property: " + p.get("curand"));
        }
        check(context().blas().implementation().equals(jna ? JNA_CUBLAS : JCUBLAS), context().blas().implementation());
        check(log.count("loaded " + cublas) == 1, "the first use loads cuBLAS");
        check((jna ? JNA_CUBLAS : JCUBLAS).equals(new CudaBackend().probe().devices().get(0).properties().get("cublas")),
                "a probe after the first use reports what loaded");
    }

    private static Map<String, Object> properties() {
        BackendProbe probe = new CudaBackend().probe();
        check(probe.available(), "probe unavailable: " + probe.reason());
        DeviceInfo d = probe.devices().get(0);
        return d.properties();
    }

    private static void portable(GpuContext ctx) {
        check(!ctx.fft().implementation().startsWith("cuFFT"), ctx.fft().implementation());
        check(ctx.random(1).deviceLibrary().isEmpty(), "no device random library with cuRAND switched off");
    }

    private static void refusedHandle(FakeLog log) {
        log.inject("cublasCreate_v2", 3);
        try (GpuContext ctx = GpuContext.create("cuda")) {
            check(!ctx.blas().implementation().startsWith("cuBLAS"), ctx.blas().implementation());
        } finally {
            log.clearFailure();
        }
    }

    private static void released(FakeLog log) {
        check(log.count("cublasCreate handle=\\d+") == log.count("cublasDestroy handle=\\d+"), "cuBLAS handles destroyed");
        check(log.count("cufftPlanMany plan=.*") == log.count("cufftDestroy plan=\\d+"), "cuFFT plans destroyed");
        check(log.count("curandCreateGenerator gen=.*") == log.count("curandDestroyGenerator gen=\\d+"),
                "cuRAND generators destroyed");
        check(log.count("alloc .*") == log.count("free .*"), "every allocation freed: " + log.count("alloc .*")
                + " allocations, " + log.count("free .*") + " frees");
        check(log.count("runtime retain refs=\\d+") == 1, "the libraries' runtime retained the primary context once");
        check(log.count("retain refs=\\d+") == log.count("release refs=\\d+"), "every retain of jgpuarray released");
    }
}
