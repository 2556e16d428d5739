package org.jgpuarray.kernels.lib;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jgpuarray.kernels.Dialect;
import org.jgpuarray.kernels.ScalarType;
import org.jgpuarray.kernels.c.CSource;

/**
 * The tiled, register-blocked GEMM kernel in CUDA C++ and OpenCL C, strided-batched: for each matrix
 * {@code b} of a batch, row-major {@code C_b = alpha * op(A_b) * op(B_b) + beta * C_b}, where
 * {@code X_b} starts at element {@code offX + b * strideX} of its buffer. One kernel per transpose
 * combination, any sizes (ragged edges are zero-padded in local memory and masked on store),
 * {@code beta == 0} never reads C.
 *
 * <p>Element types: float32 and float64 (multiply-adds fused), and int32 and int64, whose products and
 * sums are computed in the unsigned type of the same width, so that they wrap modulo 2^32 or 2^64 as
 * two's-complement C arithmetic does, without the undefined behaviour of signed overflow in C.
 *
 * <p>Launch: block {@code (tiling.threadsX(), tiling.threadsY(), 1)}, grid {@code (ceil(n / tileN),
 * ceil(m / tileM), batch)} (CUDA allows at most 65535 in the third dimension: larger batches are launched
 * in parts, with the offsets moved on). Arguments: {@code (int m, int n, int k, T alpha, T *A, long offA,
 * long lda, long strideA, T *B, long offB, long ldb, long strideB, T beta, T *C, long offC, long ldc,
 * long strideC)} with T the element type.
 */
public final class GemmKernels {
    private static final String BODY = """
            JGA_KERNEL void ${NAME}(const int m, const int n, const int k, const ${T} alpha,
                    JGA_GLOBAL const ${T} *A, const jga_long offA, const jga_long lda, const jga_long strideA,
                    JGA_GLOBAL const ${T} *B, const jga_long offB, const jga_long ldb, const jga_long strideB,
                    const ${T} beta, JGA_GLOBAL ${T} *C, const jga_long offC, const jga_long ldc,
                    const jga_long strideC)
            {
                JGA_LOCAL ${U} As[JGA_GEMM_TK][JGA_GEMM_TM + 1];
                JGA_LOCAL ${U} Bs[JGA_GEMM_TK][JGA_GEMM_TN + 1];
                A += offA + JGA_GROUP2 * strideA;
                B += offB + JGA_GROUP2 * strideB;
                C += offC + JGA_GROUP2 * strideC;
                const int tx = JGA_LID0;
                const int ty = JGA_LID1;
                const int tid = ty * JGA_GEMM_THREADS_X + tx;
                const jga_long row0 = JGA_GROUP1 * JGA_GEMM_TM;
                const jga_long col0 = JGA_GROUP0 * JGA_GEMM_TN;
                ${U} acc[JGA_GEMM_WM][JGA_GEMM_WN];
                for (int i = 0; i < JGA_GEMM_WM; i++) {
                    for (int j = 0; j < JGA_GEMM_WN; j++) {
                        acc[i][j] = (${U}) 0;
                    }
                }
                for (jga_long k0 = 0; k0 < k; k0 += JGA_GEMM_TK) {
                    for (int e = tid; e < JGA_GEMM_TM * JGA_GEMM_TK; e += JGA_GEMM_THREADS) {
            ${LOAD_A}
                    }
                    for (int e = tid; e < JGA_GEMM_TN * JGA_GEMM_TK; e += JGA_GEMM_THREADS) {
            ${LOAD_B}
                    }
                    JGA_BARRIER();
                    for (int kk = 0; kk < JGA_GEMM_TK; kk++) {
                        ${U} a[JGA_GEMM_WM];
                        ${U} b[JGA_GEMM_WN];
                        for (int i = 0; i < JGA_GEMM_WM; i++) {
                            a[i] = As[kk][ty + i * JGA_GEMM_THREADS_Y];
                        }
                        for (int j = 0; j < JGA_GEMM_WN; j++) {
                            b[j] = Bs[kk][tx + j * JGA_GEMM_THREADS_X];
                        }
                        for (int i = 0; i < JGA_GEMM_WM; i++) {
                            for (int j = 0; j < JGA_GEMM_WN; j++) {
                                acc[i][j] = ${FMA}(a[i], b[j], acc[i][j]);
                            }
                        }
                    }
                    JGA_BARRIER();
                }
                for (int i = 0; i < JGA_GEMM_WM; i++) {
                    const jga_long r = row0 + ty + i * JGA_GEMM_THREADS_Y;
                    for (int j = 0; j < JGA_GEMM_WN; j++) {
                        const jga_long c = col0 + tx + j * JGA_GEMM_THREADS_X;
                        if (r < m && c < n) {
                            const jga_long at = r * ldc + c;
                            C[at] = ${TO_T}(beta == (${T}) 0 ? ${TO_U}alpha * acc[i][j]
                                    : ${TO_U}alpha * acc[i][j] + ${TO_U}beta * ${TO_U}C[at]);
                        }
                    }
                }
            }
            """;

    // op(A)[row0 + r][k0 + kk] into As[kk][r]; consecutive threads read consecutive addresses
    private static final String LOAD_A_N = """
                        const int kk = e % JGA_GEMM_TK;
                        const int r = e / JGA_GEMM_TK;
                        const jga_long gr = row0 + r;
                        const jga_long gk = k0 + kk;
                        As[kk][r] = (gr < m && gk < k) ? ${TO_U}A[gr * lda + gk] : (${U}) 0;""";
    private static final String LOAD_A_T = """
                        const int r = e % JGA_GEMM_TM;
                        const int kk = e / JGA_GEMM_TM;
                        const jga_long gr = row0 + r;
                        const jga_long gk = k0 + kk;
                        As[kk][r] = (gr < m && gk < k) ? ${TO_U}A[gk * lda + gr] : (${U}) 0;""";
    // op(B)[k0 + kk][col0 + c] into Bs[kk][c]
    private static final String LOAD_B_N = """
                        const int c = e % JGA_GEMM_TN;
                        const int kk = e / JGA_GEMM_TN;
                        const jga_long gc = col0 + c;
                        const jga_long gk = k0 + kk;
                        Bs[kk][c] = (gc < n && gk < k) ? ${TO_U}B[gk * ldb + gc] : (${U}) 0;""";
    private static final String LOAD_B_T = """
                        const int kk = e % JGA_GEMM_TK;
                        const int c = e / JGA_GEMM_TK;
                        const jga_long gc = col0 + c;
                        const jga_long gk = k0 + kk;
                        Bs[kk][c] = (gc < n && gk < k) ? ${TO_U}B[gc * ldb + gk] : (${U}) 0;""";

    private GemmKernels() {
    }

    /**
     * The GEMM program of one element type and tiling: kernels for all four transpose combinations.
     *
     * @param dialect CUDA or OPENCL
     * @param type    FLOAT32, FLOAT64, INT32 or INT64
     * @param tiling  the tile sizes, baked in as {@code JGA_GEMM_*} macros
     * @throws IllegalArgumentException for the Java dialect or another type
     */
    public static CSource program(Dialect dialect, ScalarType type, GemmTiling tiling) {
        boolean integer = type.isInteger();
        StringBuilder src = new StringBuilder(LibPrelude.of(dialect, type == ScalarType.FLOAT64));
        src.append('\n').append(macros(tiling));
        String t = integer ? type.nameIn(dialect) : LibPrelude.real(type);
        String u = type == ScalarType.INT32 ? "jga_uint" : type == ScalarType.INT64 ? "jga_ulong" : t;
        Map<String, String> types = Map.of("T", t, "U", u, "TO_T", integer ? "(" + t + ") " : "",
                "TO_U", integer ? "(" + u + ") " : "",
                "FMA", integer ? "JGA_GEMM_MAD" : LibPrelude.fn(dialect, type, "fma"));
        if (integer) {
            src.append("#define JGA_GEMM_MAD(a, b, c) ((a) * (b) + (c))\n");
        }
        List<String> names = new ArrayList<>();
        for (boolean ta : new boolean[] {false, true}) {
            for (boolean tb : new boolean[] {false, true}) {
                String name = kernelName(type, ta, tb);
                names.add(name);
                String body = BODY.replace("${LOAD_A}", ta ? LOAD_A_T : LOAD_A_N)
                        .replace("${LOAD_B}", tb ? LOAD_B_T : LOAD_B_N).replace("${NAME}", name);
                src.append('\n').append(fill(body, types));
            }
        }
        return new CSource(src.toString(), names);
    }

    /** The kernel for a type and transpose combination, e.g. {@code jga_gemm_float32_nt}. */
    public static String kernelName(ScalarType type, boolean transA, boolean transB) {
        return "jga_gemm_" + type.numpyName() + "_" + (transA ? "t" : "n") + (transB ? "t" : "n");
    }

    private static String macros(GemmTiling t) {
        return "#define JGA_GEMM_TM " + t.tileM() + "\n#define JGA_GEMM_TN " + t.tileN()
                + "\n#define JGA_GEMM_TK " + t.tileK() + "\n#define JGA_GEMM_WM " + t.workM()
                + "\n#define JGA_GEMM_WN " + t.workN() + "\n#define JGA_GEMM_THREADS_X " + t.threadsX()
                + "\n#define JGA_GEMM_THREADS_Y " + t.threadsY()
                + "\n#define JGA_GEMM_THREADS (JGA_GEMM_THREADS_X * JGA_GEMM_THREADS_Y)\n";
    }

    static String fill(String template, Map<String, String> values) {
        String out = template;
        for (Map.Entry<String, String> e : values.entrySet()) {
            out = out.replace("${" + e.getKey() + "}", e.getValue());
        }
        if (out.contains("${")) {
            throw new IllegalStateException("unfilled placeholder in " + out.substring(out.indexOf("${")));
        }
        return out;
    }
}
