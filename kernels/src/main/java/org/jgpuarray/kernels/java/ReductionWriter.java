package org.jgpuarray.kernels.java;

import java.util.List;
import org.jgpuarray.kernels.ReductionSpec;

/**
 * Translates a map-reduce spec into a {@link JavaReductionKernel} class. A range is reduced in blocks of
 * {@value #BLOCK} elements, each by four interleaved primitive accumulators ({@code reduce$(acc$, map)}),
 * and the block results are combined pairwise (a binary counter of partial results), so a float32 sum of
 * ten million elements keeps its error near that of a tree reduction, as on GPUs and in NumPy, instead
 * of growing with the length. The reduce expression and neutral value are private static methods that
 * {@code combine} and {@code neutral} box.
 */
final class ReductionWriter {
    /**
     * Independent accumulators per block: four dependency chains instead of one let the CPU overlap
     * the additions (HotSpot never reassociates floating-point reductions itself). The reduction is
     * associative and commutative by contract, as on GPUs.
     */
    private static final int LANES = 4;
    /** Elements per block: 16 per accumulator, as NumPy's pairwise summation keeps its leaves short. */
    static final int BLOCK = 64;
    /** Pairwise levels a range can need: 2^48 blocks is more than any Java array holds. */
    private static final int LEVELS = 48;

    private ReductionWriter() {
    }

    /** The generated source of {@code spec}. */
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
        TExpr map = t.expression("map_expr", spec.mapExpression(), loop, type);

        String className = ClassNames.of("Reduction", spec.name(), spec.toString());
        ClassWriter writer = new ClassWriter();
        CodeWriter out = writer.header(className, JavaReductionKernel.class, "reduction '" + spec.name() + "'");
        String t$ = type.javaName();
        ExprEmitter loopExprs = new ExprEmitter("i$");
        out.line("@Override");
        out.open("public Object reduceRange(Object[] args$, long n, long from$, long to$) {");
        writer.unpackArguments(arguments);
        String mapped = loopExprs.value(map, JavaKind.of(type)).text();
        out.line("final int end$ = (int) to$;");
        out.line("final " + t$ + "[] levels$ = new " + t$ + "[" + LEVELS + "];");
        out.line("int depth$ = 0;");
        out.line("long blocks$ = 0;");
        out.open("for (int start$ = (int) from$; start$ < end$; start$ += " + BLOCK + ") {");
        out.line("final int stop$ = Math.min(end$, start$ + " + BLOCK + ");");
        for (int lane = 0; lane < LANES; lane++) {
            out.line(t$ + " acc" + lane + "$ = neutral$();");
        }
        out.line("int base$ = start$;");
        out.open("for (; base$ <= stop$ - " + LANES + "; base$ += " + LANES + ") {");
        for (int lane = 0; lane < LANES; lane++) {
            out.open("{");
            out.line("final int i$ = base$ + " + lane + ";");
            out.line("final long " + index.javaName() + " = i$;");
            out.line("acc" + lane + "$ = reduce$(acc" + lane + "$, " + mapped + ");");
            out.close("}");
        }
        out.close("}");
        out.open("for (int i$ = base$; i$ < stop$; i$++) {");
        out.line("final long " + index.javaName() + " = i$;");
        out.line("acc0$ = reduce$(acc0$, " + mapped + ");");
        out.close("}");
        out.line(t$ + " block$ = reduce$(reduce$(acc0$, acc1$), reduce$(acc2$, acc3$));");
        out.open("for (long pairs$ = blocks$++; (pairs$ & 1) != 0; pairs$ >>>= 1) {");
        out.line("block$ = reduce$(levels$[--depth$], block$);");
        out.close("}");
        out.line("levels$[depth$++] = block$;");
        out.close("}");
        out.line(t$ + " acc$ = neutral$();");
        out.open("for (int k$ = 0; k$ < depth$; k$++) {");
        out.line("acc$ = reduce$(acc$, levels$[k$]);");
        out.close("}");
        out.line("return " + ClassWriter.box("acc$", type) + ";");
        out.close("}");
        OperatorMethods.write(out, type, a, b, reduce, neutral);
        return new JavaSource(className, writer.finish(t));
    }
}
