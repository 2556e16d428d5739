package org.jgpuarray.kernels.java;

import org.jgpuarray.kernels.ScanSpec;

/**
 * Translates a scan spec into a {@link JavaScanKernel} class. An exclusive scan reads each input element
 * before writing the output, so it also works in place.
 */
final class ScanWriter {
    private ScanWriter() {
    }

    /** The generated source of {@code spec}. */
    static JavaSource write(ScanSpec spec) {
        CType type = CType.of(spec.type());
        Translation t = new Translation(spec.preamble());
        TExpr neutral = t.expression("neutral", spec.neutral(), t.methodScope(), type);
        Scope scanScope = t.methodScope();
        Symbol a = scanScope.declareBuiltin("a", type, Symbol.Kind.OPERAND);
        Symbol b = scanScope.declareBuiltin("b", type, Symbol.Kind.OPERAND);
        TExpr scan = t.expression("scan_expr", spec.scanExpression(), scanScope, type);

        String className = ClassNames.of("Scan", spec.name(), spec.toString());
        ClassWriter writer = new ClassWriter();
        CodeWriter out = writer.header(className, JavaScanKernel.class, (spec.inclusive() ? "inclusive" : "exclusive")
                + " scan '" + spec.name() + "'");
        String v = type.javaName();
        String array = JavaKind.element(type).javaName() + "[]";
        out.line("@Override");
        out.open("public Object reduceRange(Object in$, long from$, long to$) {");
        out.line("final " + array + " in = (" + array + ") in$;");
        out.line(v + " acc$ = neutral$();");
        out.line("final int end$ = (int) to$;");
        out.open("for (int k$ = (int) from$; k$ < end$; k$++) {");
        out.line("acc$ = reduce$(acc$, in[k$]);");
        out.close("}");
        out.line("return " + ClassWriter.box("acc$", type) + ";");
        out.close("}");
        out.line("");
        out.line("@Override");
        out.open("public void scanRange(Object in$, Object out$, long from$, long to$, Object carry$) {");
        out.line("final " + array + " in = (" + array + ") in$;");
        out.line("final " + array + " out = (" + array + ") out$;");
        out.line(v + " acc$ = " + ClassWriter.unbox("carry$", type) + ";");
        out.line("final int end$ = (int) to$;");
        out.open("for (int k$ = (int) from$; k$ < end$; k$++) {");
        if (spec.inclusive()) {
            out.line("acc$ = reduce$(acc$, in[k$]);");
            out.line("out[k$] = acc$;");
        } else {
            out.line("final " + v + " next$ = in[k$];");
            out.line("out[k$] = acc$;");
            out.line("acc$ = reduce$(acc$, next$);");
        }
        out.close("}");
        out.close("}");
        OperatorMethods.write(out, type, a, b, scan, neutral);
        return new JavaSource(className, writer.finish(t));
    }
}
