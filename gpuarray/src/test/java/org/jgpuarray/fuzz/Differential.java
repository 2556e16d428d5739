package org.jgpuarray.fuzz;

import java.util.ArrayList;
import java.util.List;
import org.jgpuarray.DType;
import org.jgpuarray.ElementwiseKernel;
import org.jgpuarray.GPUArray;
import org.jgpuarray.GpuContext;
import org.jgpuarray.ReductionKernel;

/**
 * Runs generated cases on a reference context (the CPU backend) and another one, and compares what
 * every output holds afterwards.
 */
final class Differential {
    /** What one run of a kernel gave: the outputs (by argument position), or why it did not run. */
    record Run(List<Object> outputs, RuntimeException failure) {
        boolean ran() {
            return failure == null;
        }
    }

    private final GpuContext reference;
    private final GpuContext other;
    /** Nanoseconds spent building and running on the reference, and on the other context. */
    final long[] nanos = new long[2];

    Differential(GpuContext reference, GpuContext other) {
        this.reference = reference;
        this.other = other;
    }

    GpuContext reference() {
        return reference;
    }

    GpuContext other() {
        return other;
    }

    /** Runs a batch; a batch that does not build is split so that each finding names one case. */
    List<Finding> batch(Batch b) {
        long t0 = System.nanoTime();
        Run cpu = elementwise(reference, b);
        long t1 = System.nanoTime();
        Run gpu = elementwise(other, b);
        nanos[0] += t1 - t0;
        nanos[1] += System.nanoTime() - t1;
        if (Boolean.getBoolean("jgpuarray.fuzz.timing")) {
            System.out.printf("batch of %d: %d chars, cpu %.2f s, other %.2f s%n", b.cases().size(),
                    b.operation().length() + b.preamble().length(), (t1 - t0) / 1e9, (System.nanoTime() - t1) / 1e9);
        }
        if (cpu.ran() && gpu.ran()) {
            List<Finding> found = new ArrayList<>();
            int position = 0;
            for (FuzzCase c : b.cases()) {
                Finding f = compare(c, cpu, gpu, position);
                if (f != null) {
                    found.add(f);
                }
                position += c.arguments().size();
            }
            return found;
        }
        if (b.cases().size() == 1) {
            return List.of(Finding.failed(b.cases().get(0), cpu.failure(), gpu.failure()));
        }
        List<Finding> found = new ArrayList<>();
        for (FuzzCase c : b.cases()) {
            found.addAll(batch(new Batch(List.of(c))));
        }
        return found;
    }

    /** Runs one case alone (an elementwise one as a batch of one) and gives its finding, or null. */
    Finding single(FuzzCase c) {
        if (c.reduction() == null) {
            List<Finding> f = batch(new Batch(List.of(c)));
            return f.isEmpty() ? null : f.get(0);
        }
        long t0 = System.nanoTime();
        Run cpu = reduction(reference, c);
        long t1 = System.nanoTime();
        Run gpu = reduction(other, c);
        nanos[0] += t1 - t0;
        nanos[1] += System.nanoTime() - t1;
        if (!cpu.ran() || !gpu.ran()) {
            return Finding.failed(c, cpu.failure(), gpu.failure());
        }
        FuzzCase.Reduction r = c.reduction();
        String diff = Compare.element(r.check(), r.type(), cpu.outputs().get(0), gpu.outputs().get(0), 0);
        return diff == null ? null : Finding.mismatch(c, "the reduction's result", -1, diff);
    }

    private static Finding compare(FuzzCase c, Run cpu, Run gpu, int position) {
        for (int a = 0; a < c.arguments().size(); a++) {
            FuzzCase.Arg arg = c.arguments().get(a);
            if (arg.check() == null) {
                continue;
            }
            Object x = cpu.outputs().get(position + a);
            Object y = gpu.outputs().get(position + a);
            for (int k = 0; k < c.n(); k++) {
                String diff = Compare.element(arg.check(), arg.type(), x, y, k);
                if (diff != null) {
                    return Finding.mismatch(c, arg.name(), k, diff);
                }
            }
        }
        return null;
    }

    static Run elementwise(GpuContext ctx, Batch b) {
        List<FuzzCase.Arg> args = b.arguments();
        List<GPUArray> arrays = new ArrayList<>();
        try {
            ElementwiseKernel k = ctx.elementwiseKernelBuilder(b.argumentList(), b.operation(), "fuzz")
                    .preamble(b.preamble()).loopPrep(b.loopPrep()).build();
            Object[] values = new Object[args.size()];
            for (int a = 0; a < args.size(); a++) {
                FuzzCase.Arg arg = args.get(a);
                if (arg.array()) {
                    GPUArray g = upload(ctx, arg.values());
                    arrays.add(g);
                    values[a] = g;
                } else {
                    values[a] = arg.values();
                    arrays.add(null);
                }
            }
            k.call(values);
            List<Object> outputs = new ArrayList<>();
            for (int a = 0; a < args.size(); a++) {
                outputs.add(args.get(a).check() == null ? null : download(arrays.get(a), args.get(a).type()));
            }
            return new Run(outputs, null);
        } catch (RuntimeException | StackOverflowError e) {
            return new Run(null, e instanceof RuntimeException r ? r : new IllegalStateException(e));
        } finally {
            for (GPUArray g : arrays) {
                if (g != null) {
                    g.close();
                }
            }
        }
    }

    static Run reduction(GpuContext ctx, FuzzCase c) {
        FuzzCase.Reduction r = c.reduction();
        List<GPUArray> arrays = new ArrayList<>();
        try {
            ReductionKernel k = ctx.reductionKernelBuilder(r.type().dtype(), r.neutral(), r.reduce(), r.map(),
                    c.argumentList()).preamble(c.preamble()).build();
            Object[] values = new Object[c.arguments().size()];
            for (int a = 0; a < values.length; a++) {
                FuzzCase.Arg arg = c.arguments().get(a);
                if (arg.array()) {
                    GPUArray g = upload(ctx, arg.values());
                    arrays.add(g);
                    values[a] = g;
                } else {
                    values[a] = arg.values();
                }
            }
            try (GPUArray result = k.call(values)) {
                return new Run(List.of(download(result, r.type())), null);
            }
        } catch (RuntimeException | StackOverflowError e) {
            return new Run(null, e instanceof RuntimeException x ? x : new IllegalStateException(e));
        } finally {
            for (GPUArray g : arrays) {
                g.close();
            }
        }
    }

    private static GPUArray upload(GpuContext ctx, Object values) {
        if (values instanceof int[] v) {
            return ctx.toGpu(v);
        } else if (values instanceof long[] v) {
            return ctx.toGpu(v);
        } else if (values instanceof float[] v) {
            return ctx.toGpu(v);
        } else if (values instanceof double[] v) {
            return ctx.toGpu(v);
        }
        return ctx.toGpu((boolean[]) values);
    }

    private static Object download(GPUArray g, FuzzType t) {
        return switch (t) {
            case BOOL -> g.toBooleanArray();
            case INT -> g.toIntArray();
            case LONG -> g.toLongArray();
            case FLOAT -> g.toFloatArray();
            case DOUBLE -> g.toDoubleArray();
        };
    }

    /** The dtype of a type, for callers that build arrays. */
    static DType dtype(FuzzType t) {
        return t.dtype();
    }
}
