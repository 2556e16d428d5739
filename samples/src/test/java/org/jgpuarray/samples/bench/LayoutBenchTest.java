package org.jgpuarray.samples.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.jgpuarray.samples.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bench --layouts} with a tiny configuration on the CPU: every case runs, is checked and is written out. */
class LayoutBenchTest {
    @TempDir
    Path dir;

    @Test
    void tinyRunChecksEveryCaseAndWritesCsvAndChart() throws Exception {
        Cli.Result r = Cli.run("bench", "--layouts", "--backend", "cpu", "--layout-size", "70", "--sort-size", "70001",
                "--repeat", "2", "--warmup", "0", "--warmup-time", "0", "--out", dir.toString());
        assertEquals(0, r.exit(), r::toString);
        for (String c : new String[] {"a + b", "a.T + b", "a + row", "sum(a, axis 0)", "sum(a, axis 1)",
            "Arrays.parallelSort", "GPUArray.sort", "targets met"}) {
            assertTrue(r.out().contains(c), () -> c + " missing: " + r);
        }
        assertTrue(!r.out().contains("WRONG"), r::toString);
        List<String> csv = Files.readAllLines(dir.resolve("layouts.csv"));
        assertEquals(9, csv.size(), csv::toString);
        assertTrue(csv.get(2).startsWith("cpu,a.T + b,a + b,"), csv::toString);
        assertNotNull(ImageIO.read(dir.resolve("layouts.png").toFile()), "a decodable PNG");
    }

    @Test
    void badSizesAreAUsageError() {
        Cli.Result r = Cli.run("bench", "--layouts", "--layout-size", "0");
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().contains("--layout-size"), r::toString);
    }
}
