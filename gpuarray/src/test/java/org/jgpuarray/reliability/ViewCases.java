package org.jgpuarray.reliability;

import static org.jgpuarray.reliability.Errors.IAE;
import static org.jgpuarray.reliability.Errors.NPE;

import java.util.List;
import org.jgpuarray.DType;
import org.jgpuarray.GPUArray;
import org.jgpuarray.Index;

/**
 * Views: index expressions that do not parse or do not fit, writes into broadcast views, axis arguments out
 * of range, out parameters of the wrong shape, and strided views passed to kernels and libraries (checked
 * against host results).
 */
final class ViewCases {
    private static final Class<IndexOutOfBoundsException> IOOBE = IndexOutOfBoundsException.class;

    private ViewCases() {
    }

    static List<Case> cases() {
        return List.of(
                Case.of("view.index-out-of-range", c -> abc(c).get("5")).fails(IOOBE, "5", "axis 0"),
                Case.of("view.negative-index-out-of-range", c -> abc(c).get("-4")).fails(IOOBE, "-4"),
                Case.of("view.too-many-indices", c -> abc(c).get("0, 0")).fails(IAE, "too many indices", "(3,)"),
                Case.of("view.zero-step", c -> abc(c).get("::0")).fails(IAE, "step"),
                Case.of("view.bad-syntax", c -> abc(c).get("1:2:3:4")).fails(IAE, "1:2:3:4"),
                Case.of("view.garbage", c -> abc(c).get("abc")).fails(IAE, "abc"),
                Case.of("view.two-ellipses", c -> abc(c).get("..., ...")).fails(IAE, "ellipsis"),
                Case.of("view.null-string", c -> abc(c).get((String) null)).fails(NPE, "index"),
                Case.of("view.null-entries", c -> abc(c).get((Index[]) null)).fails(NPE, "index"),
                Case.of("view.huge-index", c -> abc(c).get("99999999999999999999")).fails(IAE, "99999999999999999999"),
                Case.of("view.reversed", c -> abc(c).get("::-1").toFloatArray()).returns(new float[] {3, 2, 1}),
                Case.of("view.empty-slice", c -> abc(c).get("2:1").size()).returns(0L),
                Case.of("view.slice-beyond-end", c -> abc(c).get("1:100").toFloatArray()).returns(new float[] {2, 3}),
                Case.of("view.fill-broadcast-view", c -> c.track(abc(c).broadcastTo(2, 3)).fill(1))
                        .fails(IAE, "broadcast view"),
                Case.of("view.kernel-writes-broadcast-view", c -> {
                    c.ctx().elementwiseKernel("float *x", "x[i] = 1", "k").call(c.track(abc(c).broadcastTo(2, 3)));
                    return null;
                }).fails(IAE, "broadcast"),
                Case.of("view.put-shape-mismatch", c -> abc(c).put(":", c.zeros(DType.FLOAT32, 4))).fails(IAE,
                        "broadcast", "(4,)", "(3,)"),
                Case.of("view.put-through-view", c -> {
                    GPUArray a = c.f32(1, 2, 3, 4, 5, 6);
                    a.reshape(2, 3).put(":, 1", 0f);
                    return a.toFloatArray();
                }).returns(new float[] {1, 0, 3, 4, 0, 6}),
                Case.of("view.permute-repeated", c -> c.zeros(DType.FLOAT32, 2, 3).permute(0, 0)).fails(IAE, "repeated"),
                Case.of("view.permute-wrong-count", c -> c.zeros(DType.FLOAT32, 2, 3).permute(0)).fails(IAE, "axes"),
                Case.of("view.permute-null", c -> c.zeros(DType.FLOAT32, 2, 3).permute((int[]) null)).fails(NPE, "order"),
                Case.of("view.broadcast-null", c -> abc(c).broadcastTo((long[]) null)).fails(NPE, "shape"),
                Case.of("view.squeeze-null", c -> abc(c).squeeze((int[]) null)).fails(NPE, "axes"),
                Case.of("view.assign-null", c -> abc(c).assign(null)).fails(NPE, "source"),
                Case.of("view.swap-out-of-range", c -> c.zeros(DType.FLOAT32, 2, 3).swapAxes(0, 5)).fails(IAE, "axis 5"),
                Case.of("view.squeeze-not-one", c -> abc(c).squeeze(0)).fails(IAE, "cannot squeeze", "3"),
                Case.of("view.expand-out-of-range", c -> abc(c).expandDims(5)).fails(IAE, "axis 5"),
                Case.of("view.diagonal-1d", c -> abc(c).diagonal()).fails(IAE, "2 dimensions", "(3,)"),
                Case.of("view.diagonal-beyond", c -> c.zeros(DType.FLOAT32, 2, 2).diagonal(10).size()).returns(0L),
                Case.of("view.broadcast-incompatible", c -> abc(c).broadcastTo(4)).fails(IAE, "(3,)", "(4,)"),
                Case.of("view.broadcast-negative", c -> abc(c).broadcastTo(-1, 3)).fails(IAE, "negative"),
                Case.of("view.out-wrong-shape", c -> abc(c).add(abc(c), c.zeros(DType.FLOAT32, 2))).fails(IAE, "(2,)"),
                Case.of("view.out-in-place", c -> {
                    GPUArray a = abc(c);
                    a.mul(a, a);
                    return a.toFloatArray();
                }).returns(new float[] {1, 4, 9}),
                Case.of("view.kernel-on-transposed", c -> {
                    GPUArray t = c.track(c.f32(1, 2, 3, 4, 5, 6).reshape(2, 3).T());
                    GPUArray out = c.zeros(DType.FLOAT32, 3, 2);
                    c.ctx().elementwiseKernel("float *x, float *y", "y[i] = 10 * x[i]", "k").call(t, out);
                    return out.toFloatArray();
                }).returns(new float[] {10, 40, 20, 50, 30, 60}),
                Case.of("view.sum-of-reversed-step", c -> c.f64(1, 2, 3, 4, 5).get("::-2").sum().item()).returns(9.0),
                Case.of("view.matmul-transposed", c -> c.f32(1, 2, 3, 4).reshape(2, 2).T().matmul(
                        c.f32(1, 0, 0, 1).reshape(2, 2)).toFloatArray()).returns(new float[] {1, 3, 2, 4}).inChild(),
                Case.of("view.fft-of-strided", c -> c.ctx().fft().rfft(c.f32(1, 9, 2, 9, 3, 9).get("::2")).toFloatArray())
                        .expect(Expectation.close(new double[] {6, 0, -1.5, 0.8660254}, 1e-5)).inChild());
    }

    /** [1, 2, 3] as float32. */
    private static GPUArray abc(CaseContext c) {
        return c.f32(1, 2, 3);
    }
}
