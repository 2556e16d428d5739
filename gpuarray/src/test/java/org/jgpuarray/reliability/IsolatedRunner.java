package org.jgpuarray.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs crash-prone cases in child JVMs ({@link CorpusChild}), one child for all of them while none
 * crashes: when a child dies or hangs, the case it was in fails as a crash or hang and a new child takes
 * the cases after it. Each child's output goes to a file (never a pipe a hung child could block), its
 * wait is bounded, and a child that runs over is killed with its descendants.
 */
final class IsolatedRunner {
    private static final Duration STARTUP = Duration.ofSeconds(120);

    private final String backend;
    private final Duration caseTimeout;
    private int childrenStarted;

    IsolatedRunner(String backend, Duration caseTimeout) {
        this.backend = backend;
        this.caseTimeout = caseTimeout;
    }

    /** How many child JVMs the last {@link #run} started. */
    int childrenStarted() {
        return childrenStarted;
    }

    /** A verdict for every case, in order. */
    Map<String, Verdict> run(List<Case> cases) throws IOException, InterruptedException {
        Map<String, Verdict> verdicts = new LinkedHashMap<>();
        List<String> remaining = new ArrayList<>(cases.stream().map(Case::name).toList());
        Path dir = Files.createTempDirectory("jgpuarray-corpus-");
        try {
            while (!remaining.isEmpty()) {
                childrenStarted++;
                Map<String, Verdict> batch = runChild(dir, remaining);
                verdicts.putAll(batch);
                remaining.removeAll(batch.keySet());
            }
        } finally {
            deleteTree(dir);
        }
        return verdicts;
    }

    /** One child over {@code names}: the verdicts of every case it finished or died in (at least one). */
    private Map<String, Verdict> runChild(Path dir, List<String> names) throws IOException, InterruptedException {
        Path list = Files.write(dir.resolve("cases-" + childrenStarted + ".txt"), names, StandardCharsets.UTF_8);
        Path results = dir.resolve("results-" + childrenStarted + ".txt");
        Path output = dir.resolve("output-" + childrenStarted + ".txt");
        Files.createFile(results);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-XX:ErrorFile=" + dir.resolve("hs_err_pid%p.log"), "-XX:-CreateCoredumpOnCrash"));
        System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith("jgpuarray."))
                .forEach(k -> command.add("-D" + k + "=" + System.getProperty(k)));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), CorpusChild.class.getName(), backend,
                list.toString(), results.toString(), String.valueOf(caseTimeout.toSeconds())));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        child.getOutputStream().close();
        String killed = watch(child, results);
        Map<String, Verdict> verdicts = new LinkedHashMap<>();
        String current = null;
        for (String line : Files.readAllLines(results, StandardCharsets.UTF_8)) {
            String[] parts = line.split("\t", 3);
            if (parts[0].equals("START")) {
                current = parts[1];
            } else if (parts[0].equals("END") && parts.length == 3) {
                verdicts.put(parts[1], Verdict.decode(parts[2]));
                current = null;
            }
        }
        if (current != null || verdicts.isEmpty()) {
            String victim = current != null ? current : names.get(0);
            String how = killed != null ? killed : "crash: the child JVM exited with code " + child.exitValue()
                    + (current == null ? " before its first case" : " during this case");
            verdicts.put(victim, Verdict.fail(how + "\n" + tail(output, dir)));
        }
        return verdicts;
    }

    /** Waits for the child; kills it when a case or its start-up runs over. Returns why it was killed, or null. */
    private String watch(Process child, Path results) throws IOException, InterruptedException {
        long lastProgress = System.nanoTime();
        long lastSize = 0;
        while (!child.waitFor(200, TimeUnit.MILLISECONDS)) {
            long size = Files.size(results);
            if (size != lastSize) {
                lastSize = size;
                lastProgress = System.nanoTime();
            }
            Duration bound = lastSize == 0 ? STARTUP : caseTimeout.plusSeconds(30);
            if (System.nanoTime() - lastProgress > bound.toNanos()) {
                child.descendants().forEach(ProcessHandle::destroyForcibly);
                child.destroyForcibly();
                child.waitFor(10, TimeUnit.SECONDS);
                return "hang: the child JVM was killed after " + bound.toSeconds() + " s without progress";
            }
        }
        return null;
    }

    /** The child's last lines of output and the first lines of a JVM crash report, if any. */
    private static String tail(Path output, Path dir) throws IOException {
        List<String> lines = Files.readAllLines(output, StandardCharsets.ISO_8859_1);
        StringBuilder s = new StringBuilder(String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size())));
        try (var reports = Files.list(dir)) {
            for (Path report : reports.filter(p -> p.getFileName().toString().startsWith("hs_err")).toList()) {
                List<String> head = Files.readAllLines(report, StandardCharsets.ISO_8859_1);
                s.append("\n").append(report.getFileName()).append(":\n")
                        .append(String.join("\n", head.subList(0, Math.min(25, head.size()))));
                Files.delete(report);
            }
        }
        return s.toString();
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
        }
        Files.deleteIfExists(dir);
    }
}
