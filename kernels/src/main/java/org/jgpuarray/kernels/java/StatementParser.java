package org.jgpuarray.kernels.java;

import java.util.ArrayList;
import java.util.List;

/**
 * Recursive-descent parser of C statements and declarations. In snippet parts the final {@code ;} may be
 * left out, as PyCUDA operations usually do ({@code "c[i] = a*x[i]"}).
 */
final class StatementParser {
    private final TokenStream in;
    private final ExpressionParser expressions;
    private final boolean lenientEnd;

    /**
     * @param in         the tokens
     * @param lenientEnd accept a missing {@code ;} at the very end of the text
     */
    StatementParser(TokenStream in, boolean lenientEnd) {
        this.in = in;
        this.expressions = new ExpressionParser(in);
        this.lenientEnd = lenientEnd;
    }

    /** Statements up to the end of the text. */
    List<Stmt> statementsToEnd() {
        List<Stmt> out = new ArrayList<>();
        while (!in.atEnd()) {
            out.add(statement());
        }
        return out;
    }

    /** A braced block; the stream is at its {@code {}. */
    Stmt.Block block() {
        Token open = in.expect("{");
        List<Stmt> body = new ArrayList<>();
        while (!in.at("}")) {
            if (in.atEnd()) {
                throw in.expected("'}'");
            }
            body.add(statement());
        }
        in.next();
        return new Stmt.Block(open, body);
    }

    Stmt statement() {
        Token t = in.peek();
        if (t.kind() == Token.Kind.PUNCTUATOR) {
            if (t.is("{")) {
                return block();
            }
            if (t.is(";")) {
                return new Stmt.Empty(in.next());
            }
            if (t.is("#")) {
                throw Diagnostics.syntax(t, "a directive must start its own line");
            }
        }
        if (t.isIdentifier()) {
            Stmt keyword = keywordStatement(t);
            if (keyword != null) {
                return keyword;
            }
            if (in.peek(1).is(":") && !Keywords.isReserved(t.text())) {
                throw Diagnostics.unsupported(t, "label");
            }
            if (Keywords.startsType(t)) {
                return declaration();
            }
        }
        Expr e = expressions.expression();
        endOfStatement();
        return new Stmt.ExprStmt(t, e);
    }

    private Stmt keywordStatement(Token t) {
        return switch (t.text()) {
            case "if" -> ifStatement();
            case "while" -> whileStatement();
            case "do" -> doStatement();
            case "for" -> forStatement();
            case "switch" -> new SwitchParser(in, this, expressions).switchStatement();
            case "break" -> {
                in.next();
                endOfStatement();
                yield new Stmt.Break(t);
            }
            case "continue" -> {
                in.next();
                endOfStatement();
                yield new Stmt.Continue(t);
            }
            case "return" -> returnStatement();
            case "case", "default" -> throw Diagnostics.syntax(t, "'" + t.text() + "' outside a switch");
            case "else" -> throw Diagnostics.syntax(t, "'else' without 'if'");
            case "static" -> throw Diagnostics.unsupported(t, "static local variable");
            case "goto" -> throw Diagnostics.unsupported(t, "goto");
            default -> null;
        };
    }

    private Stmt ifStatement() {
        Token t = in.next();
        Expr condition = parenthesized();
        Stmt then = statement();
        Stmt otherwise = in.accept("else") ? statement() : null;
        return new Stmt.If(t, condition, then, otherwise);
    }

    private Stmt whileStatement() {
        Token t = in.next();
        Expr condition = parenthesized();
        return new Stmt.While(t, condition, statement());
    }

    private Stmt doStatement() {
        Token t = in.next();
        Stmt body = statement();
        in.expect("while");
        Expr condition = parenthesized();
        endOfStatement();
        return new Stmt.DoWhile(t, body, condition);
    }

    private Stmt forStatement() {
        Token t = in.next();
        in.expect("(");
        Stmt init = null;
        if (in.at("static")) {
            throw Diagnostics.unsupported(in.peek(), "static local variable");
        }
        if (Keywords.startsType(in.peek())) {
            init = declaration();
        } else if (!in.accept(";")) {
            init = expressionList();
            in.expect(";");
        }
        Expr condition = in.at(";") ? null : expressions.expression();
        in.expect(";");
        Stmt.ExprList update = in.at(")") ? null : expressionList();
        in.expect(")");
        return new Stmt.For(t, init, condition, update, statement());
    }

    /** Comma-separated expressions, as allowed in a for's init and update parts. */
    private Stmt.ExprList expressionList() {
        Token at = in.peek();
        List<Expr> list = new ArrayList<>();
        do {
            list.add(expressions.assignment());
        } while (in.accept(","));
        return new Stmt.ExprList(at, list);
    }

    private Stmt returnStatement() {
        Token t = in.next();
        Expr value = in.at(";") || in.atEnd() ? null : expressions.expression();
        endOfStatement();
        return new Stmt.Return(t, value);
    }

    private Expr parenthesized() {
        in.expect("(");
        Expr e = expressions.expression();
        in.expect(")");
        return e;
    }

    /** A declaration statement; the stream is at its type. */
    Stmt.Declaration declaration() {
        TypeSpec type = TypeParser.parse(in);
        Stmt.Declaration d = declarators(type, null);
        endOfStatement();
        return d;
    }

    /**
     * The declarators after {@code type}, up to but not including the {@code ;}.
     *
     * @param firstName the first declarator's name when the caller has already read it, else {@code null}
     */
    Stmt.Declaration declarators(TypeSpec type, Token firstName) {
        if (type.type() == CType.VOID) {
            throw Diagnostics.syntax(type.at(), "variable declared void");
        }
        List<Stmt.Declarator> list = new ArrayList<>();
        Token name = firstName;
        do {
            if (name == null) {
                rejectPointerDeclarator();
                name = in.expectIdentifier("a variable name");
            }
            list.add(declarator(name));
            name = null;
        } while (in.accept(","));
        return new Stmt.Declaration(type.at(), type, list);
    }

    private void rejectPointerDeclarator() {
        if (in.at("*")) {
            throw Diagnostics.unsupported(in.peek(), "pointer variable");
        }
        if (in.at("&") || in.at("&&")) {
            throw Diagnostics.unsupported(in.peek(), "reference variable");
        }
    }

    private Stmt.Declarator declarator(Token name) {
        if (Keywords.isReserved(name.text())) {
            throw Diagnostics.syntax(name, "'" + name.text() + "' cannot be a variable name");
        }
        Expr size = null;
        boolean array = false;
        if (in.at("[")) {
            Token open = in.next();
            array = true;
            size = in.at("]") ? null : expressions.conditional();
            in.expect("]");
            if (in.at("[")) {
                throw Diagnostics.unsupported(in.peek(), "multidimensional array");
            }
            if (size == null && !in.at("=")) {
                throw Diagnostics.syntax(open, "array '" + name.text() + "' needs a size or an initializer");
            }
        }
        if (in.at("(")) {
            throw Diagnostics.unsupported(in.peek(), "function declaration inside a function");
        }
        if (!in.accept("=")) {
            return new Stmt.Declarator(name, size, null, null);
        }
        if (in.at("{")) {
            if (!array) {
                throw Diagnostics.syntax(in.peek(), "brace initializer for the scalar '" + name.text() + "'");
            }
            return new Stmt.Declarator(name, size, null, initializerList());
        }
        if (array) {
            throw in.expected("'{' to initialize array '" + name.text() + "'");
        }
        return new Stmt.Declarator(name, null, expressions.assignment(), null);
    }

    private List<Expr> initializerList() {
        in.expect("{");
        List<Expr> values = new ArrayList<>();
        while (!in.at("}")) {
            if (in.at("{")) {
                throw Diagnostics.unsupported(in.peek(), "nested initializer");
            }
            values.add(expressions.assignment());
            if (!in.accept(",")) {
                break;
            }
        }
        in.expect("}");
        return values;
    }

    /** Consumes the {@code ;} that ends a statement (optional at the very end of a snippet part). */
    void endOfStatement() {
        if (in.accept(";") || lenientEnd && in.atEnd()) {
            return;
        }
        throw in.expected("';'");
    }
}
