package org.jgpuarray.samples.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * PyOpenCL's side of {@code jgpuarray bench --layouts}: {@code bench/pyopencl_layouts.py} run once, after
 * jgpuarray's own cases, on the OpenCL device they ran on, with the same matrix size and repetitions. PyOpenCL
 * refuses some cases and gets one wrong (its arithmetic ignores a transposed view's strides); the script says so
 * per case, and this class keeps what it said. When no interpreter can import PyOpenCL, or the script is not
 * found, {@link #run} says why instead of failing.
 */
final class PyOpenClLayouts {
    /** The script, relative to the repository root. */
    static final String SCRIPT = "bench/pyopencl_layouts.py";

    /**
     * One case as PyOpenCL ran it.
     *
     * @param name    the case, named as jgpuarray's (e.g. {@code a.T + b})
     * @param stats   its timings; null when PyOpenCL refused it
     * @param problem empty when the result was right, else PyOpenCL's refusal or the wrong result's error
     */
    record Case(String name, Stats stats, String problem) {
    }

    /**
     * What the script measured, or why it measured nothing.
     *
     * @param device  platform, device and PyOpenCL version (empty when the script did not run)
     * @param cases   the cases in the script's order
     * @param problem why there are no cases (empty when there are)
     */
    record Outcome(String device, List<Case> cases, String problem) {
        static Outcome failed(String problem) {
            return new Outcome("", List.of(), problem);
        }
    }

    private PyOpenClLayouts() {
    }

    /**
     * Runs the script to its end.
     *
     * @param python the interpreter, or null to try {@code python3} then {@code /usr/bin/python3}
     * @param device a substring of the OpenCL device's name (the device jgpuarray measured)
     * @param n      rows and columns of the matrix
     * @param repeat timed runs of each case
     * @param seed   seed of the inputs
     */
    static Outcome run(String python, String device, int n, int repeat, long seed) {
        Optional<Path> script = PythonScripts.locate(SCRIPT);
        if (script.isEmpty()) {
            return Outcome.failed(SCRIPT + " not found (run from the repository root)");
        }
        List<String> problems = new ArrayList<>();
        for (String interpreter : PythonScripts.interpreters(python)) {
            List<String> command = List.of(interpreter, script.get().toString(), "--n", String.valueOf(n),
                    "--repeat", String.valueOf(repeat), "--device", device, "--seed", String.valueOf(seed));
            Outcome outcome = runOnce(command, problems);
            if (outcome != null) {
                return outcome;
            }
        }
        return Outcome.failed(String.join("; ", problems));
    }

    /** The outcome, or null (with the problem added) when this interpreter cannot import PyOpenCL or start. */
    private static Outcome runOnce(List<String> command, List<String> problems) {
        Process process = PythonScripts.start(command, problems);
        if (process == null) {
            return null;
        }
        String device = "";
        List<Case> cases = new ArrayList<>();
        List<String> other = new ArrayList<>();
        PythonScripts.Ending ending;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String[] fields = line.split("\t", -1);
                String named = PythonScripts.device(fields);
                if (named != null) {
                    device = named;
                } else if (fields[0].equals("case") && fields.length == 4) {
                    cases.add(parse(fields));
                } else {
                    other.add(line);
                }
            }
            ending = PythonScripts.end(process, other);
        } catch (IOException e) {
            process.destroyForcibly();
            return Outcome.failed("reading " + SCRIPT + "'s output: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return Outcome.failed("interrupted");
        }
        if (ending.importFailed()) {
            problems.add(command.get(0) + ": " + ending.said());
            return null;
        }
        if (ending.exit() != 0 || cases.isEmpty()) {
            return Outcome.failed(command.get(0) + " " + SCRIPT + " exited with " + ending.exit() + ": "
                    + ending.said());
        }
        return new Outcome(device, List.copyOf(cases), "");
    }

    /** A {@code case} record: name, comma-separated nanoseconds (empty when not timed), problem. */
    private static Case parse(String[] fields) {
        long[] nanos = fields[2].isEmpty() ? new long[0]
                : Arrays.stream(fields[2].split(",")).mapToLong(Long::parseLong).toArray();
        return new Case(fields[1], nanos.length == 0 ? null : Stats.of(nanos), fields[3]);
    }
}
