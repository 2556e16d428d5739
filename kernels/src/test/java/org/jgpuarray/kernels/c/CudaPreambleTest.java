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

    /** NVRTC compiles no host variables: a const global is a device variable (found by the snippet fuzzer). */
    @Test
    void constGlobalsAreDeviceVariables() {
        assertEquals("__device__ const float K = 2.5f;\n__device__ const int T[2] = {1, 2};\n__constant__ const int J = 1;\n",
                CudaPreamble.qualify("const float K = 2.5f;\nconst int T[2] = {1, 2};\n__constant__ const int J = 1;\n"));
    }
}
