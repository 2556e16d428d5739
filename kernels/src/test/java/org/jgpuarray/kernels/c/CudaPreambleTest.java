package org.jgpuarray.kernels.c;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CudaPreambleTest {

    @Test
    void qualifiesPlainFunctionsOnly() {
        String preamble = "#define TWO 2\n"
                + "// helper (with parentheses) {braces}\n"
                + "float sq(float v) { if (v > 0) { return v * v; } return 0; }\n"
                + "static inline double cube(double v);\n"
                + "__device__ int already(int k) { return k; }\n"
                + "/* a block comment: int f(int x) { } */\n"
                + "double cube(double v) { return v * v * v; }\n";
        String expected = "#define TWO 2\n"
                + "// helper (with parentheses) {braces}\n"
                + "__device__ float sq(float v) { if (v > 0) { return v * v; } return 0; }\n"
                + "__device__ static inline double cube(double v);\n"
                + "__device__ int already(int k) { return k; }\n"
                + "/* a block comment: int f(int x) { } */\n"
                + "__device__ double cube(double v) { return v * v * v; }\n";
        assertEquals(expected, CudaPreamble.qualify(preamble));
    }

    @Test
    void leavesMacrosAndEmptyPreamblesAlone() {
        assertEquals("", CudaPreamble.qualify(""));
        assertEquals("#define SQ(x) ((x)*(x))\n", CudaPreamble.qualify("#define SQ(x) ((x)*(x))\n"));
    }

    @Test
    void qualifiesTemplatesAfterTheirHeader() {
        assertEquals("template <typename T> __device__ T sq(T x) { return x * x; }\n"
                        + "template <typename T, int N = (2 > 1)> __device__ T pow_n(T x);\n"
                        + "template <> __device__ float sq<float>(float x) { return x * x; }\n",
                CudaPreamble.qualify("template <typename T> T sq(T x) { return x * x; }\n"
                        + "template <typename T, int N = (2 > 1)> T pow_n(T x);\n"
                        + "template <> float sq<float>(float x) { return x * x; }\n"));
    }

    @Test
    void qualifiesInsideNamespacesAndLinkageBlocks() {
        assertEquals("namespace {\n__device__ float half(float x) { return x / 2; }\n}\n"
                        + "namespace jga::detail { __device__ int one() { return 1; } }\n"
                        + "extern \"C\" {\n__device__ float twice(float x) { return 2 * x; }\n"
                        + "__device__ float thrice(float x);\n}\n"
                        + "extern \"C\" __device__ float four(float x) { return 4 * x; }\n",
                CudaPreamble.qualify("namespace {\nfloat half(float x) { return x / 2; }\n}\n"
                        + "namespace jga::detail { int one() { return 1; } }\n"
                        + "extern \"C\" {\nfloat twice(float x) { return 2 * x; }\n"
                        + "float thrice(float x);\n}\n"
                        + "extern \"C\" float four(float x) { return 4 * x; }\n"));
    }

    @Test
    void qualifiesMemberFunctions() {
        assertEquals("template <typename T> struct Pair {\n  T a, b;\n  __device__ Pair(T x, T y) : a(x), b(y) {}\n"
                        + "public:\n  __device__ T sum() const { return a + b; }\n"
                        + "  __device__ bool operator==(const Pair &o) const { return a == o.a; }\n};\n"
                        + "typedef struct { float v; __device__ float get() { return v; } } Box;\n",
                CudaPreamble.qualify("template <typename T> struct Pair {\n  T a, b;\n  Pair(T x, T y) : a(x), b(y) {}\n"
                        + "public:\n  T sum() const { return a + b; }\n"
                        + "  bool operator==(const Pair &o) const { return a == o.a; }\n};\n"
                        + "typedef struct { float v; float get() { return v; } } Box;\n"));
    }

    @Test
    void leavesVariablesEnumsLiteralsAndBodiesAlone() {
        String preamble = "enum Mode { A, B };\n"
                + "__constant__ float table[2] = {1, 2};\n"
                + "static_assert(sizeof(float) == 4, \"float\");\n"
                + "__device__ const char *name() { return \"}{ int f(int x);\"; }\n"
                + "struct Pair make(void);\n";
        assertEquals(preamble, CudaPreamble.qualify(preamble));
    }

    /** NVRTC compiles no host variables: a const global is a device variable (found by the snippet fuzzer). */
    @Test
    void constGlobalsAreDeviceVariables() {
        assertEquals("__device__ const float K = 2.5f;\n__device__ const int T[2] = {1, 2};\n__constant__ const int J = 1;\n"
                        + "namespace k { __device__ static const int M = 3; }\n"
                        + "struct S { static const int N = 4; __device__ int n() const { const int z = 1; return z; } };\n"
                        + "typedef const float cf;\n",
                CudaPreamble.qualify("const float K = 2.5f;\nconst int T[2] = {1, 2};\n__constant__ const int J = 1;\n"
                        + "namespace k { static const int M = 3; }\n"
                        + "struct S { static const int N = 4; int n() const { const int z = 1; return z; } };\n"
                        + "typedef const float cf;\n"));
    }
}
