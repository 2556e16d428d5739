package org.jgpuarray.kernels.lib;

/**
 * Philox4x32-10 (Salmon, Moraes, Dror and Shaw, "Parallel random numbers: as easy as 1, 2, 3", SC 2011)
 * in plain Java, and the one mapping from (seed, offset, element index) to numbers that every jgpuarray
 * backend follows. This class is the reference the CUDA C and OpenCL C kernels of
 * {@link PhiloxKernels} and the CPU backend are tested against, bit for bit.
 *
 * <p><b>The stream.</b> A 64-bit {@code seed} gives the key {@code (k0, k1) = (low 32 bits, high 32
 * bits)}. Block {@code b} (a 64-bit counter position) is the Philox4x32-10 output for the counter
 * {@code (c0, c1, c2, c3) = (low 32 bits of b, high 32 bits of b, 0, 0)}: four 32-bit words
 * {@code x0..x3}. Word {@code w} of the stream is word {@code w % 4} of block {@code w / 4}. A call that
 * starts at block {@code offset} maps its elements {@code i = 0, 1, ...} as follows:
 * <ul>
 *   <li>int32 bits: element i = word {@code 4 * offset + i};</li>
 *   <li>uniform float32: from word {@code 4 * offset + i}: {@code (u >>> 8) * 2^-24}, in [0, 1);</li>
 *   <li>uniform float64: from words {@code 4 * offset + 2i} (a) and {@code 2i + 1} (b):
 *       {@code ((a >>> 5) * 2^26 + (b >>> 6)) * 2^-53}, in [0, 1);</li>
 *   <li>normal float32: elements {@code 2j, 2j + 1} from the float32 uniforms u1, u2 of words
 *       {@code 2j, 2j + 1}: {@code r = sqrt(-2 log(1 - u1))}, {@code z0 = r cospi(2 u2)},
 *       {@code z1 = r sinpi(2 u2)}, each step rounded to float; element = {@code fma(std, z, mean)};</li>
 *   <li>normal float64: elements {@code 2j, 2j + 1} from the float64 uniforms of block
 *       {@code offset + j} (words 0, 1 give u1, words 2, 3 give u2), the same formulas in double.</li>
 * </ul>
 * A call of {@code count} elements consumes {@link #blocksFor(int, long)} blocks; the next call starts
 * there. Integers and uniforms are identical on every backend; normals differ by the few ulp that the
 * devices' {@code log}, {@code sqrt}, {@code sinpi} and {@code cospi} differ from Java's.
 *
 * <p>Thread-safe: stateless static functions.
 */
public final class Philox4x32 {
    /** Philox multiplier of the first word pair. */
    public static final int M0 = 0xD2511F53;
    /** Philox multiplier of the second word pair. */
    public static final int M1 = 0xCD9E8D57;
    /** Weyl increment of key word 0 (golden ratio). */
    public static final int W0 = 0x9E3779B9;
    /** Weyl increment of key word 1 (sqrt(3) - 1). */
    public static final int W1 = 0xBB67AE85;
    /** Rounds. */
    public static final int ROUNDS = 10;

    private static final float FLOAT_UNIT = 0x1p-24f;
    private static final double DOUBLE_UNIT = 0x1p-53;

    private Philox4x32() {
    }

    /**
     * One Philox4x32-10 block.
     *
     * @param counter four counter words; not modified
     * @param key     two key words; not modified
     * @return the four output words
     */
    public static int[] block(int[] counter, int[] key) {
        int[] out = new int[4];
        block(counter[0], counter[1], counter[2], counter[3], key[0], key[1], out, 0);
        return out;
    }

    /**
     * One Philox4x32-10 block written into {@code out[at .. at + 3]} (modified).
     */
    public static void block(int c0, int c1, int c2, int c3, int k0, int k1, int[] out, int at) {
        for (int round = 0; round < ROUNDS; round++) {
            long p0 = (M0 & 0xFFFFFFFFL) * (c0 & 0xFFFFFFFFL);
            long p1 = (M1 & 0xFFFFFFFFL) * (c2 & 0xFFFFFFFFL);
            int n0 = (int) (p1 >>> 32) ^ c1 ^ k0;
            int n2 = (int) (p0 >>> 32) ^ c3 ^ k1;
            c1 = (int) p1;
            c3 = (int) p0;
            c0 = n0;
            c2 = n2;
            k0 += W0;
            k1 += W1;
        }
        out[at] = c0;
        out[at + 1] = c1;
        out[at + 2] = c2;
        out[at + 3] = c3;
    }

    /**
     * The four words of stream block {@code blockIndex} for {@code seed}, into {@code out[at .. at + 3]}.
     */
    public static void streamBlock(long seed, long blockIndex, int[] out, int at) {
        block((int) blockIndex, (int) (blockIndex >>> 32), 0, 0, (int) seed, (int) (seed >>> 32), out, at);
    }

    /**
     * Words {@code first .. first + count - 1} of the stream of {@code seed}, into {@code out} from
     * {@code at} (modified).
     */
    public static void words(long seed, long first, int[] out, int at, int count) {
        int[] b = new int[4];
        long block = Long.MIN_VALUE;
        for (int k = 0; k < count; k++) {
            long w = first + k;
            if (w >>> 2 != block) {
                block = w >>> 2;
                streamBlock(seed, block, b, 0);
            }
            out[at + k] = b[(int) (w & 3)];
        }
    }

    /** The float32 uniform of one word: {@code (u >>> 8) * 2^-24}. */
    public static float uniformFloat(int word) {
        return (word >>> 8) * FLOAT_UNIT;
    }

    /** The float64 uniform of two words: {@code ((a >>> 5) * 2^26 + (b >>> 6)) * 2^-53}. */
    public static double uniformDouble(int a, int b) {
        return ((a >>> 5) * 67108864.0 + (b >>> 6)) * DOUBLE_UNIT;
    }

    /**
     * The two float32 normals of two uniforms, {@code {z0, z1}} before mean and std.
     */
    public static float[] normalPair(float u1, float u2) {
        float r = (float) Math.sqrt(-2.0f * (float) Math.log(1.0f - u1));
        float x = 2.0f * u2;
        return new float[] {r * (float) PiTrig.cospi(x), r * (float) PiTrig.sinpi(x)};
    }

    /** The two float64 normals of two uniforms, {@code {z0, z1}} before mean and std. */
    public static double[] normalPair(double u1, double u2) {
        double r = Math.sqrt(-2.0 * Math.log(1.0 - u1));
        double x = 2.0 * u2;
        return new double[] {r * PiTrig.cospi(x), r * PiTrig.sinpi(x)};
    }

    /**
     * Counter blocks that {@code count} elements consume.
     *
     * @param wordsPerElement 1 for int32 bits, float32 uniforms and normals; 2 for float64 ones
     */
    public static long blocksFor(int wordsPerElement, long count) {
        return (count * wordsPerElement + 3) / 4;
    }
}
