package org.jgpuarray.kernels.java;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one snippet part into tokens: identifiers, numbers (as written; {@link Literals} reads them),
 * punctuators, and a final {@link Token.Kind#END}. Skips whitespace, {@code //} and {@code /* *}{@code /}
 * comments and backslash-newline continuations. Character and string literals are errors.
 */
final class Lexer {
    /** Punctuators, longest first so that the longest match wins. */
    private static final String[] PUNCTUATORS = {
        "<<=", ">>=", "...", "->", "++", "--", "<<", ">>", "<=", ">=", "==", "!=", "&&", "||", "+=", "-=", "*=",
        "/=", "%=", "&=", "|=", "^=", "##", "::",
        "(", ")", "[", "]", "{", "}", ";", ",", ".", "?", ":", "~", "!", "+", "-", "*", "/", "%", "&", "|", "^",
        "<", ">", "=", "#"
    };

    private final SourceText source;
    private final String text;
    private final List<Token> tokens = new ArrayList<>();
    private int pos;
    private int line = 1;
    private int lineOffset;
    private boolean atLineStart = true;

    private Lexer(SourceText source) {
        this.source = source;
        this.text = source.text();
    }

    /** The tokens of {@code source}, ending with an END token. */
    static List<Token> tokenize(SourceText source) {
        Lexer lexer = new Lexer(source);
        lexer.run();
        return lexer.tokens;
    }

    private void run() {
        while (true) {
            skipSpaceAndComments();
            if (pos >= text.length()) {
                tokens.add(new Token(Token.Kind.END, "", source, line, column(), true, null));
                return;
            }
            int start = pos;
            int startColumn = column();
            Token.Kind kind = scanToken();
            tokens.add(new Token(kind, text.substring(start, pos), source, line, startColumn, atLineStart, null));
            atLineStart = false;
        }
    }

    private int column() {
        return pos - lineOffset + 1;
    }

    private Token.Kind scanToken() {
        char c = text.charAt(pos);
        if (Character.isLetter(c) && c < 128 || c == '_') {
            while (pos < text.length() && isIdentifierPart(text.charAt(pos))) {
                pos++;
            }
            return Token.Kind.IDENTIFIER;
        }
        if (Character.isDigit(c) || c == '.' && pos + 1 < text.length() && Character.isDigit(text.charAt(pos + 1))) {
            return scanNumber();
        }
        for (String p : PUNCTUATORS) {
            if (text.startsWith(p, pos)) {
                pos += p.length();
                return Token.Kind.PUNCTUATOR;
            }
        }
        Token here = new Token(Token.Kind.PUNCTUATOR, String.valueOf(c), source, line, column(), atLineStart, null);
        if (c == '\'') {
            throw Diagnostics.unsupported(here, "character literal");
        }
        if (c == '"') {
            throw Diagnostics.unsupported(here, "string literal");
        }
        throw Diagnostics.error(here, "unexpected character '" + c + "'", String.valueOf(c));
    }

    /** A preprocessing number: digits, letters, dots, and signs after an exponent letter. */
    private Token.Kind scanNumber() {
        boolean hex = text.startsWith("0x", pos) || text.startsWith("0X", pos);
        boolean floating = false;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if ((c == '+' || c == '-') && afterExponentLetter(hex)) {
                floating = true;
                pos++;
            } else if (c == '.') {
                floating = true;
                pos++;
            } else if (isIdentifierPart(c)) {
                if (!hex && (c == 'e' || c == 'E') || hex && (c == 'p' || c == 'P')) {
                    floating = true;
                }
                pos++;
            } else {
                break;
            }
        }
        return floating ? Token.Kind.FLOAT_LITERAL : Token.Kind.INT_LITERAL;
    }

    /** True when the character before {@code pos} (inside a number) is an exponent letter. */
    private boolean afterExponentLetter(boolean hex) {
        char prev = Character.toLowerCase(text.charAt(pos - 1));
        return hex ? prev == 'p' : prev == 'e';
    }

    private static boolean isIdentifierPart(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == '_');
    }

    private void skipSpaceAndComments() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '\n') {
                newLine(pos + 1);
            } else if (c == '\r') {
                newLine(text.startsWith("\r\n", pos) ? pos + 2 : pos + 1);
            } else if (c == '\\' && continuationEnd(pos) > 0) {
                int end = continuationEnd(pos);
                line++;
                lineOffset = end;
                pos = end;
            } else if (Character.isWhitespace(c)) {
                pos++;
            } else if (text.startsWith("//", pos)) {
                while (pos < text.length() && text.charAt(pos) != '\n' && text.charAt(pos) != '\r') {
                    pos++;
                }
            } else if (text.startsWith("/*", pos)) {
                skipBlockComment();
            } else {
                return;
            }
        }
    }

    private void newLine(int next) {
        pos = next;
        line++;
        lineOffset = next;
        atLineStart = true;
    }

    /** When a backslash at {@code k} is followed by optional spaces and a newline, the index after it; else -1. */
    private int continuationEnd(int k) {
        int j = k + 1;
        while (j < text.length() && (text.charAt(j) == ' ' || text.charAt(j) == '\t')) {
            j++;
        }
        if (text.startsWith("\r\n", j)) {
            return j + 2;
        }
        if (j < text.length() && (text.charAt(j) == '\n' || text.charAt(j) == '\r')) {
            return j + 1;
        }
        return -1;
    }

    private void skipBlockComment() {
        Token start = new Token(Token.Kind.PUNCTUATOR, "/*", source, line, column(), atLineStart, null);
        pos += 2;
        while (pos < text.length() && !text.startsWith("*/", pos)) {
            char c = text.charAt(pos);
            if (c == '\n' || c == '\r' && !text.startsWith("\r\n", pos)) {
                line++;
                lineOffset = pos + 1;
            }
            pos++;
        }
        if (pos >= text.length()) {
            throw Diagnostics.syntax(start, "unterminated comment");
        }
        pos += 2;
    }
}
