package org.jgpuarray.samples.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.jgpuarray.samples.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PyOpenCL peer of {@code bench --layouts}: the script's cases, read back; its refusals and wrong results kept
 * as problems; a missing interpreter reported, never thrown.
 */
class PyOpenClLayoutsTest {
    private static final List<String> CASES = List.of("a + b", "a.T + b", "a + row", "sum(a)", "sum(a, axis 0)",
            "sum(a, axis 1)");

    @Test
    void everyCaseIsTimedOrRefusedAndTheRightOnesAreRight() {
        PyOpenClLayouts.Outcome peer = PyOpenClLayouts.run(null, "", 67, 2, 5);
        // only an absent PyOpenCL skips: a script that breaks must fail here
        assumeTrue(!peer.problem().contains("cannot import PyOpenCL"), () -> "PyOpenCL absent: " + peer.problem());
        assertEquals("", peer.problem());
        assertTrue(peer.device().contains("PyOpenCL "), peer::toString);
        assertEquals(CASES, peer.cases().stream().map(PyOpenClLayouts.Case::name).toList());
        for (PyOpenClLayouts.Case c : peer.cases()) {
            assertTrue(c.stats() != null || !c.problem().isEmpty(), () -> "neither timed nor refused: " + c);
            if (c.stats() != null) {
                assertEquals(2, c.stats().runs(), c::toString);
            }
        }
        for (String contiguous : List.of("a + b", "sum(a)")) {
            PyOpenClLayouts.Case c = peer.cases().get(CASES.indexOf(contiguous));
            assertNotNull(c.stats(), c::toString);
            assertEquals("", c.problem(), c::toString);
        }
    }

    @Test
    void aMissingInterpreterIsAProblemNotAnException() {
        PyOpenClLayouts.Outcome peer = PyOpenClLayouts.run("/nonexistent/python3", "", 8, 1, 5);
        assertTrue(peer.problem().startsWith("/nonexistent/python3: "), peer::toString);
        assertTrue(peer.cases().isEmpty(), peer::toString);
    }

    @Test
    void theTableGivesSpeedUpsOnlyForRightResults() {
        Stats ten = Stats.of(new long[] {10_000_000});
        Stats two = Stats.of(new long[] {2_000_000});
        List<LayoutCase> ours = List.of(
                new LayoutCase("opencl", "a + b", "a + b", 1, two, 1, 1, 0, ""),
                new LayoutCase("opencl", "a.T + b", "a + b", 1, two, 1, 1, 0.7, ""),
                new LayoutCase("cpu", "sum(a)", "sum(a)", 1, ten, 1, 1, 0, ""));
        PyOpenClLayouts.Outcome peer = new PyOpenClLayouts.Outcome("PoCL / cpu, PyOpenCL 9", List.of(
                new PyOpenClLayouts.Case("a + b", ten, ""),
                new PyOpenClLayouts.Case("a.T + b", ten, "wrong result: largest error 1"),
                new PyOpenClLayouts.Case("a + row", null, "NotImplementedError: no broadcasting")), "");
        StringWriter text = new StringWriter();
        LayoutReport.printPeer(peer, ours, "opencl", new PrintWriter(text));
        List<String> lines = text.toString().lines().toList();
        assertEquals(5, lines.size(), text::toString);
        assertTrue(lines.get(2).startsWith("a + b ") && lines.get(2).contains(" 5.00x ") && lines.get(2).endsWith("right"),
                text::toString);
        assertTrue(lines.get(3).endsWith("wrong result: largest error 1") && !lines.get(3).contains("x "),
                text::toString);
        assertTrue(lines.get(4).endsWith("refused: NotImplementedError: no broadcasting"), text::toString);
    }

    @Test
    void withoutPyOpenClTheTableSaysWhy() {
        StringWriter text = new StringWriter();
        LayoutReport.printPeer(PyOpenClLayouts.Outcome.failed("no interpreter"), List.of(), "opencl",
                new PrintWriter(text));
        assertEquals("PyOpenCL not measured: no interpreter", text.toString().strip());
    }

    @Test
    void theLayoutsBenchOnOpenClPrintsThePeer(@TempDir Path dir) {
        Cli.Result r = Cli.run("bench", "--layouts", "--backend", "opencl", "--layout-size", "33", "--sort-size",
                "1000", "--repeat", "1", "--warmup", "0", "--no-chart", "--out", dir.toString());
        assumeTrue(!r.err().contains("no backend could be opened"), () -> "opencl unavailable: " + r.err());
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.out().contains("PyOpenCL on the same device (") || r.out().contains("PyOpenCL not measured: "),
                r::toString);
    }
}
