package org.jgpuarray.kernels.java;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses a preamble: helper function definitions (qualifiers such as {@code __device__}, {@code static},
 * {@code inline}, {@code __forceinline__} dropped), prototypes (ignored) and {@code const} globals.
 */
final class PreambleParser {
    private final TokenStream in;
    private final StatementParser statements;

    PreambleParser(TokenStream in) {
        this.in = in;
        this.statements = new StatementParser(in, false);
    }

    /** The whole preamble. */
    TranslationUnit translationUnit() {
        List<FunctionDef> functions = new ArrayList<>();
        List<Stmt.Declaration> constants = new ArrayList<>();
        while (!in.atEnd()) {
            if (in.accept(";")) {
                continue;
            }
            skipQualifiers();
            if (!Keywords.startsType(in.peek())) {
                throw in.expected("a function definition or a const declaration");
            }
            TypeSpec type = TypeParser.parse(in);
            if (in.at("*")) {
                throw Diagnostics.unsupported(in.peek(), "pointer return type");
            }
            Token name = in.expectIdentifier("a function or constant name");
            if (in.at("(")) {
                FunctionDef f = function(type, name);
                if (f != null) {
                    functions.add(f);
                }
            } else {
                constants.add(constant(type, name));
            }
        }
        return new TranslationUnit(functions, constants);
    }

    private void skipQualifiers() {
        while (in.peek().isIdentifier()) {
            Token t = in.peek();
            if (Keywords.GPU_BUILTINS.contains(t.text())) {
                throw Diagnostics.gpuBuiltin(t);
            }
            if (Keywords.UNSUPPORTED_CONSTRUCTS.contains(t.text())) {
                throw Diagnostics.unsupported(t, t.text());
            }
            if (!Keywords.FUNCTION_QUALIFIERS.contains(t.text())) {
                return;
            }
            in.next();
        }
    }

    private Stmt.Declaration constant(TypeSpec type, Token name) {
        if (!type.constant()) {
            throw Diagnostics.unsupported(name, "global variable", "only const globals are supported");
        }
        Stmt.Declaration d = statements.declarators(type, name);
        in.expect(";");
        for (Stmt.Declarator v : d.declarators()) {
            if (v.init() == null && v.initList() == null) {
                throw Diagnostics.syntax(v.name(), "const global '" + v.name().text() + "' needs an initializer");
            }
        }
        return d;
    }

    /** A definition, or {@code null} for a prototype. */
    private FunctionDef function(TypeSpec returnType, Token name) {
        in.expect("(");
        List<FunctionDef.Parameter> parameters = new ArrayList<>();
        if (in.at("void") && in.peek(1).is(")")) {
            in.next();
        }
        if (!in.at(")")) {
            do {
                parameters.add(parameter());
            } while (in.accept(","));
        }
        in.expect(")");
        if (in.accept(";")) {
            return null;
        }
        if (!in.at("{")) {
            throw in.expected("'{' or ';' after the parameters of '" + name.text() + "'");
        }
        for (FunctionDef.Parameter p : parameters) {
            if (p.name() == null) {
                throw Diagnostics.syntax(p.type().at(), "parameter of '" + name.text() + "' has no name");
            }
        }
        return new FunctionDef(name, returnType, parameters, statements.block());
    }

    private FunctionDef.Parameter parameter() {
        if (!Keywords.startsType(in.peek())) {
            if (Keywords.GPU_BUILTINS.contains(in.peek().text())) {
                throw Diagnostics.gpuBuiltin(in.peek());
            }
            throw in.expected("a parameter type");
        }
        TypeSpec type = TypeParser.parse(in);
        boolean array = false;
        if (in.accept("*")) {
            array = true;
            if (in.at("*")) {
                throw Diagnostics.unsupported(in.peek(), "pointer to pointer");
            }
            while (Keywords.TYPE_QUALIFIERS.contains(in.peek().text()) && in.peek().isIdentifier()) {
                in.next();
            }
        }
        if (in.at("&")) {
            throw Diagnostics.unsupported(in.peek(), "reference parameter");
        }
        Token name = in.peek().isIdentifier() ? in.next() : null;
        if (name != null && Keywords.isReserved(name.text())) {
            throw Diagnostics.syntax(name, "'" + name.text() + "' cannot be a parameter name");
        }
        if (in.accept("[")) {
            array = true;
            if (!in.at("]")) {
                throw Diagnostics.unsupported(in.peek(), "sized array parameter", "write 'float x[]' or 'float *x'");
            }
            in.expect("]");
        }
        if (type.type() == CType.VOID && !array) {
            throw Diagnostics.syntax(type.at(), "parameter declared void");
        }
        return new FunctionDef.Parameter(name, type, array);
    }
}
