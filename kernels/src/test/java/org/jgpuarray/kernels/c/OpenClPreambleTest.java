package org.jgpuarray.kernels.c;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Helper functions with array parameters and const globals compile as OpenCL C 1.2 (found by the snippet
 * fuzzer: {@code float first(float *v)} was a private pointer there, so passing a kernel array failed, and
 * {@code const float K = 2.5f;} was an error outside the constant address space).
 */
class OpenClPreambleTest {

    @Test
    void pointerParametersPointToGlobalMemory() {
        String preamble = "#define N 2\n"
                + "float first(const float *v, long k) { float t[2] = {1, 2}; return v[k] + t[0]; }\n"
                + "static int count(int *flags, int n);\n"
                + "float scale(float v) { return v * N; }\n"
                + "float mine(__local float *v, float b[]) { return v[0] + b[0]; }\n";
        String expected = "#define N 2\n"
                + "float first(__global const float *v, long k) { float t[2] = {1, 2}; return v[k] + t[0]; }\n"
                + "static int count(__global int *flags, int n);\n"
                + "float scale(float v) { return v * N; }\n"
                + "float mine(__local float *v, __global float b[]) { return v[0] + b[0]; }\n";
        assertEquals(expected, OpenClPreamble.qualify(preamble));
    }

    @Test
    void constGlobalsAreConstantMemory() {
        String preamble = "const float K = 2.5f;\n/* c */ const int T[3] = {1, 2, 3};\nconstant int J = 1;\n"
                + "int f(const int k) { const int z = 2; return k * z; }\n";
        String expected = "__constant const float K = 2.5f;\n/* c */ __constant const int T[3] = {1, 2, 3};\n"
                + "constant int J = 1;\nint f(const int k) { const int z = 2; return k * z; }\n";
        assertEquals(expected, OpenClPreamble.qualify(preamble));
    }

    @Test
    void bracesAndQuotesInLiteralsAreText() {
        String preamble = "int brace(int k) { char open = '{'; const char *s = \"(\\\"{\"; return k + open + s[0]; }\n"
                + "float after(float *v) { return v[0]; }\n";
        String expected = "int brace(int k) { char open = '{'; const char *s = \"(\\\"{\"; return k + open + s[0]; }\n"
                + "float after(__global float *v) { return v[0]; }\n";
        assertEquals(expected, OpenClPreamble.qualify(preamble));
    }
}
