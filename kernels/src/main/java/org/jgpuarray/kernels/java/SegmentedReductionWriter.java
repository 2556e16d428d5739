package org.jgpuarray.kernels.java;

import java.util.ArrayList;
import java.util.List;
import org.jgpuarray.kernels.IndexSpace;
import org.jgpuarray.kernels.ReductionSpec;

/**
 * Translates a segmented reduction spec into a {@link JavaSegmentedReductionKernel} class. Positions are Java
 * {@code int}s (every CPU buffer is one Java array): an output's first positions ({@code b_x$}) come from its
 * outer coordinates, and each element's from its inner coordinates, affine in the element's index when there is
 * one inner dimension (so HotSpot can hoist the range checks), else kept by an odometer. As in
 * {@link ReductionWriter}, a segment is reduced in blocks of 64 elements by four accumulators and the blocks are
 * combined pairwise, so long float32 segments keep a tree reduction's accuracy; a segment whose elements are
 * neighbours (stride 1) gets a loop of its own, with plain subscripts. {@code reduceAcross} applies the same scheme
 * to tiles of up to {@value #TILE} neighbouring outputs, whose inner loop over the tile reads memory in order when
 * the outputs are neighbours (stride 1).
 */
final class SegmentedReductionWriter {
    /**
     * Outputs that {@code reduceAcross} advances together: 4 KiB of float32 per inner position when they are
     * neighbours, so that each inner position reads pages whole (narrow tiles stride through a page per element).
     */
    static final int TILE = 1024;
    private static final int LANES = 4;
    /** Inner positions a tile's loop over its outputs takes at once. */
    private static final int ROWS = 4;
    private static final int BLOCK = ReductionWriter.BLOCK;
    private static final int LEVELS = 48;

    private final ReductionSpec spec;
    private final IndexSpace space;
    private final int outer;
    private final String t;
    private final String mapped;
    private final String index;
    private final List<String> at = new ArrayList<>();
    private final CodeWriter out;

    private SegmentedReductionWriter(ReductionSpec spec, String mapped, String index, List<Symbol> positions,
                                     CodeWriter out, CType type) {
        this.spec = spec;
        this.space = spec.indexSpace();
        this.outer = spec.outerDims();
        this.t = type.javaName();
        this.mapped = mapped;
        this.index = index;
        positions.forEach(p -> at.add(p.javaName()));
        this.out = out;
    }

    /** The generated source of {@code spec}, which must be segmented. */
    static JavaSource write(ReductionSpec spec) {
        CType type = CType.of(spec.outputType());
        Translation t = new Translation(spec.preamble());
        TExpr neutral = t.expression("neutral", spec.neutral(), t.methodScope(), type);
        Scope reduceScope = t.methodScope();
        Symbol a = reduceScope.declareBuiltin("a", type, Symbol.Kind.OPERAND);
        Symbol b = reduceScope.declareBuiltin("b", type, Symbol.Kind.OPERAND);
        TExpr reduce = t.expression("reduce_expr", spec.reduceExpression(), reduceScope, type);
        Scope method = t.methodScope();
        List<Symbol> arguments = ClassWriter.declareArguments(spec.arguments(), method);
        method.declareBuiltin("n", CType.LONG, Symbol.Kind.COUNT);
        Scope loop = method.block();
        Symbol index = loop.declareBuiltin("i", CType.LONG, Symbol.Kind.INDEX);
        List<Symbol> positions = new ArrayList<>();
        for (String array : spec.indexSpace().arrays()) {
            positions.add(loop.declareBuiltin(IndexSpace.at(array), CType.LONG, Symbol.Kind.LOCAL));
        }
        TExpr map = t.expression("map_expr", spec.mapExpression(), loop, type);
        String mapped = new ExprEmitter(null).value(map, JavaKind.of(type)).text();

        String className = ClassNames.of("SegmentedReduction", spec.name(), spec.toString());
        ClassWriter writer = new ClassWriter();
        CodeWriter out = writer.header(className, JavaSegmentedReductionKernel.class,
                "segmented reduction '" + spec.name() + "'");
        SegmentedReductionWriter w = new SegmentedReductionWriter(spec, mapped, index.javaName(), positions, out, type);
        w.reducePart(writer, arguments);
        w.reduceAlong(writer, arguments);
        w.reduceAcross(writer, arguments);
        w.combineInto();
        OperatorMethods.write(out, type, a, b, reduce, neutral);
        return new JavaSource(className, writer.finish(t));
    }

    private void reducePart(ClassWriter writer, List<Symbol> arguments) {
        out.line("@Override");
        out.open("public Object reducePart(Object[] args$, long n, long o$, long from$, long to$) {");
        prologue(writer, arguments);
        out.line("final " + t + "[] levels$ = new " + t + "[" + LEVELS + "];");
        outerBase("o$");
        segment("from$", "to$");
        out.line("return " + ClassWriter.box("seg$", CType.of(spec.outputType())) + ";");
        out.close("}");
    }

    private void reduceAlong(ClassWriter writer, List<Symbol> arguments) {
        out.line("");
        out.line("@Override");
        out.open("public void reduceAlong(Object[] args$, long n, long from$, long to$, Object out$) {");
        prologue(writer, arguments);
        out.line("final " + t + "[] result$ = (" + t + "[]) out$;");
        out.line("final " + t + "[] levels$ = new " + t + "[" + LEVELS + "];");
        out.open("for (long o$ = from$; o$ < to$; o$++) {");
        outerBase("o$");
        segment("0", "n");
        out.line("result$[(int) o$] = seg$;");
        out.close("}");
        out.close("}");
    }

    private void reduceAcross(ClassWriter writer, List<Symbol> arguments) {
        int q = outer - 1;
        out.line("");
        out.line("@Override");
        out.open("public void reduceAcross(Object[] args$, long n, long from$, long to$, long first$, long last$,"
                + " Object out$) {");
        prologue(writer, arguments);
        List<String> unit = new ArrayList<>();
        for (String a : space.arrays()) {
            out.line("final int sq_" + a + "$ = (int) " + IndexSpace.stride(a, q) + ";");
            unit.add("sq_" + a + "$ == 1");
        }
        out.line("final boolean unit$ = " + String.join(" && ", unit) + ";");
        out.line("final " + t + "[] result$ = (" + t + "[]) out$;");
        out.line("final " + t + "[] acc$ = new " + t + "[" + TILE + "];");
        out.line("final int end$ = (int) last$;");
        out.line("final " + t + "[] levels$ = new " + t + "[Math.max(1, 64 - Long.numberOfLeadingZeros((last$ - first$ + "
                + (BLOCK - 1) + ") / " + BLOCK + ")) * " + TILE + "];");
        out.line("long o$ = from$;");
        out.open("while (o$ < to$) {");
        outerBase("o$");
        out.line("final int width$ = (int) Math.min(Math.min(" + TILE + ", " + IndexSpace.shape(q) + " - oc" + q
                + "$), to$ - o$);");
        out.line("int depth$ = 0;");
        out.line("long blocks$ = 0;");
        out.open("for (int start$ = (int) first$; start$ < end$; start$ += " + BLOCK + ") {");
        out.line("final int stop$ = Math.min(end$, start$ + " + BLOCK + ");");
        out.open("for (int b$ = 0; b$ < width$; b$++) {");
        out.line("acc$[b$] = neutral$();");
        out.close("}");
        boolean affine = space.ndim() - outer == 1;
        if (!affine) {
            odometerStart("start$");
        }
        out.line("int j$ = start$;");
        out.open("for (; j$ <= stop$ - " + ROWS + "; j$ += " + ROWS + ") {");
        rows(ROWS, affine);
        out.close("}");
        out.open("for (; j$ < stop$; j$++) {");
        rows(1, affine);
        out.close("}");
        out.open("for (long pairs$ = blocks$++; (pairs$ & 1) != 0; pairs$ >>>= 1) {");
        out.line("depth$--;");
        out.open("for (int c$ = 0; c$ < width$; c$++) {");
        out.line("acc$[c$] = reduce$(levels$[depth$ * " + TILE + " + c$], acc$[c$]);");
        out.close("}");
        out.close("}");
        out.line("System.arraycopy(acc$, 0, levels$, depth$ * " + TILE + ", width$);");
        out.line("depth$++;");
        out.close("}");
        out.open("for (int b$ = 0; b$ < width$; b$++) {");
        out.line(t + " r$ = neutral$();");
        out.open("for (int k$ = 0; k$ < depth$; k$++) {");
        out.line("r$ = reduce$(r$, levels$[k$ * " + TILE + " + b$]);");
        out.close("}");
        out.line("result$[(int) o$ + b$] = r$;");
        out.close("}");
        out.line("o$ += width$;");
        out.close("}");
        out.close("}");
    }

    /** {@code into[k] = reduce(into[k], part[k])} over a range of outputs, one typed loop. */
    private void combineInto() {
        out.line("");
        out.line("@Override");
        out.open("public void combineInto(Object into$, Object part$, long from$, long to$) {");
        out.line("final " + t + "[] a$ = (" + t + "[]) into$;");
        out.line("final " + t + "[] p$ = (" + t + "[]) part$;");
        out.line("final int end$ = (int) to$;");
        out.open("for (int k$ = (int) from$; k$ < end$; k$++) {");
        out.line("a$[k$] = reduce$(a$[k$], p$[k$]);");
        out.close("}");
        out.close("}");
    }

    /**
     * Inner positions {@code j$} to {@code j$ + count - 1} into the accumulators of a tile's outputs: each row's
     * first position {@code r<k>_x$}, then the loop over the outputs, which combines the rows' values before it
     * updates {@code acc$[b$]} (one load and store of the accumulator per {@code count} elements; with unit strides
     * every subscript is the loop index plus an invariant, so HotSpot hoists the range checks).
     */
    private void rows(int count, boolean affine) {
        for (int r = 0; r < count; r++) {
            for (String a : space.arrays()) {
                String position = affine ? "b_" + a + "$ + (j$ + " + r + ") * " + innerStride(a, outer) : "p_" + a + "$";
                out.line("final int r" + r + "_" + a + "$ = " + position + ";");
            }
            if (!affine) {
                advance(space.ndim() - 1);
            }
        }
        out.open("if (unit$) {");
        outputs(count, false);
        out.close("} else {");
        out.indent();
        outputs(count, true);
        out.close("}");
    }

    private void outputs(int count, boolean strided) {
        out.open("for (int b$ = 0; b$ < width$; b$++) {");
        for (int r = 0; r < count; r++) {
            out.line(t + " v" + r + "$;");
            out.open("{");
            out.line("final long " + index + " = j$ + " + r + ";");
            for (int k = 0; k < at.size(); k++) {
                String a = space.arrays().get(k);
                out.line("final int " + at.get(k) + " = r" + r + "_" + a + "$ + " + (strided ? "b$ * sq_" + a + "$" : "b$")
                        + ";");
            }
            out.line("v" + r + "$ = " + mapped + ";");
            out.close("}");
        }
        String combined = pairwise(0, count);
        out.line("acc$[b$] = reduce$(acc$[b$], " + combined + ");");
        out.close("}");
    }

    /** {@code v<from>$} to {@code v<to - 1>$} combined as a balanced tree of {@code reduce$}. */
    private static String pairwise(int from, int to) {
        if (to - from == 1) {
            return "v" + from + "$";
        }
        int middle = (from + to) / 2;
        return "reduce$(" + pairwise(from, middle) + ", " + pairwise(middle, to) + ")";
    }

    /** Unpacks the arguments and the inner extents and strides as ints. */
    private void prologue(ClassWriter writer, List<Symbol> arguments) {
        writer.unpackArguments(arguments);
        for (int d = outer; d < space.ndim(); d++) {
            out.line("final int sh" + d + "$ = (int) " + IndexSpace.shape(d) + ";");
            for (String a : space.arrays()) {
                out.line("final int " + innerStride(a, d) + " = (int) " + IndexSpace.stride(a, d) + ";");
            }
        }
    }

    private static String innerStride(String array, int d) {
        return "s" + d + "_" + array + "$";
    }

    /** Declares the outer coordinates {@code oc<d>$} of output {@code o} and each array's first position {@code b_x$}. */
    private void outerBase(String o) {
        out.line("long orest$ = " + o + ";");
        for (int d = outer - 1; d >= 1; d--) {
            out.line("final long oc" + d + "$ = orest$ % " + IndexSpace.shape(d) + ";");
            out.line("orest$ /= " + IndexSpace.shape(d) + ";");
        }
        out.line("final long oc0$ = orest$;");
        for (String a : space.arrays()) {
            StringBuilder position = new StringBuilder(IndexSpace.offset(a));
            for (int d = 0; d < outer; d++) {
                position.append(" + oc").append(d).append("$ * ").append(IndexSpace.stride(a, d));
            }
            out.line("final int b_" + a + "$ = (int) (" + position + ");");
        }
    }

    /** Declares {@code seg$}, the reduction of inner positions {@code [from, to)} of the output at {@code b_x$}. */
    private void segment(String from, String to) {
        out.line(t + " seg$;");
        out.open("{");
        out.line("int depth$ = 0;");
        out.line("long blocks$ = 0;");
        out.line("final int end$ = (int) (" + to + ");");
        boolean affine = space.ndim() - outer == 1;
        if (affine) {
            List<String> unit = new ArrayList<>();
            for (String a : space.arrays()) {
                unit.add(innerStride(a, outer) + " == 1");
            }
            out.open("if (" + String.join(" && ", unit) + ") {");
            blocks(from, Stride.UNIT);
            out.close("} else {");
            out.indent();
            blocks(from, Stride.ANY);
            out.close("}");
        } else {
            odometerStart(from);
            blocks(from, Stride.ODOMETER);
        }
        out.line("seg$ = neutral$();");
        out.open("for (int k$ = 0; k$ < depth$; k$++) {");
        out.line("seg$ = reduce$(seg$, levels$[k$]);");
        out.close("}");
        out.close("}");
    }

    /** How an element's position follows from its inner index {@code k$}. */
    private enum Stride {
        /** {@code b_x$ + k$}: every array steps by one (HotSpot hoists the range checks). */
        UNIT,
        /** {@code b_x$ + k$ * s_x$}. */
        ANY,
        /** Kept by the odometer {@code p_x$} (several inner dimensions). */
        ODOMETER
    }

    /** The blocks of {@value #BLOCK} elements from {@code from} to {@code end$}, combined pairwise into {@code levels$}. */
    private void blocks(String from, Stride stride) {
        out.open("for (int start$ = (int) (" + from + "); start$ < end$; start$ += " + BLOCK + ") {");
        out.line("final int stop$ = Math.min(end$, start$ + " + BLOCK + ");");
        for (int lane = 0; lane < LANES; lane++) {
            out.line(t + " acc" + lane + "$ = neutral$();");
        }
        out.line("int j$ = start$;");
        out.open("for (; j$ <= stop$ - " + LANES + "; j$ += " + LANES + ") {");
        for (int lane = 0; lane < LANES; lane++) {
            element(lane, lane, stride);
        }
        out.close("}");
        out.open("for (; j$ < stop$; j$++) {");
        element(0, 0, stride);
        out.close("}");
        out.line(t + " block$ = reduce$(reduce$(acc0$, acc1$), reduce$(acc2$, acc3$));");
        out.open("for (long pairs$ = blocks$++; (pairs$ & 1) != 0; pairs$ >>>= 1) {");
        out.line("block$ = reduce$(levels$[--depth$], block$);");
        out.close("}");
        out.line("levels$[depth$++] = block$;");
        out.close("}");
    }

    /** One element into accumulator {@code lane}: inner position {@code j$ + offset}. */
    private void element(int lane, int offset, Stride stride) {
        out.open("{");
        out.line("final int k$ = j$ + " + offset + ";");
        out.line("final long " + index + " = k$;");
        for (int k = 0; k < at.size(); k++) {
            String a = space.arrays().get(k);
            String position = switch (stride) {
                case UNIT -> "b_" + a + "$ + k$";
                case ANY -> "b_" + a + "$ + k$ * " + innerStride(a, outer);
                case ODOMETER -> "p_" + a + "$";
            };
            out.line("final int " + at.get(k) + " = " + position + ";");
        }
        out.line("acc" + lane + "$ = reduce$(acc" + lane + "$, " + mapped + ");");
        if (stride == Stride.ODOMETER) {
            advance(space.ndim() - 1);
        }
        out.close("}");
    }

    /** Declares the inner coordinates {@code ic<d>$} of inner position {@code from} and positions {@code p_x$}. */
    private void odometerStart(String from) {
        out.line("long irest$ = " + from + ";");
        for (int d = space.ndim() - 1; d > outer; d--) { // an empty dimension leaves no position to visit
            out.line("int ic" + d + "$ = (int) (irest$ % Math.max(1, sh" + d + "$));");
            out.line("irest$ /= Math.max(1, sh" + d + "$);");
        }
        out.line("int ic" + outer + "$ = (int) irest$;");
        for (String a : space.arrays()) {
            StringBuilder position = new StringBuilder("b_" + a + "$");
            for (int d = outer; d < space.ndim(); d++) {
                position.append(" + ic").append(d).append("$ * ").append(innerStride(a, d));
            }
            out.line("int p_" + a + "$ = " + position + ";");
        }
    }

    /** Moves the positions to the next inner position: dimension {@code d} by one, carrying into outer ones. */
    private void advance(int d) {
        for (String a : space.arrays()) {
            out.line("p_" + a + "$ += " + innerStride(a, d) + ";");
        }
        if (d == outer) {
            out.line("ic" + d + "$++;");
            return;
        }
        out.open("if (++ic" + d + "$ == sh" + d + "$) {");
        out.line("ic" + d + "$ = 0;");
        for (String a : space.arrays()) {
            out.line("p_" + a + "$ -= sh" + d + "$ * " + innerStride(a, d) + ";");
        }
        advance(d - 1);
        out.close("}");
    }
}
