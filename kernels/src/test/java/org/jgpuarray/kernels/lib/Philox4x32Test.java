package org.jgpuarray.kernels.lib;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The Java Philox4x32-10 against Random123's published known-answer vectors (its
 * {@code tests/kat_vectors}, the same ones TensorFlow's and cuRAND-compatible implementations check),
 * and the documented stream mapping.
 */
class Philox4x32Test {
    @Test
    void knownAnswerZeros() {
        assertArrayEquals(new int[] {0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8},
                Philox4x32.block(new int[] {0, 0, 0, 0}, new int[] {0, 0}));
    }

    @Test
    void knownAnswerOnes() {
        assertArrayEquals(new int[] {0x408f276d, 0x41c83b0e, 0xa20bc7c6, 0x6d5451fd},
                Philox4x32.block(new int[] {-1, -1, -1, -1}, new int[] {-1, -1}));
    }

    @Test
    void knownAnswerPiDigits() {
        assertArrayEquals(new int[] {0xd16cfe09, 0x94fdcceb, 0x5001e420, 0x24126ea1},
                Philox4x32.block(new int[] {0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344},
                        new int[] {0xa4093822, 0x299f31d0}));
    }

    @Test
    void streamBlocksUseLowAndHighWordsOfSeedAndCounter() {
        long seed = 0x299f31d0a4093822L;
        long block = 0x85a308d3243f6a88L;
        int[] out = new int[4];
        Philox4x32.streamBlock(seed, block, out, 0);
        assertArrayEquals(Philox4x32.block(new int[] {0x243f6a88, 0x85a308d3, 0, 0},
                new int[] {0xa4093822, 0x299f31d0}), out);
    }

    @Test
    void wordsFollowBlocks() {
        int[] words = new int[11];
        Philox4x32.words(42, 6, words, 0, 11);
        int[] block = new int[4];
        for (int k = 0; k < 11; k++) {
            long w = 6 + k;
            Philox4x32.streamBlock(42, w / 4, block, 0);
            assertEquals(block[(int) (w % 4)], words[k], "word " + w);
        }
    }

    @Test
    void uniformsCoverTheUnitIntervalHalfOpen() {
        assertEquals(0f, Philox4x32.uniformFloat(0));
        assertEquals(1f - 0x1p-24f, Philox4x32.uniformFloat(-1));
        assertEquals(0.5f, Philox4x32.uniformFloat(0x80000000));
        assertEquals(0.0, Philox4x32.uniformDouble(0, 0));
        assertEquals(1.0 - 0x1p-53, Philox4x32.uniformDouble(-1, -1));
        assertTrue(Philox4x32.uniformDouble(-1, -1) < 1.0);
    }

    @Test
    void normalPairsAreFiniteAtTheEnds() {
        float[] z = Philox4x32.normalPair(1f - 0x1p-24f, 0.25f);
        assertTrue(Float.isFinite(z[0]) && Float.isFinite(z[1]));
        assertEquals(0f, Philox4x32.normalPair(0f, 0.3f)[0], 0f);
        double[] d = Philox4x32.normalPair(1.0 - 0x1p-53, 0.125);
        assertEquals(Math.sqrt(2 * 53 * Math.log(2)) * Math.sqrt(0.5), d[0], 1e-12);
    }

    @Test
    void blocksConsumed() {
        assertEquals(0, Philox4x32.blocksFor(1, 0));
        assertEquals(1, Philox4x32.blocksFor(1, 3));
        assertEquals(1, Philox4x32.blocksFor(1, 4));
        assertEquals(2, Philox4x32.blocksFor(1, 5));
        assertEquals(3, Philox4x32.blocksFor(2, 5));
    }

    @Test
    void piTrigIsExactAtQuarterTurns() {
        assertEquals(0.0, PiTrig.sinpi(1.0), 0.0);
        assertEquals(-1.0, PiTrig.cospi(1.0));
        assertEquals(0.0, PiTrig.cospi(0.5), 0.0);
        assertEquals(Math.sqrt(0.5), PiTrig.sinpi(0.25), 2.3e-16);
        assertEquals(Math.sin(Math.PI * 1e-9), PiTrig.sinpi(1e-9), 1e-25);
    }
}
