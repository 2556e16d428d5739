package org.jgpuarray.kernels.java;

import java.util.ArrayList;
import java.util.List;

/** Parses {@code switch (e) { case v: ... default: ... }}; case labels must be at the top level of the body. */
final class SwitchParser {
    private final TokenStream in;
    private final StatementParser statements;
    private final ExpressionParser expressions;

    SwitchParser(TokenStream in, StatementParser statements, ExpressionParser expressions) {
        this.in = in;
        this.statements = statements;
        this.expressions = expressions;
    }

    /** The switch statement at the stream's {@code switch} keyword. */
    Stmt.Switch switchStatement() {
        Token keyword = in.next();
        in.expect("(");
        Expr selector = expressions.expression();
        in.expect(")");
        in.expect("{");
        List<Stmt.SwitchGroup> groups = new ArrayList<>();
        while (!in.accept("}")) {
            if (in.atEnd()) {
                throw in.expected("'}'");
            }
            groups.add(group());
        }
        return new Stmt.Switch(keyword, selector, groups);
    }

    private Stmt.SwitchGroup group() {
        List<Token> labelTokens = new ArrayList<>();
        List<Expr> labels = new ArrayList<>();
        while (in.at("case") || in.at("default")) {
            Token label = in.next();
            labelTokens.add(label);
            labels.add(label.is("case") ? expressions.conditional() : null);
            in.expect(":");
        }
        if (labels.isEmpty()) {
            throw in.expected("'case' or 'default'");
        }
        List<Stmt> body = new ArrayList<>();
        while (!in.at("case") && !in.at("default") && !in.at("}")) {
            if (in.atEnd()) {
                throw in.expected("'}'");
            }
            body.add(statements.statement());
        }
        return new Stmt.SwitchGroup(labelTokens, labels, body);
    }
}
