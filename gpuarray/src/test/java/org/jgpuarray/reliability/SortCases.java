package org.jgpuarray.reliability;

import static org.jgpuarray.reliability.Errors.IAE;
import static org.jgpuarray.reliability.Errors.NPE;

import java.util.List;
import org.jgpuarray.DType;
import org.jgpuarray.SearchSide;

/**
 * Sorting: complex dtypes, axes out of range, 0-d arrays, searchsorted in an array that is not 1-D, null
 * arguments, and strided views passed to sort, argsort, unique and searchsorted (checked against host results).
 */
final class SortCases {
    private SortCases() {
    }

    static List<Case> cases() {
        return List.of(
                Case.of("sort.complex", c -> c.zeros(DType.COMPLEX64, 3).sort()).fails(IAE, "complex64"),
                Case.of("sort.argsort-complex", c -> c.zeros(DType.COMPLEX128, 3).argsort()).fails(IAE, "complex128"),
                Case.of("sort.unique-complex", c -> c.zeros(DType.COMPLEX64, 3).unique()).fails(IAE, "unique",
                        "complex64"),
                Case.of("sort.axis-out-of-range", c -> c.zeros(DType.FLOAT32, 2, 3).sort(2)).fails(IAE, "axis 2",
                        "(2, 3)"),
                Case.of("sort.negative-axis-out-of-range", c -> c.zeros(DType.INT32, 2, 3).argsort(-3))
                        .fails(IAE, "axis -3", "(2, 3)"),
                Case.of("sort.zero-d", c -> c.track(c.f32(1, 2, 3).sum()).sort()).fails(IAE, "axis -1", "dimension 0"),
                Case.of("sort.searchsorted-2d", c -> c.zeros(DType.FLOAT32, 2, 3).searchsorted(c.f32(1)))
                        .fails(IAE, "1-D", "(2, 3)"),
                Case.of("sort.searchsorted-null-values", c -> c.f32(1, 2).searchsorted(null)).fails(NPE, "values"),
                Case.of("sort.searchsorted-null-side", c -> c.f32(1, 2).searchsorted(c.f32(1), null))
                        .fails(NPE, "side"),
                Case.of("sort.empty", c -> c.zeros(DType.FLOAT32, 0).sort().size()).returns(0L),
                Case.of("sort.reversed-view", c -> c.f32(3, 1, 2, 5).get("::-1").sort().toFloatArray())
                        .returns(new float[] {1, 2, 3, 5}),
                Case.of("sort.argsort-strided-view", c -> c.f32(2, 9, 1, 9, 2).get("::2").argsort().toLongArray())
                        .returns(new long[] {1, 0, 2}),
                Case.of("sort.axis-0-of-transposed-view", c -> c.f32(4, 1, 3, 2, 6, 5).reshape(2, 3).T().sort(0)
                        .toFloatArray()).returns(new float[] {1, 2, 3, 5, 4, 6}),
                Case.of("sort.unique-of-view", c -> c.i32(3, 1, 3, 2, 1, 2).get("1:").unique().toIntArray())
                        .returns(new int[] {1, 2, 3}),
                Case.of("sort.searchsorted-right-of-view", c -> c.f32(1, 2, 2, 3).searchsorted(
                        c.f32(0, 2, 9).get("::-1"), SearchSide.RIGHT).toLongArray()).returns(new long[] {4, 3, 0}));
    }
}
