package org.jgpuarray.kernels.java;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.Collectors;
import org.jgpuarray.kernels.SnippetSyntaxException;
import org.junit.jupiter.api.Test;

/** The lexer and the mini preprocessor, checked on the token text they produce. */
class PreprocessorTest {
    private static String expand(String text) {
        List<Token> tokens = new Preprocessor().process(Lexer.tokenize(new SourceText("operation", text)));
        return tokens.stream().filter(t -> t.kind() != Token.Kind.END).map(Token::text)
                .collect(Collectors.joining(" "));
    }

    @Test
    void commentsAndContinuationsAreSkipped() {
        assertEquals("a = b + c ;", expand("a = /* inline */ b // rest\n + c;"));
        assertEquals("x <<= 2 ; y >>= 1 ;", expand("x <<= 2; y >>=\\\n 1;"));
    }

    @Test
    void numbersKeepTheirSpelling() {
        assertEquals("1.f .5 1e-3f 0x1F 10LL 2.5e+2", expand("1.f .5 1e-3f 0x1F 10LL 2.5e+2"));
    }

    @Test
    void functionLikeMacroNeedsParentheses() {
        assertEquals("SQR + ( ( 2 ) * ( 2 ) )", expand("#define SQR(x) ((x)*(x))\nSQR + SQR(2)"));
    }

    @Test
    void objectLikeMacroExpandingToAFunctionLikeOneIsRescanned() {
        assertEquals("3 * 2", expand("#define F G\n#define G(x) x * 2\nF(3)"));
    }

    @Test
    void argumentsAreExpandedAndMayContainParenthesesAndCommas() {
        assertEquals("( f ( 1 , 2 ) + 7 )", expand("#define N 7\n#define ADD(a, b) (a + b)\nADD(f(1, 2), N)"));
    }

    @Test
    void spaceBeforeTheParenthesisMakesAnObjectLikeMacro() {
        assertEquals("( x ) ( 1 )", expand("#define P (x)\nP(1)"));
    }

    @Test
    void wrongArgumentCountAndStringizingAreErrors() {
        SnippetSyntaxException count = assertThrows(SnippetSyntaxException.class,
                () -> expand("#define ADD(a, b) (a + b)\nz = ADD(1);"));
        assertEquals(2, count.line());
        assertEquals(5, count.column());
        SnippetSyntaxException hash = assertThrows(SnippetSyntaxException.class, () -> expand("#define S(x) #x"));
        assertEquals("# (stringizing)", hash.construct());
    }

    @Test
    void literalTypesFollowC() {
        assertEquals(CType.INT, literal("2147483647").type());
        assertEquals(CType.LONG, literal("2147483648").type());
        assertEquals(CType.LONG, literal("1L").type());
        assertEquals(CType.INT, literal("0x7FFFFFFF").type());
        assertEquals(CType.LONG, literal("0x100000000").type());
        assertEquals(8, literal("010").value());
        assertEquals(CType.FLOAT, Literals.floating(token("1e-3f", Token.Kind.FLOAT_LITERAL)).type());
        assertEquals(CType.DOUBLE, Literals.floating(token(".5", Token.Kind.FLOAT_LITERAL)).type());
        assertThrows(SnippetSyntaxException.class, () -> literal("0x80000000"));
        assertThrows(SnippetSyntaxException.class, () -> literal("9223372036854775808"));
        assertThrows(SnippetSyntaxException.class, () -> literal("12ul"));
    }

    private static TExpr.Constant literal(String text) {
        return Literals.integer(token(text, Token.Kind.INT_LITERAL));
    }

    private static Token token(String text, Token.Kind kind) {
        return new Token(kind, text, new SourceText("operation", text), 1, 1, true, null);
    }
}
