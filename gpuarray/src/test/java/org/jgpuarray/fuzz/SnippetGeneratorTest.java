package org.jgpuarray.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.jgpuarray.GpuContext;
import org.junit.jupiter.api.Test;

/**
 * The fuzzer's own checks, on the CPU backend alone: generation is reproducible, generated snippets stay
 * inside the documented subset (the CPU translates and runs them; Java would throw where C's behavior is
 * undefined, e.g. on an integer division by zero), and the tolerance policy says what it claims.
 */
class SnippetGeneratorTest {
    @Test
    void aSeedRegeneratesItsCase() {
        for (int index = 0; index < 40; index++) {
            assertEquals(SnippetFuzzer.generate(7, index, 3, 16).describe(), SnippetFuzzer.generate(7, index, 3, 16).describe());
        }
        assertFalse(SnippetFuzzer.generate(7, 0, 0, 16).describe().equals(SnippetFuzzer.generate(8, 0, 0, 16).describe()));
    }

    @Test
    void generatedSnippetsTranslateAndRunOnTheCpu() {
        try (GpuContext cpu = GpuContext.create("cpu")) {
            List<FuzzCase> batch = new ArrayList<>();
            for (int index = 0; index < 80; index++) {
                if (SnippetFuzzer.isReduction(index)) {
                    Differential.Run r = Differential.reduction(cpu, SnippetFuzzer.generate(11, index, 0, 1));
                    assertNull(r.failure(), () -> String.valueOf(r.failure()));
                    continue;
                }
                batch.add(SnippetFuzzer.generate(11, index, batch.size(), SnippetFuzzer.BATCH));
                if (batch.size() == SnippetFuzzer.BATCH) {
                    Batch b = new Batch(batch);
                    Differential.Run r = Differential.elementwise(cpu, b);
                    assertNull(r.failure(), () -> Finding.summary(r.failure()) + "\n" + b.preamble() + b.operation());
                    batch.clear();
                }
            }
        }
    }

    @Test
    void tolerancePolicy() {
        FuzzCase.Check exact = FuzzCase.Check.EXACT;
        assertTrue(Compare.agree(exact, Double.NaN, -Double.NaN), "any NaN equals any NaN");
        assertFalse(Compare.agree(exact, 0.0, -0.0), "exact results keep the sign of zero");
        assertTrue(Compare.agree(FuzzCase.Check.ANY_ZERO, 0.0, -0.0), "where C leaves it open, it does not");
        assertFalse(Compare.agree(exact, 1.0, Math.nextUp(1.0)));
        FuzzCase.Check fourUlp = new FuzzCase.Check(false, 4, FuzzType.FLOAT, true);
        float x = 3.5f;
        assertTrue(Compare.agree(fourUlp, x, x + 4 * Math.ulp(x)));
        assertFalse(Compare.agree(fourUlp, x, x + 5 * Math.ulp(x)));
        assertTrue(Compare.agree(fourUlp, Float.MAX_VALUE, Double.POSITIVE_INFINITY), "overflow within the bound");
        assertFalse(Compare.agree(fourUlp, 1.0, Double.NaN));
        assertFalse(Compare.agree(fourUlp, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY));
    }
}
