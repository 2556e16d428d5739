package org.jgpuarray.cuda.internal.compiler;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jgpuarray.device.DeviceException;
import org.jgpuarray.device.KernelCompilationException;
import org.jgpuarray.kernels.c.CSource;

/**
 * The CUDA toolkit's {@code nvcc}, run as a process: {@code nvcc --ptx -arch=compute_XY} or
 * {@code nvcc --cubin -arch=sm_XY}, in a fresh temporary folder per compilation. The last resort of
 * the three compilers (a process start costs a few hundred milliseconds), and the one CI machines
 * have. Thread-safe.
 */
public final class NvccCompiler implements CudaCompiler {
    private static final Pattern RELEASE = Pattern.compile("release (\\d+)\\.(\\d+), V([0-9.]+)");
    private static final Pattern REAL_ARCH = Pattern.compile("\\bsm_(\\d{2,3})(?![0-9a-z])");
    /** How long one nvcc run may take before it is killed: generous, since a hung nvcc would hang its caller. */
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(300);
    /** The most output a timeout's message quotes (the end of it). */
    private static final int PARTIAL_OUTPUT_CHARS = 4000;

    private final Path executable;
    private final CudaVersion version;
    private final String fullVersion;
    private final List<GpuArch> archs;
    private final Duration timeout;

    NvccCompiler(Path executable, CudaVersion version, String fullVersion, List<GpuArch> archs, Duration timeout) {
        this.executable = executable;
        this.version = version;
        this.fullVersion = fullVersion;
        this.archs = List.copyOf(archs);
        this.timeout = timeout;
    }

    /**
     * Finds nvcc in {@code <home>/bin} of each folder of {@code cudaHomes} (CUDA_HOME, CUDA_PATH), then
     * on {@code path}, then in the {@code fallbacks} folders, and asks it for its version and targets.
     *
     * @param cudaHomes toolkit roots, in order
     * @param path      the folders of PATH, in order
     * @param fallbacks further toolkit roots (e.g. {@code /usr/local/cuda})
     * @return the compiler, or why there is none
     */
    public static CompilerCandidate locate(List<Path> cudaHomes, List<Path> path, List<Path> fallbacks) {
        List<Path> candidates = new ArrayList<>();
        cudaHomes.forEach(h -> candidates.add(h.resolve("bin").resolve("nvcc")));
        path.forEach(p -> candidates.add(p.resolve("nvcc")));
        fallbacks.forEach(h -> candidates.add(h.resolve("bin").resolve("nvcc")));
        for (Path candidate : candidates) {
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                try {
                    return CompilerCandidate.found(inspect(candidate));
                } catch (RuntimeException e) {
                    return CompilerCandidate.absent("nvcc", candidate + " does not run: " + e.getMessage());
                }
            }
        }
        return CompilerCandidate.absent("nvcc", "no nvcc in CUDA_HOME, CUDA_PATH or PATH");
    }

    /** Runs {@code nvcc --version} and {@code nvcc --list-gpu-code}. */
    static NvccCompiler inspect(Path nvcc) {
        return inspect(nvcc, DEFAULT_TIMEOUT);
    }

    /** {@link #inspect(Path)} with every run of nvcc, then and later, bounded by {@code timeout}. */
    static NvccCompiler inspect(Path nvcc, Duration timeout) {
        String banner = run(List.of(nvcc.toString(), "--version"), timeout).output();
        Matcher m = RELEASE.matcher(banner);
        if (!m.find()) {
            throw new IllegalStateException("unrecognized 'nvcc --version' output: " + banner.strip());
        }
        CudaVersion version = new CudaVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        List<GpuArch> archs = new ArrayList<>();
        ProcessResult codes = run(List.of(nvcc.toString(), "--list-gpu-code"), timeout);
        if (codes.exitCode() == 0) {
            Matcher a = REAL_ARCH.matcher(codes.output());
            while (a.find()) {
                archs.add(GpuArch.fromNumber(Integer.parseInt(a.group(1))));
            }
        }
        return new NvccCompiler(nvcc, version, m.group(3), archs.stream().distinct().sorted().toList(), timeout);
    }

    /** The nvcc executable. */
    public Path executable() {
        return executable;
    }

    @Override
    public String id() {
        return "nvcc";
    }

    @Override
    public String description() {
        return "nvcc " + fullVersion + " (" + executable + ")";
    }

    @Override
    public CudaVersion version() {
        return version;
    }

    @Override
    public List<GpuArch> supportedArchs() {
        return archs;
    }

    /**
     * The program's name as a file name nvcc's messages can show: other characters than letters, digits,
     * {@code _}, {@code -} and {@code .} (the portable libraries' names have {@code /}) become {@code _}, and
     * names longer than a file name may be are cut.
     */
    static String fileName(String name) {
        String file = name.replaceAll("[^A-Za-z0-9_.-]", "_");
        file = file.length() > 100 ? file.substring(0, 100) : file;
        return file.isEmpty() || file.startsWith(".") ? "program" + file : file;
    }

    @Override
    public CudaBinary compile(String name, String source, List<String> options, CompileTarget target) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("jgpuarray-nvcc-");
            String file = fileName(name);
            Path input = dir.resolve(file + ".cu");
            Path output = dir.resolve(file + (target.kind() == BinaryKind.CUBIN ? ".cubin" : ".ptx"));
            Files.writeString(input, source, StandardCharsets.UTF_8);
            List<String> arguments = new ArrayList<>();
            arguments.add(target.kind() == BinaryKind.CUBIN ? "--cubin" : "--ptx");
            arguments.add("-arch=" + target.archName());
            arguments.add("-Wno-deprecated-gpu-targets");
            arguments.addAll(options);
            List<String> command = new ArrayList<>();
            command.add(executable.toString());
            command.addAll(arguments);
            command.addAll(List.of("-o", output.toString(), input.toString()));
            ProcessResult result = run(command, timeout);
            if (result.exitCode() != 0 || !Files.isRegularFile(output)) {
                String log = result.output().replace(dir + "/", "");
                throw new KernelCompilationException(name, log.isBlank() ? "nvcc exited with " + result.exitCode() : log,
                        arguments, CSource.numberLines(source), null);
            }
            return new CudaBinary(target.kind(), target.archName(), Files.readAllBytes(output), result.output().strip());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run nvcc in a temporary folder", e);
        } finally {
            deleteQuietly(dir);
        }
    }

    /** The exit code and the merged stdout and stderr of a finished process. */
    record ProcessResult(int exitCode, String output) {
    }

    /**
     * Runs {@code command} with its output going to a temporary file, so that a child that never ends
     * cannot block the caller on a pipe; waits at most {@code timeout}, then kills it and its descendants.
     *
     * @throws DeviceException with code name {@code TIMEOUT}, the timeout and the output so far when the
     *                         process did not end in time; with the exception's name when it cannot start
     */
    static ProcessResult run(List<String> command, Duration timeout) {
        Path log = null;
        Process process = null;
        try {
            log = Files.createTempFile("jgpuarray-nvcc-", ".log");
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            process.getOutputStream().close();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                killTree(process);
                String partial = read(log).strip();
                if (partial.length() > PARTIAL_OUTPUT_CHARS) {
                    partial = "..." + partial.substring(partial.length() - PARTIAL_OUTPUT_CHARS);
                }
                throw new DeviceException(command.get(0), -1, "TIMEOUT", "no answer within " + describe(timeout)
                        + ", killed with its child processes; " + (partial.isEmpty() ? "no output"
                        : "output so far:\n" + partial));
            }
            return new ProcessResult(process.exitValue(), read(log));
        } catch (IOException e) {
            throw new DeviceException(command.get(0), -1, "IOException", e.getMessage(), e);
        } catch (InterruptedException e) {
            killTree(process);
            Thread.currentThread().interrupt();
            throw new DeviceException(command.get(0), -1, "InterruptedException", "interrupted", e);
        } finally {
            deleteQuietly(log);
        }
    }

    /** Kills a process and every process it started (nvcc runs cicc, ptxas and others as children). */
    private static void killTree(Process process) {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
    }

    private static String read(Path log) throws IOException {
        return new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
    }

    private static String describe(Duration timeout) {
        return timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // a leftover temporary folder is harmless
        }
    }
}
