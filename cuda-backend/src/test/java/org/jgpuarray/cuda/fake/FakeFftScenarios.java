package org.jgpuarray.cuda.fake;

import static org.jgpuarray.cuda.fake.FakeBlasScenarios.values;
import static org.jgpuarray.cuda.fake.FakeChecks.check;
import static org.jgpuarray.cuda.fake.FakeChecks.close;
import static org.jgpuarray.cuda.fake.FakeChecks.expect;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import org.jgpuarray.DType;
import org.jgpuarray.device.DeviceException;
import org.jgpuarray.GPUArray;
import org.jgpuarray.GpuContext;

/**
 * cuFFT through the public API against the fake libcufft, which computes naive unnormalized DFTs on the
 * fake driver's memory: plan dimensions, batch, type and distances, the stream, the exec direction, the
 * scratch copy of complex-to-real input, the launches of the kernels around cuFFT (kernels do not run on
 * the fake, so inverse results stay unscaled and the launches are checked instead), plan caching,
 * declined shapes and status translation.
 */
final class FakeFftScenarios {
    private final GpuContext ctx;
    private final FakeLog log;
    private final Random random = new Random(11);

    FakeFftScenarios(GpuContext ctx, FakeLog log) {
        this.ctx = ctx;
        this.log = log;
    }

    /** 1-D complex64, batch 3: forward, cached plan, inverse with its scale launch. */
    void complex1d() {
        float[] x = floats(48);
        double[] wide = widen(x);
        try (GPUArray g = ctx.toGpuComplex(DType.COMPLEX64, x, 3, 8)) {
            log.mark();
            try (GPUArray f = ctx.fft().fft(g)) {
                close(Dft.complex(wide, 3, 1, 8, -1), values(f), 1e-5, 1e-4, "fft (3, 8)");
            }
            Matcher plan = log.expectOne("cufftPlanMany", "cufftPlanMany plan=(\\d+) rank=1 n=8 inembed=null istride=1 "
                    + "idist=8 onembed=null ostride=1 odist=8 type=0x29 batch=3");
            String id = plan.group(1);
            log.expectOne("cufftSetStream", "cufftSetStream plan=" + id + " stream=0");
            log.expectOne("cufftExecC2C", "cufftExecC2C plan=" + id + " in=buf\\d+\\+0 out=buf\\d+\\+0 direction=-1 stream=0");
            check(log.since("launch").isEmpty(), "no scale kernel for a forward transform");
            log.mark();
            try (GPUArray inverse = ctx.fft().ifft(g)) {
                close(Dft.complex(wide, 3, 1, 8, 1), values(inverse), 1e-5, 1e-4, "ifft (3, 8), unscaled by the fake");
            }
            check(log.since("cufftPlanMany").isEmpty(), "the plan is cached");
            log.expectOne("cufftExecC2C", "cufftExecC2C plan=" + id + " in=buf\\d+\\+0 out=buf\\d+\\+0 direction=1 stream=0");
            log.expectOne("launch", "launch jga_cufft_scale_float32_[0-9a-f]{12} grid=\\d+,1,1 block=\\d+,\\d+,1 "
                    + "shared=0 params=buf\\d+\\+0;0.125;48");
        }
    }

    /** 2-D complex128, batch 2. */
    void complex2d() {
        double[] x = doubles(60);
        try (GPUArray g = ctx.toGpuComplex(DType.COMPLEX128, x, 2, 3, 5)) {
            log.mark();
            try (GPUArray f = ctx.fft().fft2(g)) {
                close(Dft.complex(x, 2, 3, 5, -1), f.toDoubleArray(), 1e-12, 1e-12, "fft2 (2, 3, 5)");
            }
            log.expectOne("cufftPlanMany", "cufftPlanMany plan=\\d+ rank=2 n=3,5 inembed=null istride=1 idist=15 "
                    + "onembed=null ostride=1 odist=15 type=0x69 batch=2");
        }
    }

    /** Real-to-complex float32 and complex-to-real float64, whose input is a scratch copy. */
    void real() {
        float[] x = floats(24);
        try (GPUArray g = ctx.toGpu(x, 4, 6)) {
            log.mark();
            try (GPUArray f = ctx.fft().rfft(g)) {
                check(Arrays.equals(new long[] {4, 4}, f.shape()), Arrays.toString(f.shape()));
                close(Dft.realToComplex(widen(x), 4, 1, 6), values(f), 1e-5, 1e-4, "rfft (4, 6)");
            }
            log.expectOne("cufftPlanMany", "cufftPlanMany plan=\\d+ rank=1 n=6 inembed=null istride=1 idist=6 "
                    + "onembed=null ostride=1 odist=4 type=0x2a batch=4");
        }
        double[] half = doubles(16);
        try (GPUArray g = ctx.toGpuComplex(DType.COMPLEX128, half, 2, 4)) {
            log.mark();
            try (GPUArray r = ctx.fft().irfft(g, 6)) {
                close(Dft.complexToReal(half, 2, 1, 6), r.toDoubleArray(), 1e-12, 1e-12, "irfft (2, 4) n=6, unscaled");
            }
            check(Arrays.equals(half, g.toDoubleArray()), "irfft leaves its input alone (cuFFT works on a copy)");
            log.expectOne("cufftPlanMany", "cufftPlanMany plan=\\d+ rank=1 n=6 inembed=null istride=1 idist=4 "
                    + "onembed=null ostride=1 odist=6 type=0x6c batch=2");
            Matcher copy = log.expectOne("copy", "copy (buf\\d+)\\+0 <- buf\\d+\\+0 bytes=128 stream=0");
            log.expectOne("cufftExecZ2D", "cufftExecZ2D plan=\\d+ in=" + copy.group(1) + "\\+0 out=buf\\d+\\+0 "
                    + "direction=1 stream=0");
            List<String> launches = log.since("launch");
            check(launches.size() == 2 && launches.get(0).matches("launch jga_cufft_hermitian_float64_[0-9a-f]{12} "
                    + "grid=\\d+,1,1 block=\\d+,\\d+,1 shared=0 params=" + copy.group(1) + "\\+0;1;4;3;2;4")
                    && launches.get(1).matches("launch jga_cufft_scale_float64_[0-9a-f]{12} grid=\\d+,1,1 "
                    + "block=\\d+,\\d+,1 shared=0 params=buf\\d+\\+0;0.166667;12"),
                    "symmetrize the scratch input, then scale: " + launches);
            check(log.sinceMark().indexOf("launch jga_cufft_hermitian") < log.sinceMark().indexOf("cufftExecZ2D"),
                    "the input is symmetrized before the transform");
        }
    }

    /** Extents of 1 are declined: the portable kernels take them, and no cuFFT plan is made. */
    void declined() {
        try (GPUArray g = ctx.toGpuComplex(DType.COMPLEX64, floats(8), 4, 1)) {
            log.mark();
            ctx.fft().fft(g).close();
            check(log.since("cufftPlanMany").isEmpty(), "no cuFFT plan for extent 1");
        }
    }

    /** cufftResult codes become DeviceExceptions naming the call and the code. */
    void failures() {
        try (GPUArray g = ctx.toGpuComplex(DType.COMPLEX64, floats(64), 2, 16);
             GPUArray z = ctx.toGpuComplex(DType.COMPLEX128, doubles(60), 2, 3, 5)) {
            log.inject("cufftPlanMany", 2);
            DeviceException plan = expect(DeviceException.class, () -> ctx.fft().fft(g));
            check(plan.call().equals("cufftPlanMany") && plan.code() == 2 && plan.codeName().equals("CUFFT_ALLOC_FAILED")
                    && plan.getMessage().contains("[16] x2"), plan.getMessage());
            log.inject("cufftExecZ2Z", 6);
            DeviceException exec = expect(DeviceException.class, () -> ctx.fft().fft2(z));
            check(exec.call().equals("cufftExecZ2Z") && exec.codeName().equals("CUFFT_EXEC_FAILED"), exec.getMessage());
        } finally {
            log.clearFailure();
        }
    }

    private float[] floats(int n) {
        float[] f = new float[n];
        for (int i = 0; i < n; i++) {
            f[i] = (float) (random.nextDouble() * 2 - 1);
        }
        return f;
    }

    private double[] doubles(int n) {
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = random.nextDouble() * 2 - 1;
        }
        return d;
    }

    private static double[] widen(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }
}
