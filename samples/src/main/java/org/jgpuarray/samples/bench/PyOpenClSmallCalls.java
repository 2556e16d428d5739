package org.jgpuarray.samples.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * PyOpenCL's side of {@code jgpuarray bench --small-calls}: {@code bench/pyopencl_small_calls.py --serve}
 * running in a Python interpreter (the given one, else {@code python3} on the path, else
 * {@code /usr/bin/python3}, where Debian's {@code python3-pyopencl} installs), asked for one call's timing at
 * a time so that the bench can alternate the two sides. When no interpreter can import PyOpenCL, or the
 * script is not found, {@link #start} says why instead of failing.
 */
final class PyOpenClSmallCalls implements AutoCloseable {
    /** The script, relative to the repository root. */
    static final String SCRIPT = "bench/pyopencl_small_calls.py";
    private static final int WRONG_RESULT = 1;

    /**
     * A started script, or why there is none.
     *
     * @param session the script, ready to measure; null when it could not be started
     * @param problem why there is no session (empty when there is)
     * @param wrong   true when the script found a wrong result
     */
    record Started(PyOpenClSmallCalls session, String problem, boolean wrong) {
        static Started failed(String problem) {
            return new Started(null, problem, false);
        }
    }

    private final Process process;
    private final BufferedReader lines;
    private final PrintWriter requests;
    private final String device;

    private PyOpenClSmallCalls(Process process, BufferedReader lines, String device) {
        this.process = process;
        this.lines = lines;
        this.requests = new PrintWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8),
                true);
        this.device = device;
    }

    /**
     * Starts the script, which builds its kernels, checks its results and warms up.
     *
     * @param python the interpreter, or null to try {@code python3} then {@code /usr/bin/python3}
     * @param device a substring of the OpenCL device's name (the device jgpuarray measures)
     * @param n      elements per array
     * @param warmup untimed calls of each kind first
     * @param seed   seed of the inputs
     */
    static Started start(String python, String device, int n, int warmup, long seed) {
        Optional<Path> script = PythonScripts.locate(SCRIPT);
        if (script.isEmpty()) {
            return Started.failed(SCRIPT + " not found (run from the repository root)");
        }
        List<String> problems = new ArrayList<>();
        for (String interpreter : PythonScripts.interpreters(python)) {
            List<String> command = List.of(interpreter, script.get().toString(), "--serve", "--n", String.valueOf(n),
                    "--warmup", String.valueOf(warmup), "--device", device, "--seed", String.valueOf(seed));
            Started started = startOnce(command, problems);
            if (started != null) {
                return started;
            }
        }
        return Started.failed(String.join("; ", problems));
    }

    /** The session, or null (with the problem added) when this interpreter cannot import PyOpenCL or start. */
    private static Started startOnce(List<String> command, List<String> problems) {
        Process process = PythonScripts.start(command, problems);
        if (process == null) {
            return null;
        }
        BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        String device = "";
        List<String> other = new ArrayList<>();
        PythonScripts.Ending ending;
        try {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String named = PythonScripts.device(line.split("\t"));
                if (named != null) {
                    device = named;
                } else if (line.equals("ready")) {
                    return new Started(new PyOpenClSmallCalls(process, lines, device), "", false);
                } else {
                    other.add(line);
                }
            }
            ending = PythonScripts.end(process, other);
        } catch (IOException e) {
            process.destroyForcibly();
            return Started.failed("reading " + SCRIPT + "'s output: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return Started.failed("interrupted");
        }
        if (ending.importFailed()) {
            problems.add(command.get(0) + ": " + ending.said());
            return null;
        }
        return new Started(null, command.get(0) + " " + SCRIPT + " exited with " + ending.exit() + ": "
                + ending.said(), ending.exit() == WRONG_RESULT);
    }

    /** Platform, device and PyOpenCL version. */
    String device() {
        return device;
    }

    /**
     * Times one kind of call in the script.
     *
     * @param key     the script's key, e.g. {@code add-pool}
     * @param samples timed samples (a quarter as many untimed calls first)
     * @throws IllegalStateException when the script does not answer
     */
    SmallCallTiming measure(String key, int samples) {
        requests.println(key + " " + samples);
        try {
            String line = lines.readLine();
            String[] fields = line == null ? new String[0] : line.split("\t");
            if (fields.length != 4 || !fields[0].equals("time") || !fields[1].equals(key)) {
                throw new IllegalStateException(SCRIPT + " answered '" + line + "' to '" + key + " " + samples + "'");
            }
            return new SmallCallTiming(Double.parseDouble(fields[2]), Double.parseDouble(fields[3]));
        } catch (IOException e) {
            throw new IllegalStateException("reading " + SCRIPT + "'s output: " + e.getMessage(), e);
        }
    }

    /** Ends the script (its input closes) and waits a little for it. */
    @Override
    public void close() {
        requests.close();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
