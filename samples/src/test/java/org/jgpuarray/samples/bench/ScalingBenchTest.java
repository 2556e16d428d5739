package org.jgpuarray.samples.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jgpuarray.samples.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bench --scaling}: the table, the CSV, the counts' check, and the scaling law's arithmetic. */
class ScalingBenchTest {
    @TempDir
    Path dir;

    @Test
    void scalingOnThreeCpuContextsWritesTheTableAndTheCsv() throws Exception {
        Path csv = dir.resolve("scaling.csv");
        Cli.Result r = Cli.run("bench", "--scaling", "--backend", "cpu", "--devices", "3", "--samples", "100003",
                "--repeat", "1", "--warmup", "1", "--csv", csv.toString());
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.out().contains("speedup") && r.out().contains("serial(KF)"), r::toString);
        assertTrue(r.out().contains("every p counted the same points"), r::toString);
        List<String> lines = Files.readAllLines(csv);
        assertEquals(4, lines.size(), () -> String.join("\n", lines));
        assertTrue(lines.get(3).startsWith("3,\"[cpu:0, cpu:0, cpu:0]\","), lines.get(3));
        long inside = Long.parseLong(lines.get(1).substring(lines.get(1).lastIndexOf(',') + 1));
        double pi = 4.0 * inside / 100003;
        assertTrue(Math.abs(pi - Math.PI) < 0.03, "pi ~ " + pi);
    }

    @Test
    void karpFlattRecoversTheSerialFractionOfAmdahlsLaw() {
        double f = 0.1;
        for (int p = 2; p <= 64; p *= 2) {
            double speedup = 1 / (f + (1 - f) / p);
            assertEquals(f, ScalingLaw.serialFraction(speedup, p), 1e-12, "p=" + p);
            assertEquals(speedup / p, ScalingLaw.efficiency(speedup, p), 1e-15);
        }
        assertEquals(0, ScalingLaw.serialFraction(4, 4), 1e-15, "linear speedup: no serial part");
        assertTrue(Double.isNaN(ScalingLaw.serialFraction(1, 1)));
        assertEquals(2.5, ScalingLaw.speedup(10, 4));
    }
}
