package org.jgpuarray.kernels.java;

import java.util.List;

/** A cursor over preprocessed tokens that ends with an END token. Not thread-safe. */
final class TokenStream {
    private final List<Token> tokens;
    private int pos;

    TokenStream(List<Token> tokens) {
        this.tokens = tokens;
    }

    /** The current token. */
    Token peek() {
        return tokens.get(pos);
    }

    /** The token {@code ahead} places after the current one (END when past the end). */
    Token peek(int ahead) {
        return tokens.get(Math.min(pos + ahead, tokens.size() - 1));
    }

    /** Consumes and returns the current token. */
    Token next() {
        Token t = tokens.get(pos);
        if (t.kind() != Token.Kind.END) {
            pos++;
        }
        return t;
    }

    /** True when the current token is spelled {@code s}. */
    boolean at(String s) {
        return peek().is(s);
    }

    boolean atEnd() {
        return peek().kind() == Token.Kind.END;
    }

    /** Consumes the current token when it is spelled {@code s}. */
    boolean accept(String s) {
        if (at(s)) {
            next();
            return true;
        }
        return false;
    }

    /** Consumes a token spelled {@code s}, or fails with "expected 's'". */
    Token expect(String s) {
        if (!at(s)) {
            throw expected("'" + s + "'");
        }
        return next();
    }

    /** Consumes an identifier, or fails with "expected what". */
    Token expectIdentifier(String what) {
        if (!peek().isIdentifier()) {
            throw expected(what);
        }
        return next();
    }

    /** The error "expected what" at the current token. */
    RuntimeException expected(String what) {
        Token t = peek();
        String found = t.kind() == Token.Kind.END ? "the end of the text" : "'" + t.text() + "'";
        return Diagnostics.syntax(t, "expected " + what + " but found " + found);
    }
}
