package org.jgpuarray.kernels.java;

import java.util.ArrayList;
import java.util.List;
import org.jgpuarray.kernels.ElementwiseSpec;
import org.jgpuarray.kernels.IndexSpace;
import org.jgpuarray.kernels.SnippetSyntaxException;

/**
 * Translates an elementwise spec into a {@link JavaElementwiseKernel} class. The element loop is a plain
 * counted {@code int} loop with {@code i$} as the subscript of {@code x[i]}, so that HotSpot can remove
 * range checks and vectorize it. Arrays of an {@link IndexSpace} are addressed by {@code jga_at_x}, kept
 * by an odometer over the space's coordinates: computed once for the first element of the range, then
 * advanced by one stride per element (and a carry at the end of each row), never by division. The
 * odometer's fast loops hold the element's statements up to three times; the compact form holds them once
 * ({@link JavaSourceGenerator#elementwiseCompact}).
 */
final class ElementwiseWriter {
    private ElementwiseWriter() {
    }

    /**
     * The generated source of {@code spec}; {@code compact}: the element's statements once, in the odometer's
     * general loop only.
     */
    static JavaSource write(ElementwiseSpec spec, boolean compact) {
        Translation t = new Translation(spec.preamble());
        Scope method = t.methodScope();
        List<Symbol> arguments = ClassWriter.declareArguments(spec.arguments(), method);
        method.declareBuiltin("n", CType.LONG, Symbol.Kind.COUNT);
        List<TStmt> prep = t.statements("loop_prep", spec.loopPrep(), method, false);
        if (!Reachability.canComplete(new TStmt.Block(prep))) {
            throw new SnippetSyntaxException("loop_prep never completes, so the element loop would never run",
                    "loop_prep", "loop_prep", spec.loopPrep(), 1, 1);
        }
        Scope loop = method.block();
        Symbol index = loop.declareBuiltin("i", CType.LONG, Symbol.Kind.INDEX);
        IndexSpace space = spec.indexSpace();
        List<Symbol> positions = new ArrayList<>();
        for (String a : space.arrays()) {
            positions.add(loop.declareBuiltin(IndexSpace.at(a), CType.LONG, Symbol.Kind.LOCAL));
        }
        List<TStmt> operation = t.statements("operation", spec.operation(), loop, true);
        List<TStmt> after = t.statements("after_loop", spec.afterLoop(), method, false);

        String className = ClassNames.of(compact ? "CompactElementwise" : "Elementwise", spec.name(), spec.toString());
        ClassWriter writer = new ClassWriter();
        CodeWriter out = writer.header(className, JavaElementwiseKernel.class,
                "elementwise kernel '" + spec.name() + "'");
        StmtEmitter loopPart = new StmtEmitter(new ExprEmitter("i$"), out);
        out.line("@Override");
        out.open("public void run(Object[] args$, long n, long from$, long to$) {");
        writer.unpackArguments(arguments);
        loopPart.statements(prep);
        out.line("final int end$ = (int) to$;");
        if (space.present()) {
            new Odometer(space, positions, out, compact).loop(index.javaName(), body -> loopPart.statements(operation));
        } else {
            out.open("for (int i$ = (int) from$; i$ < end$; i$++) {");
            out.line("final long " + index.javaName() + " = i$;");
            loopPart.statements(operation);
            out.close("}");
        }
        loopPart.statements(after);
        out.close("}");
        return new JavaSource(className, writer.finish(t));
    }
}
