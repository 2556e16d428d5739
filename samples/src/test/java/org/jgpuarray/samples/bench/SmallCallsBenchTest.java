package org.jgpuarray.samples.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import org.jgpuarray.device.BackendProbe;
import org.jgpuarray.samples.Cli;
import org.jgpuarray.samples.query.BackendSurvey;
import org.junit.jupiter.api.Test;

/** {@code jgpuarray bench --small-calls} with few samples: ours always, PyOpenCL's where it can be run. */
class SmallCallsBenchTest {

    @Test
    void withoutOpenClOursAloneAndTheReasonWhy() {
        Cli.Result r = Cli.run("bench", "--small-calls", "--backend", "cpu", "--small-samples", "40", "--small-rounds",
                "2");
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.out().contains("PyOpenCL not measured: no OpenCL context to compare with"), r::toString);
        assertTrue(r.out().contains("| x.sum().item() ") && r.out().contains(" cpu |"), r::toString);
        assertTrue(!r.out().contains("PyOpenCL (pool)"), r::toString);
    }

    @Test
    void aMissingInterpreterIsReportedNotAFailure() {
        assumeOpenCl();
        Cli.Result r = Cli.run("bench", "--small-calls", "--backend", "opencl", "--small-samples", "20",
                "--small-rounds", "1", "--python", "/nonexistent/python3");
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.out().contains("PyOpenCL not measured: /nonexistent/python3"), r::toString);
        assertTrue(r.out().contains("| x.add(y) + synchronize, result freed "), r::toString);
    }

    @Test
    void withPyOpenClBothSidesAndTheRatioInOneTable() {
        assumeOpenCl();
        Cli.Result r = Cli.run("bench", "--small-calls", "--backend", "opencl", "--small-samples", "200",
                "--small-rounds", "2");
        assertEquals(0, r.exit(), r::toString);
        // only an absent PyOpenCL skips (.ci/run installs it): a peer that breaks must fail here
        assumeTrue(!r.out().contains("cannot import PyOpenCL"), () -> "PyOpenCL cannot be run here: " + r.out());
        assertTrue(!r.out().contains("PyOpenCL not measured"), r::toString);
        assertTrue(r.out().contains("PyOpenCL on "), r::toString);
        assertTrue(r.out().contains("| PyOpenCL (pool) | PyOpenCL (no pool) | opencl / PyOpenCL (pool) |"), r::toString);
        long rows = r.out().lines().filter(l -> l.startsWith("| ") && l.matches(".*\\d\\.\\d\\d / \\d.*")).count();
        assertEquals(4, rows, r::toString);
    }

    @Test
    void tooFewSamplesForTheRoundsAreAUsageError() {
        Cli.Result r = Cli.run("bench", "--small-calls", "--small-samples", "2", "--small-rounds", "3");
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().contains("--small-samples at least --small-rounds"), r::toString);
    }

    @Test
    void timingsAreTheMinimumAndTheMedianPerCall() {
        SmallCallTiming odd = SmallCallTiming.of(new long[] {9000, 1000, 5000}, 1);
        assertEquals(1.0, odd.minMicros(), 1e-12);
        assertEquals(5.0, odd.medianMicros(), 1e-12);
        SmallCallTiming even = SmallCallTiming.of(new long[] {4000, 2000, 8000, 6000}, 2);
        assertEquals(1.0, even.minMicros(), 1e-12);
        assertEquals(2.5, even.medianMicros(), 1e-12);
        SmallCallTiming combined = SmallCallTiming.combine(List.of(new SmallCallTiming(3, 10),
                new SmallCallTiming(2, 30), new SmallCallTiming(4, 20)));
        assertEquals(new SmallCallTiming(2, 20), combined);
    }

    private static void assumeOpenCl() {
        BackendProbe probe = BackendSurvey.probeAll().stream().filter(p -> p.backend().equals("opencl")).findFirst()
                .orElseThrow();
        assumeTrue(probe.available(), () -> "opencl unavailable: " + probe.reason());
    }
}
