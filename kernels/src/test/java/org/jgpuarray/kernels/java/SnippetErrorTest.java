package org.jgpuarray.kernels.java;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jgpuarray.kernels.ArgumentList;
import org.jgpuarray.kernels.ElementwiseSpec;
import org.jgpuarray.kernels.ReductionSpec;
import org.jgpuarray.kernels.ScalarType;
import org.jgpuarray.kernels.SnippetSyntaxException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Snippets outside the subset fail with a message naming the construct, the part, the line and the column. */
class SnippetErrorTest {
    private static final String ARGS = "float a, float *x, float *c, long *l";

    private static SnippetSyntaxException operationError(String operation) {
        return assertThrows(SnippetSyntaxException.class,
                () -> JavaSourceGenerator.elementwise(ElementwiseSpec.of("k", ARGS, operation)));
    }

    private static void assertAt(SnippetSyntaxException e, String fragment, int line, int column) {
        assertTrue(e.getMessage().contains(fragment), "message '" + e.getMessage() + "' lacks '" + fragment + "'");
        assertTrue(e.getMessage().contains("at line " + line + ", column " + column + " of "), e.getMessage());
        assertEquals(line, e.line(), e.getMessage());
        assertEquals(column, e.column(), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            c[i] = 1; goto done;               | unsupported construct 'goto'                | 11
            c[i] = *x;                         | unsupported construct 'pointer dereference' | 8
            c[i] = fabs(&a);                   | unsupported construct 'address-of'          | 13
            unsigned int k = 3;                | unsupported construct 'unsigned'            | 1
            c[i] = (unsigned) a;               | unsupported construct 'unsigned'            | 9
            c[i] = 3u;                         | unsupported construct 'unsigned'            | 8
            int k = 0xFFFFFFFF;                | unsupported construct 'unsigned'            | 9
            struct point p;                    | unsupported construct 'struct'              | 1
            c[i] = (a, x[i]);                  | unsupported construct 'comma operator'      | 10
            c[i] = foo(x[i]);                  | unknown function 'foo'                      | 8
            c[i] = x[i] + q;                   | unknown identifier 'q'                      | 15
            c[i] = threadIdx.x;                | unsupported construct 'threadIdx'           | 8
            __syncthreads(); c[i] = 0;         | unsupported construct '__syncthreads'       | 1
            c[i] = atomicAdd(c, 1.0f);         | unsupported construct 'atomicAdd'           | 8
            c[i] = get_global_id(0);           | unsupported construct 'get_global_id'       | 8
            c[i] = (a + x[i];                  | expected ')'                                | 17
            c[i] = a +;                        | expected an expression                      | 11
            c[i] = x + 1;                      | unsupported construct 'pointer arithmetic'  | 10
            c[i] = x;                          | unsupported construct 'array value'         | 8
            float *p = x;                      | unsupported construct 'pointer variable'    | 7
            c[i] = a.re;                       | unsupported construct 'member access '.''   | 9
            done: c[i] = 0;                    | unsupported construct 'label'               | 1
            return;                            | unsupported construct 'return'              | 1
            break;                             | unsupported construct 'break'               | 1
            switch (l[i]) { default: break; }  | unsupported construct 'switch on a 64-bit value' | 1
            c[i] = 'a';                        | unsupported construct 'character literal'   | 8
            c[i] = a % 2;                      | invalid operands to '%' (float and int)     | 10
            c[i] = a ? 1 : 2;                  | unsupported construct 'float condition of '?:'' | 10
            long long k = 3;                   | unsupported construct 'long long'           | 1
            l[i] = 1LL << 40;                  | unsupported construct 'long long'           | 8
            c[i] = ~a;                         | invalid operand to '~' (float)              | 8
            char ch = 1;                       | unsupported construct 'char'                | 1
            float4 v;                          | unsupported construct 'vector type float4'  | 1
            c[i] = x[a];                       | array subscript is not an integer (float)   | 10
            i = 2;                             | cannot assign to 'i'                        | 1
            c[i] = pow(a);                     | 'pow' takes 2 arguments, got 1              | 8
            int k = 1; int k = 2;              | redeclaration of 'k'                        | 16
            c[i] = 1.0L;                       | unsupported construct 'long double'         | 8
            c[i] = a @ 2;                      | unexpected character '@'                    | 10
            x[i]++ = 2;                        | expression is not assignable                | 8
            int k = 0; x[k++] += 1;            | unsupported construct '+= on an element whose subscript has side effects' | 19
            """)
    void unsupportedConstructsAndSyntaxErrors(String operation, String fragment, int column) {
        assertAt(operationError(operation.strip()), fragment, 1, column);
    }

    @Test
    void messageQuotesTheOffendingLineOfTheNamedPart() {
        SnippetSyntaxException e = operationError("c[i] = a;\n  goto end;");
        assertAt(e, "unsupported construct 'goto'", 2, 3);
        assertEquals("goto", e.construct());
        assertEquals("operation", e.part());
        assertEquals("c[i] = a;\n  goto end;", e.snippet());
        assertEquals("unsupported construct 'goto' at line 2, column 3 of operation: goto end;", e.getMessage());
    }

    @Test
    void errorsInThePreambleAndOtherParts() {
        SnippetSyntaxException preamble = assertThrows(SnippetSyntaxException.class, () -> JavaSourceGenerator
                .elementwise(new ElementwiseSpec("k", ArgumentList.parse(ARGS), "c[i] = f(a)",
                        "float f(float v)\n{\n    return v + *x;\n}", "", "")));
        assertAt(preamble, "pointer dereference", 3, 16);
        assertEquals("preamble", preamble.part());

        SnippetSyntaxException map = assertThrows(SnippetSyntaxException.class, () -> JavaSourceGenerator
                .reduction(new ReductionSpec("r", ScalarType.FLOAT32, "0", "a + b", "x[i] * y[i]",
                        ArgumentList.parse("float *x"), "")));
        assertAt(map, "unknown identifier 'y'", 1, 8);
        assertEquals("map_expr", map.part());

        SnippetSyntaxException neutral = assertThrows(SnippetSyntaxException.class, () -> JavaSourceGenerator
                .reduction(new ReductionSpec("r", ScalarType.FLOAT32, "x[0]", "a + b", "x[i]",
                        ArgumentList.parse("float *x"), "")));
        assertAt(neutral, "unknown identifier 'x'", 1, 1);
    }

    /**
     * Const globals are what every dialect can place in constant or device memory (found by the snippet
     * fuzzer: OpenCL rejected {@code NAN}, a function call there, and NVRTC any infinity or NaN).
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            const float K = NAN;                 | non-finite initializer of const global 'K'    | 17
            const double T[2] = {1, INFINITY};   | non-finite initializer of const global 'T'    | 25
            const float K = 1e30f * 1e30f;       | non-finite initializer of const global 'K'    | 23
            const float K = sqrt(2.0f);          | non-constant initializer of const global 'K'  | 17
            """)
    void constGlobalsNeedFiniteConstants(String preamble, String construct, int column) {
        SnippetSyntaxException e = assertThrows(SnippetSyntaxException.class, () -> JavaSourceGenerator
                .elementwise(new ElementwiseSpec("k", ArgumentList.parse(ARGS), "c[i] = a", preamble, "", "")));
        assertAt(e, "unsupported construct '" + construct + "'", 1, column);
    }

    @Test
    void errorsInsideAMacroExpansionPointAtItsUse() {
        SnippetSyntaxException e = assertThrows(SnippetSyntaxException.class, () -> JavaSourceGenerator
                .elementwise(new ElementwiseSpec("k", ArgumentList.parse(ARGS), "c[i] = DEREF(x);",
                        "#define DEREF(p) (*(p))", "", "")));
        assertAt(e, "pointer dereference", 1, 8);
        assertTrue(e.getMessage().contains("in the expansion of macro 'DEREF'"), e.getMessage());
    }

    @Test
    void unsupportedDirectives() {
        assertAt(operationError("#include <math.h>\nc[i] = a;"), "unsupported construct '#include'", 1, 1);
        assertAt(operationError("c[i] = a;\n#if 1\n#endif"), "unsupported construct '#if'", 2, 1);
    }
}
