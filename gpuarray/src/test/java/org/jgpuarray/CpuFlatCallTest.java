package org.jgpuarray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.jgpuarray.kernels.ArgumentList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The one-pass check of common kernel calls ({@link FlatCall}) against the general one
 * ({@link KernelArguments#check}): over random mixes of right and wrong arguments, the fast path takes
 * exactly the calls the general path runs as written (every array flat and of one shape), with the same
 * launch values and n, and throws only what the general path throws, with the same message.
 */
class CpuFlatCallTest {
    private static final String KERNEL = "flat_mix";
    private static final ArgumentList ARGUMENTS = ArgumentList.parse(
            "float a, float *x, double b, float *y, int m, long q, float *z");

    private GpuContext ctx;
    private GpuContext other;

    @BeforeEach
    void open() {
        ctx = GpuContext.create("cpu");
        other = GpuContext.create("cpu");
    }

    @AfterEach
    void close() {
        ctx.close();
        other.close();
    }

    @Test
    void theFastPathTakesExactlyTheFlatCallsWithTheGeneralPathsValuesAndMessages() {
        long seed = new SplittableRandom().nextLong();
        SplittableRandom random = new SplittableRandom(seed);
        List<Object> arrays = arrayCandidates();
        List<Object> scalars = scalarCandidates(arrays);
        FlatCall fast = new FlatCall(ctx, KERNEL, ARGUMENTS);
        int taken = 0;
        for (int trial = 0; trial < 4000; trial++) {
            Object[] args = new Object[ARGUMENTS.size() + (random.nextInt(40) == 0 ? 1 : 0)];
            for (int k = 0; k < args.length; k++) {
                boolean array = k < ARGUMENTS.size() && ARGUMENTS.get(k).array();
                // mostly right arguments, so that whole calls pass often
                List<Object> pool = random.nextInt(6) == 0 ? (array ? scalars : arrays) : (array ? arrays : scalars);
                args[k] = pool.get(random.nextInt(random.nextInt(3) == 0 ? pool.size() : Math.min(3, pool.size())));
            }
            String where = "seed " + seed + ", trial " + trial + ", arguments " + describe(args);
            Object[] generalValues = null;
            long generalSize = -1;
            RuntimeException generalFailure = null;
            try {
                KernelArguments.Checked c = KernelArguments.check(ctx, KERNEL, ARGUMENTS, args);
                if (c.allFlat() && c.sameShapes()) {
                    generalValues = c.values();
                    generalSize = c.firstSize();
                }
            } catch (RuntimeException e) {
                generalFailure = e;
            }
            Object[] fastValues;
            try {
                fastValues = fast.values(args);
            } catch (RuntimeException e) {
                assertNotNull(generalFailure, "the fast path threw where the general path did not: " + e + "; " + where);
                assertSame(generalFailure.getClass(), e.getClass(), where);
                assertEquals(generalFailure.getMessage(), e.getMessage(), where);
                continue;
            }
            if (generalValues == null) {
                assertEquals(null, fastValues, "the fast path took a call the general path does not run as written ("
                        + generalFailure + "); " + where);
                continue;
            }
            assertNotNull(fastValues, "the fast path left a flat call to the general path; " + where);
            taken++;
            assertEquals(generalSize, fast.size(args), where);
            assertEquals(generalValues.length, fastValues.length, where);
            for (int k = 0; k < generalValues.length; k++) {
                if (ARGUMENTS.get(k).array()) {
                    assertSame(generalValues[k], fastValues[k], "argument " + k + "; " + where);
                } else {
                    assertSame(generalValues[k].getClass(), fastValues[k].getClass(), "argument " + k + "; " + where);
                    assertEquals(generalValues[k], fastValues[k], "argument " + k + "; " + where);
                }
            }
        }
        assertTrue(taken > 100, "too few calls took the fast path (" + taken + ") to say anything; seed " + seed);
    }

    @Test
    void aCachedCallOnFlatArraysConvertsItsScalarsAsDeclared() {
        long seed = new SplittableRandom().nextLong();
        SplittableRandom random = new SplittableRandom(seed);
        int n = 1000003;
        float[] hx = new float[n];
        for (int i = 0; i < n; i++) {
            hx[i] = (float) (random.nextDouble() * 2 - 1);
        }
        ElementwiseKernel k = ctx.elementwiseKernel("float a, float *x, int m, float *z", "z[i] = a * x[i] + m", "flat_axpb");
        float a = (float) random.nextDouble();
        // a Float as declared, then a Double and a Long for the float and int parameters (converted first)
        Object[][] calls = {{a, 3}, {(double) a, 3L}};
        try (GPUArray x = ctx.toGpu(hx)) {
            for (Object[] scalars : calls) {
                try (GPUArray z = ctx.full(DType.FLOAT32, Float.NaN, n)) {
                    k.call(scalars[0], x, scalars[1], z);
                    float[] got = z.toFloatArray();
                    for (int i = 0; i < n; i++) {
                        double expected = (double) a * hx[i] + 3;
                        if (!(Math.abs(got[i] - expected) <= 1e-6 * (1 + Math.abs(expected)))) {
                            fail("z[" + i + "] = " + got[i] + ", expected " + expected + " with scalars "
                                    + scalars[0].getClass().getSimpleName() + " and "
                                    + scalars[1].getClass().getSimpleName() + "; seed " + seed);
                        }
                    }
                }
            }
        }
    }

    /** Flat float32 arrays of one shape first (the common case), then every kind of array the fast path must leave. */
    private List<Object> arrayCandidates() {
        List<Object> arrays = new ArrayList<>();
        arrays.add(ctx.zeros(DType.FLOAT32, 6));
        arrays.add(ctx.zeros(DType.FLOAT32, 6));
        arrays.add(ctx.zeros(DType.FLOAT32, 6));
        arrays.add(ctx.zeros(DType.FLOAT32, 2, 3)); // flat, another shape: PyCUDA's rule in the general path
        arrays.add(ctx.zeros(DType.FLOAT32, 12).get("::2")); // strided view
        arrays.add(ctx.zeros(DType.FLOAT32, 7).get("1:")); // offset view
        arrays.add(ctx.zeros(DType.FLOAT32, 0));
        arrays.add(ctx.zeros(DType.FLOAT64, 6));
        arrays.add(other.zeros(DType.FLOAT32, 6));
        GPUArray closed = ctx.zeros(DType.FLOAT32, 6);
        closed.close();
        arrays.add(closed);
        arrays.add(null);
        arrays.add("x");
        return arrays;
    }

    private static List<Object> scalarCandidates(List<Object> arrays) {
        List<Object> scalars = new ArrayList<>();
        scalars.add(2.5f);
        scalars.add(7);
        scalars.add(3L);
        scalars.add(0.1);
        scalars.add(Double.NaN);
        scalars.add(1e40);
        scalars.add(2.5); // a fraction for the integer parameters
        scalars.add(1L << 40); // out of int32's range
        scalars.add((short) 4);
        scalars.add(true);
        scalars.add(new BigDecimal("1.5"));
        scalars.add(BigInteger.TEN.pow(30));
        scalars.add(null);
        scalars.add("2");
        scalars.add(arrays.get(0));
        return scalars;
    }

    private static String describe(Object[] args) {
        StringBuilder s = new StringBuilder("[");
        for (Object a : args) {
            s.append(s.length() > 1 ? ", " : "").append(a instanceof GPUArray g
                    ? g.dtype().numpyName() + Shapes.format(g.shape()) + (g.isFlat() ? "" : " view")
                    : a == null ? "null" : a.getClass().getSimpleName() + " " + a);
        }
        return s.append("]").toString();
    }
}
