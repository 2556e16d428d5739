package org.jgpuarray.reliability;

import static org.jgpuarray.reliability.Errors.GPU;
import static org.jgpuarray.reliability.Errors.IAE;

import java.util.Arrays;
import java.util.List;
import org.jgpuarray.DType;
import org.jgpuarray.GPUArray;
import org.jgpuarray.random.GpuRandom;

/** Random numbers: bad dtypes, shapes and parameters; empty and odd sizes, checked for range and streams. */
final class RandomCases {
    private RandomCases() {
    }

    static List<Case> cases() {
        return List.of(
                random("random.int-dtype", (r, c) -> r.uniform(DType.INT32, 3)).fails(IAE, "uniform", "int32"),
                random("random.complex-dtype", (r, c) -> r.normal(DType.COMPLEX64, 0, 1, 3)).fails(IAE, "normal", "complex64"),
                random("random.negative-shape", (r, c) -> r.rand(-3)).fails(IAE, "negative dimension", "(-3,)"),
                random("random.negative-std", (r, c) -> r.normal(DType.FLOAT32, 0, -1, 3)).fails(IAE, "std", "-1"),
                random("random.nan-mean", (r, c) -> r.normal(DType.FLOAT32, Double.NaN, 1, 3)).fails(IAE, "mean", "NaN"),
                random("random.infinite-std", (r, c) -> r.normal(DType.FLOAT32, 0, Double.POSITIVE_INFINITY, 3))
                        .fails(IAE, "std", "Infinity"),
                random("random.fill-int", (r, c) -> r.fillUniform(c.zeros(DType.INT32, 3))).fails(IAE, "uniform", "int32"),
                random("random.fill-normal-bad-std", (r, c) -> r.fillNormal(c.zeros(DType.FLOAT32, 3), 0, Double.NaN))
                        .fails(IAE, "std", "NaN"),
                random("random.fill-other-context", (r, c) -> r.fillUniform(c.track(c.fresh().zeros(DType.FLOAT32, 3))))
                        .fails(IAE, "another context"),
                random("random.empty", (r, c) -> {
                    long before = r.offset();
                    GPUArray x = c.track(r.uniform(DType.FLOAT32, 0));
                    return x.size() + " " + (r.offset() - before);
                }).returns("0 0"),
                random("random.bits-empty", (r, c) -> c.track(r.bits(0, 3)).size()).returns(0L),
                random("random.huge", (r, c) -> r.uniform(DType.FLOAT32, 1L << 40)).expect(Expectation.anyOf(
                        Expectation.fails(GPU, "1099511627776"), Expectation.fails(GPU, "4398046511104"))).inChild(),
                random("random.odd-sizes-in-range", (r, c) -> {
                    for (int n : new int[] {1, 3, 5, 7, 1001}) {
                        for (float v : c.track(r.uniform(DType.FLOAT32, n)).toFloatArray()) {
                            if (!(v >= 0 && v < 1)) {
                                return "uniform " + v + " at n=" + n;
                            }
                        }
                    }
                    return "ok";
                }).returns("ok").inChild(),
                random("random.same-seed-same-stream", (r, c) -> {
                    GpuRandom a = c.ctx().random(42);
                    GpuRandom b = c.ctx().random(42);
                    float[] first = c.track(a.uniform(DType.FLOAT32, 3)).toFloatArray();
                    float[] next = c.track(a.uniform(DType.FLOAT32, 3)).toFloatArray();
                    float[] again = c.track(b.uniform(DType.FLOAT32, 8)).toFloatArray();
                    return Arrays.equals(first, Arrays.copyOf(again, 3)) + " " + Arrays.equals(first, next);
                }).returns("true false").inChild(),
                random("random.normal-zero-std", (r, c) -> c.track(r.normal(DType.FLOAT32, 2.5, 0, 5)).toFloatArray())
                        .returns(new float[] {2.5f, 2.5f, 2.5f, 2.5f, 2.5f}).inChild(),
                random("random.normal-extreme-mean", (r, c) -> c.track(r.normal(DType.FLOAT32, 1e38, 1e38, 64)).max().item())
                        .expect(Expectation.satisfies("no NaN", v -> !Double.isNaN((Double) v))).inChild(),
                random("random.seed-extremes", (r, c) -> {
                    float[] a = c.track(c.ctx().random(Long.MIN_VALUE).rand(4)).toFloatArray();
                    float[] b = c.track(c.ctx().random(-1).rand(4)).toFloatArray();
                    return Arrays.equals(a, b) ? "same" : "different";
                }).returns("different").inChild());
    }

    private static Case.Pending random(String name, RandomBody body) {
        return Case.of(name, c -> body.run(c.ctx().random(1234), c));
    }

    @FunctionalInterface
    private interface RandomBody {
        Object run(GpuRandom random, CaseContext c) throws Exception;
    }
}
