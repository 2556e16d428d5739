package org.jgpuarray.kernels.java;

/**
 * The members that reductions and scans share: {@code combine} and {@code neutral} of the kernel
 * interface, which box, and the primitive {@code reduce$} and {@code neutral$} they call.
 */
final class OperatorMethods {
    private OperatorMethods() {
    }

    /**
     * Writes the members.
     *
     * @param operator the reduce or scan expression in {@code a} and {@code b}, converted to {@code type}
     * @param neutral  the neutral value, converted to {@code type}
     */
    static void write(CodeWriter out, CType type, Symbol a, Symbol b, TExpr operator, TExpr neutral) {
        ExprEmitter exprs = new ExprEmitter(null);
        String t = type.javaName();
        out.line("");
        out.line("@Override");
        out.open("public Object combine(Object a$, Object b$) {");
        out.line("return " + ClassWriter.box("reduce$(" + ClassWriter.unbox("a$", type) + ", "
                + ClassWriter.unbox("b$", type) + ")", type) + ";");
        out.close("}");
        out.line("");
        out.line("@Override");
        out.open("public Object neutral() {");
        out.line("return " + ClassWriter.box("neutral$()", type) + ";");
        out.close("}");
        out.line("");
        out.open("private static " + t + " reduce$(" + t + " " + a.javaName() + ", " + t + " " + b.javaName() + ") {");
        out.line("return " + exprs.value(operator, JavaKind.of(type)).text() + ";");
        out.close("}");
        out.line("");
        out.open("private static " + t + " neutral$() {");
        out.line("return " + exprs.value(neutral, JavaKind.of(type)).text() + ";");
        out.close("}");
    }
}
