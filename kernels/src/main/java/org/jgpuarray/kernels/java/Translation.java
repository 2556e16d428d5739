package org.jgpuarray.kernels.java;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Translates the snippet parts of one spec: the preamble first (its macros, constants and functions
 * apply to every later part), then each part in the order C would see it. Not thread-safe; one per spec.
 */
final class Translation {
    private final Preprocessor preprocessor = new Preprocessor();
    private final Map<String, FunctionSig> functions = new LinkedHashMap<>();
    private final Scope classScope = Scope.classScope();
    private final ExprTyper exprs = new ExprTyper(functions);
    private final List<TStmt.Declare> constants = new ArrayList<>();
    private final List<TypedFunction> typedFunctions = new ArrayList<>();

    /** Parses and types {@code preamble}. */
    Translation(String preamble) {
        if (preamble.isBlank()) {
            return;
        }
        TranslationUnit unit = new PreambleParser(new TokenStream(tokens("preamble", preamble))).translationUnit();
        for (FunctionDef f : unit.functions()) {
            functions.put(f.name().text(), signature(f));
        }
        DeclarationTyper declarations = new DeclarationTyper(exprs);
        for (Stmt.Declaration d : unit.constants()) {
            constants.add(declarations.declaration(d, classScope, Symbol.Kind.GLOBAL));
        }
        for (FunctionDef f : unit.functions()) {
            typedFunctions.add(function(f, functions.get(f.name().text())));
        }
    }

    /** The preamble's {@code const} globals. */
    List<TStmt.Declare> constants() {
        return constants;
    }

    /** The preamble's functions. */
    List<TypedFunction> functions() {
        return typedFunctions;
    }

    /** A fresh scope for the body of a generated Java method. */
    Scope methodScope() {
        return classScope.method();
    }

    /**
     * Parses and types a statement snippet part ({@code ""} gives no statements).
     *
     * @param elementLoop true when the part runs inside the element loop
     */
    List<TStmt> statements(String part, String text, Scope scope, boolean elementLoop) {
        if (text.isBlank()) {
            return List.of();
        }
        List<Stmt> parsed = new StatementParser(new TokenStream(tokens(part, text)), true).statementsToEnd();
        return new StmtTyper(exprs, null, elementLoop).statements(parsed, scope);
    }

    /** Parses and types an expression snippet part, converted to {@code type}. */
    TExpr expression(String part, String text, Scope scope, CType type) {
        TokenStream in = new TokenStream(tokens(part, text));
        if (in.atEnd()) {
            throw Diagnostics.syntax(in.peek(), "empty expression");
        }
        Expr e = new ExpressionParser(in).expression();
        if (!in.atEnd()) {
            throw in.expected("the end of the expression");
        }
        return Conversions.convert(exprs.value(e, scope), type);
    }

    private List<Token> tokens(String part, String text) {
        return preprocessor.process(Lexer.tokenize(new SourceText(part, text)));
    }

    private FunctionSig signature(FunctionDef f) {
        String name = f.name().text();
        if (Keywords.isReserved(name)) {
            throw Diagnostics.syntax(f.name(), "'" + name + "' cannot be a function name");
        }
        if (functions.containsKey(name)) {
            throw Diagnostics.unsupported(f.name(), "overloading", "function '" + name + "' is defined twice");
        }
        List<FunctionSig.Parameter> params = new ArrayList<>();
        for (FunctionDef.Parameter p : f.parameters()) {
            if (p.type().type() == CType.VOID) {
                throw Diagnostics.unsupported(p.type().at(), "void pointer");
            }
            params.add(new FunctionSig.Parameter(p.type().type(), p.array()));
        }
        return new FunctionSig(name, JavaNames.of(name), f.returnType().type(), params);
    }

    private TypedFunction function(FunctionDef f, FunctionSig sig) {
        Scope scope = classScope.method();
        List<Symbol> params = new ArrayList<>();
        for (FunctionDef.Parameter p : f.parameters()) {
            params.add(scope.declare(p.name(), p.type().type(), p.array(), Symbol.Kind.PARAMETER, p.type().constant()));
        }
        List<TStmt> body = new StmtTyper(exprs, sig, false).statements(f.body().statements(), scope);
        boolean fallsOff = sig.returnType() != CType.VOID && Reachability.canComplete(new TStmt.Block(body));
        return new TypedFunction(sig, params, body, fallsOff);
    }
}
