package org.jgpuarray.cpu.lib;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@link HelpJudge}: when helpers pay for their hand-off, and how long jobs run without them when they do not. */
class CpuHelpJudgeTest {
    private static final long US = 1_000;

    @Test
    void helpersPayWhenTheirChunksOutweighTheWait() {
        // 8 chunks, the caller ran 4 in 40 us: the helpers' 4 would have cost it 40 us more
        assertTrue(HelpJudge.paid(8, 4, 40 * US, 5 * US));
        assertFalse(HelpJudge.paid(8, 4, 40 * US, 39 * US), "a wait as long as the work saved does not pay");
        assertFalse(HelpJudge.paid(8, 8, 80 * US, 0), "a helper that took no chunk saved nothing");
        assertTrue(HelpJudge.paid(8, 0, 0, 20 * US), "helpers that ran everything paid");
        assertFalse(HelpJudge.paid(2, 1, 1 * US, 0), "a chunk shorter than the hand-off does not pay");
    }

    @Test
    void lossesInARowPauseTheHelpersForAGrowingWhile() {
        HelpJudge judge = new HelpJudge();
        long now = 0;
        assertTrue(judge.helpersWanted(now));
        for (int k = 0; k < HelpJudge.LOSSES - 1; k++) {
            judge.record(8, 8, 80 * US, 0, now);
            assertTrue(judge.helpersWanted(now), "not paused after " + (k + 1) + " losses");
        }
        judge.record(8, 8, 80 * US, 0, now);
        assertFalse(judge.helpersWanted(now), "paused after " + HelpJudge.LOSSES + " losses");
        assertFalse(judge.helpersWanted(now + HelpJudge.MIN_PAUSE_NANOS - 1));
        now += HelpJudge.MIN_PAUSE_NANOS;
        assertTrue(judge.helpersWanted(now), "the pause ends");
        for (int k = 0; k < HelpJudge.LOSSES; k++) {
            judge.record(8, 8, 80 * US, 0, now);
        }
        assertFalse(judge.helpersWanted(now + 2 * HelpJudge.MIN_PAUSE_NANOS - 1), "the second pause is twice as long");
        assertTrue(judge.helpersWanted(now + 2 * HelpJudge.MIN_PAUSE_NANOS));
        now += 2 * HelpJudge.MIN_PAUSE_NANOS;
        judge.record(8, 4, 40 * US, 0, now); // a job that paid resets everything
        for (int k = 0; k < HelpJudge.LOSSES; k++) {
            judge.record(8, 8, 80 * US, 0, now);
        }
        assertTrue(judge.helpersWanted(now + HelpJudge.MIN_PAUSE_NANOS), "after a paying job the pause starts short");
    }

    @Test
    void thePauseIsBounded() {
        HelpJudge judge = new HelpJudge();
        long now = 0;
        for (int round = 0; round < 40; round++) {
            for (int k = 0; k < HelpJudge.LOSSES; k++) {
                judge.record(8, 8, 80 * US, 0, now);
            }
            now += HelpJudge.MAX_PAUSE_NANOS;
            assertTrue(judge.helpersWanted(now), "round " + round + ": paused for longer than the longest pause");
        }
    }
}
