package org.jgpuarray.cuda.fake;

import static org.jgpuarray.cuda.fake.FakeChecks.check;

import java.util.Map;
import org.jgpuarray.device.DeviceInfo;
import org.jgpuarray.GpuContext;
import org.jgpuarray.cuda.CudaBackend;
import org.jgpuarray.device.BackendProbe;

/**
 * Runs in a child JVM whose {@code libcuda.so.1} and CUDA libraries are the fakes of {@code src/test/c}
 * ({@link FakeLibrariesTest} says which): the probe's library properties, then cuBLAS, cuFFT and cuRAND
 * through the public API, then that closing the context destroyed every handle, plan and generator and
 * freed every buffer. {@code FAKE_EXPECT=jcublas2} expects JCublas2, cuFFT and cuRAND;
 * {@code FAKE_EXPECT=jna} expects cuBLAS through JNA only (cuFFT and cuRAND switched off). Prints
 * {@code OK <scenario>} per scenario and exits non-zero at the first failure.
 */
public final class FakeLibraryScenarios {
    private static final String JCUBLAS = "cuBLAS 12.6.4 (JCublas2, libcublas.so.12)";
    private static final String JNA_CUBLAS = "cuBLAS 13.0.2 (JNA, libcublas.so.13)";
    private static final String CUFFT = "cuFFT 12.0.0 (JNA, libcufft.so.12)";
    private static final String CURAND = "cuRAND 10.4.0 (JNA, libcurand.so.10), Philox4_32_10";

    private FakeLibraryScenarios() {
    }

    /** Entry point of the child JVM. */
    public static void main(String[] args) {
        boolean jna = "jna".equals(System.getenv("FAKE_EXPECT"));
        FakeLog log = FakeLog.fromEnvironment();
        try {
            run("probe", () -> probe(jna));
            try (GpuContext ctx = GpuContext.create("cuda")) {
                FakeBlasScenarios blas = new FakeBlasScenarios(ctx, log);
                run("cuBLAS handle", () -> blas.handle(jna ? JNA_CUBLAS : JCUBLAS));
                run("gemm", blas::gemm);
                run("gemv", blas::gemv);
                run("axpy, dot, nrm2", blas::level1);
                run("cuBLAS failures", blas::failures);
                if (jna) {
                    run("portable FFT and random numbers", () -> portable(ctx));
                } else {
                    FakeFftScenarios fft = new FakeFftScenarios(ctx, log);
                    run("cuFFT implementation", () -> check(ctx.fft().implementation().equals(CUFFT),
                            ctx.fft().implementation()));
                    run("1-D complex FFT", fft::complex1d);
                    run("2-D complex FFT", fft::complex2d);
                    run("real FFTs", fft::real);
                    run("declined FFT shapes", fft::declined);
                    run("cuFFT failures", fft::failures);
                    FakeRandomScenarios random = new FakeRandomScenarios(ctx, log);
                    run("cuRAND stream", () -> random.stream(CURAND));
                    run("cuRAND failures", random::failures);
                }
            }
            run("a refused cuBLAS handle leaves the portable BLAS", () -> refusedHandle(log));
            run("everything released", () -> released(log));
        } catch (Throwable t) {
            t.printStackTrace(System.out);
            System.out.flush();
            System.exit(1);
        }
        System.exit(0);
    }

    private static void run(String name, Runnable scenario) {
        scenario.run();
        System.out.println("OK " + name);
    }

    private static void probe(boolean jna) {
        BackendProbe probe = new CudaBackend().probe();
        check(probe.available(), "probe unavailable: " + probe.reason());
        DeviceInfo d = probe.devices().get(0);
        Map<String, Object> p = d.properties();
        System.out.println("libraries: cublas=" + p.get("cublas") + "; cufft=" + p.get("cufft") + "; curand=" + p.get("curand"));
        check((jna ? JNA_CUBLAS : JCUBLAS).equals(p.get("cublas")), "cublas property: " + p.get("cublas"));
        if (jna) {
            check(String.valueOf(p.get("cufft")).startsWith("disabled by JGPUARRAY_CUDA_LIBRARIES=cublas-jna"),
                    "cufft property: " + p.get("cufft"));
        } else {
            check(CUFFT.equals(p.get("cufft")), "cufft property (the newest soname wins): " + p.get("cufft"));
            check(CURAND.equals(p.get("curand")), "curand property: " + p.get("curand"));
        }
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
        check(log.count("release refs=0") >= 1 && log.count("retain.*") == log.count("release.*"),
                "primary context released");
    }
}
