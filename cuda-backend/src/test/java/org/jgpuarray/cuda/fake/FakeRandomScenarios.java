package org.jgpuarray.cuda.fake;

import static org.jgpuarray.cuda.fake.FakeBlasScenarios.values;
import static org.jgpuarray.cuda.fake.FakeChecks.check;
import static org.jgpuarray.cuda.fake.FakeChecks.close;
import static org.jgpuarray.cuda.fake.FakeChecks.expect;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jgpuarray.DType;
import org.jgpuarray.device.DeviceException;
import org.jgpuarray.GPUArray;
import org.jgpuarray.GpuContext;
import org.jgpuarray.kernels.lib.Philox4x32;
import org.jgpuarray.random.GpuRandom;

/**
 * cuRAND through {@code GpuRandom.deviceLibrary()} against the fake libcurand, whose numbers are a
 * known function of (seed, word position): the generator type and stream, seeds set once, offsets in
 * 32-bit words continuing from call to call, odd normal counts made as the even part plus one pair in
 * scratch, and status translation.
 */
final class FakeRandomScenarios {
    private static final long SEED = 42;

    private final GpuContext ctx;
    private final FakeLog log;

    FakeRandomScenarios(GpuContext ctx, FakeLog log) {
        this.ctx = ctx;
        this.log = log;
    }

    /** Every kind of call, in sequence, with the values and the offsets checked. */
    void stream(String implementation) {
        log.mark();
        GpuRandom philox = ctx.random(SEED);
        check(!philox.implementation().startsWith("cuRAND"), "cuRAND never serves the Philox stream");
        GpuRandom v = philox.deviceLibrary().orElseThrow(() -> new AssertionError("no device random library"));
        check(v.implementation().equals(implementation), v.implementation());
        String gen = log.expectOne("curandCreateGenerator", "curandCreateGenerator gen=(\\d+) type=161").group(1);
        log.expectOne("curandSetStream", "curandSetStream gen=" + gen + " stream=0");

        log.mark();
        try (GPUArray u = v.uniform(DType.FLOAT32, 1001)) {
            float[] got = u.toFloatArray();
            for (int i = 0; i < got.length; i++) {
                check(got[i] == (float) FakeCurand.uniform1(SEED, i), "uniform " + i + ": " + got[i]);
            }
        }
        log.expectOne("curandSetPseudoRandomGeneratorSeed", "curandSetPseudoRandomGeneratorSeed gen=" + gen + " seed=42");
        log.expectOne("curandGenerateUniform", "curandGenerateUniform gen=" + gen + " seed=42 offset=0 n=1001 "
                + "out=buf\\d+\\+0 stream=0");

        long start = 4 * Philox4x32.blocksFor(1, 1001);
        oddNormals(v, DType.FLOAT32, start, 5, 1, 2);
        start += 4 * Philox4x32.blocksFor(1, 5);
        oddNormals(v, DType.FLOAT64, start, 3, -1, 0.5);
        start += 4 * Philox4x32.blocksFor(2, 3);

        log.mark();
        try (GPUArray b = v.bits(7)) {
            int[] got = b.toIntArray();
            for (int i = 0; i < 7; i++) {
                check(got[i] == FakeCurand.word(SEED, start + i), "bits " + i);
            }
        }
        log.expectOne("curandGenerate ", "curandGenerate gen=\\d+ seed=42 offset=" + start + " n=7 out=buf\\d+\\+0 stream=0");
        start += 4 * Philox4x32.blocksFor(1, 7);
        try (GPUArray u = v.uniform(DType.FLOAT64, 4)) {
            double[] got = u.toDoubleArray();
            for (int i = 0; i < 4; i++) {
                check(got[i] == FakeCurand.uniform2(SEED, start + 2L * i), "uniform float64 " + i);
            }
        }
        check(log.count("curandSetPseudoRandomGeneratorSeed.*") == 1, "the seed is set once while it stays");
        log.mark();
        ctx.random(7).deviceLibrary().orElseThrow().rand(3).close();
        log.expectOne("curandSetPseudoRandomGeneratorSeed", "curandSetPseudoRandomGeneratorSeed gen=" + gen + " seed=7");
        log.expectOne("curandSetGeneratorOffset", "curandSetGeneratorOffset gen=" + gen + " offset=0");
    }

    /** cuRAND statuses become DeviceExceptions naming the call and the code. */
    void failures() {
        GpuRandom v = ctx.random(1).deviceLibrary().orElseThrow();
        log.inject("curandGenerateUniform", 201);
        try {
            DeviceException e = expect(DeviceException.class, () -> v.uniform(DType.FLOAT32, 4));
            check(e.call().equals("curandGenerateUniform") && e.code() == 201
                    && e.codeName().equals("CURAND_STATUS_LAUNCH_FAILURE"), e.getMessage());
        } finally {
            log.clearFailure();
        }
    }

    /**
     * An odd count: n - 1 values in place from word {@code start}, then a pair into scratch from where
     * they end, whose first value is copied to the end: the values of one call of n + 1.
     */
    private void oddNormals(GpuRandom v, DType type, long start, int n, double mean, double std) {
        boolean dbl = type == DType.FLOAT64;
        int words = dbl ? 2 : 1;
        log.mark();
        try (GPUArray z = v.normal(type, mean, std, n)) {
            double[] expected = Arrays.copyOf(FakeCurand.normals(SEED, start, n + 1, dbl, mean, std), n);
            close(expected, values(z), dbl ? 1e-14 : 1e-6, 1e-6, "normal " + type.numpyName() + " n=" + n);
        }
        String call = dbl ? "curandGenerateNormalDouble" : "curandGenerateNormal ";
        List<String> calls = log.since(call);
        check(calls.size() == 2, calls.toString());
        Matcher even = Pattern.compile(call.trim() + " gen=\\d+ seed=42 offset=" + start + " n=" + (n - 1)
                + " out=(buf\\d+)\\+0 stream=0").matcher(calls.get(0));
        Matcher tail = Pattern.compile(call.trim() + " gen=\\d+ seed=42 offset=" + (start + (long) (n - 1) * words)
                + " n=2 out=(buf\\d+)\\+0 stream=0").matcher(calls.get(1));
        check(even.matches() && tail.matches(), calls.toString());
        int size = dbl ? 8 : 4;
        log.expectOne("copy", "copy " + even.group(1) + "\\+" + (n - 1) * size + " <- " + tail.group(1) + "\\+0 bytes="
                + size + " stream=0");
    }
}
