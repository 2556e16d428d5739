package org.jgpuarray.samples.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * PyOpenCL's side of {@code jgpuarray bench --small-calls}: runs {@code bench/pyopencl_small_calls.py} in
 * a Python interpreter (the given one, else {@code python3} on the path, else {@code /usr/bin/python3},
 * where Debian's {@code python3-pyopencl} installs) and reads its figures. When no interpreter can import
 * PyOpenCL, or the script is not found, says why instead of failing.
 */
final class PyOpenClSmallCalls {
    /** The script, relative to the repository root. */
    static final String SCRIPT = "bench/pyopencl_small_calls.py";
    private static final long TIMEOUT_MINUTES = 10;
    private static final int WRONG_RESULT = 1;
    private static final int IMPORT_FAILED = 3;

    /**
     * The figures of one run, or why there are none.
     *
     * @param device  platform, device and PyOpenCL version; empty when the run failed
     * @param timings by the script's keys
     * @param problem why there are no figures (empty when there are)
     * @param wrong   true when the script found a wrong result
     */
    record Result(String device, Map<String, SmallCallTiming> timings, String problem, boolean wrong) {
        static Result failed(String problem) {
            return new Result("", Map.of(), problem, false);
        }
    }

    private PyOpenClSmallCalls() {
    }

    /**
     * Runs the script.
     *
     * @param python  the interpreter, or null to try {@code python3} then {@code /usr/bin/python3}
     * @param device  a substring of the OpenCL device's name (the device jgpuarray measured)
     * @param n       elements per array
     * @param samples timed samples per call
     * @param warmup  untimed calls first
     * @param seed    seed of the inputs
     */
    static Result run(String python, String device, int n, int samples, int warmup, long seed) {
        Optional<Path> script = locate();
        if (script.isEmpty()) {
            return Result.failed(SCRIPT + " not found (run from the repository root)");
        }
        List<String> interpreters = python != null ? List.of(python) : List.of("python3", "/usr/bin/python3");
        List<String> problems = new ArrayList<>();
        for (String interpreter : interpreters) {
            List<String> command = List.of(interpreter, script.get().toString(), "--n", String.valueOf(n), "--samples",
                    String.valueOf(samples), "--warmup", String.valueOf(warmup), "--device", device, "--seed",
                    String.valueOf(seed));
            Result result = runOnce(command, problems);
            if (result != null) {
                return result;
            }
        }
        return Result.failed(String.join("; ", problems));
    }

    /** The result, or null (with the problem added) when this interpreter cannot import PyOpenCL or start. */
    private static Result runOnce(List<String> command, List<String> problems) {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            problems.add(command.get(0) + ": " + e.getMessage());
            return null;
        }
        String device = "";
        Map<String, SmallCallTiming> timings = new LinkedHashMap<>();
        List<String> other = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String[] fields = line.split("\t");
                if (fields[0].equals("device") && fields.length == 4) {
                    device = fields[1] + " / " + fields[2] + ", PyOpenCL " + fields[3];
                } else if (fields[0].equals("time") && fields.length == 4) {
                    timings.put(fields[1], new SmallCallTiming(Double.parseDouble(fields[2]),
                            Double.parseDouble(fields[3])));
                } else {
                    other.add(line);
                }
            }
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                return Result.failed(command.get(0) + " " + SCRIPT + " did not finish in " + TIMEOUT_MINUTES
                        + " minutes");
            }
        } catch (IOException e) {
            process.destroyForcibly();
            return Result.failed("reading " + SCRIPT + "'s output: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return Result.failed("interrupted");
        }
        String said = String.join(" ", other).trim();
        if (process.exitValue() == IMPORT_FAILED) {
            problems.add(command.get(0) + ": " + said);
            return null;
        }
        if (process.exitValue() != 0) {
            return new Result("", Map.of(), command.get(0) + " " + SCRIPT + " exited with " + process.exitValue()
                    + ": " + said, process.exitValue() == WRONG_RESULT);
        }
        return new Result(device, timings, "", false);
    }

    /** The script under the working directory, else under the repository that holds this jar. */
    private static Optional<Path> locate() {
        Path here = Path.of(SCRIPT);
        if (Files.isRegularFile(here)) {
            return Optional.of(here);
        }
        var source = PyOpenClSmallCalls.class.getProtectionDomain().getCodeSource();
        if (source == null) {
            return Optional.empty();
        }
        try {
            // samples/target/jgpuarray.jar (or samples/target/classes) -> the repository root
            Path root = Path.of(source.getLocation().toURI()).toAbsolutePath();
            for (int up = 0; up < 3 && root != null; up++) {
                root = root.getParent();
            }
            if (root != null && Files.isRegularFile(root.resolve(SCRIPT))) {
                return Optional.of(root.resolve(SCRIPT));
            }
        } catch (URISyntaxException | IllegalArgumentException e) {
            // a code source that is no file: only the working directory counts
        }
        return Optional.empty();
    }
}
