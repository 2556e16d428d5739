package org.jgpuarray.modules;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.lang.module.ResolvedModule;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Puts the project's modules on a real module path: builds it from this JVM's class path (the
 * reactor's {@code target/classes} or jars and their dependencies), compiles a user module against it
 * with {@code javac}, and runs that module in a child JVM. Shared with the backends' tests through the
 * core's test jar. Not thread-safe.
 */
public final class ModulePathHarness {
    private static final String DEMO = "/module-demo/";

    private ModulePathHarness() {
    }

    /** What javac said. */
    public record Compilation(boolean success, String diagnostics) {
    }

    /** What the child JVM printed (stdout and stderr together) and its exit status. */
    public record Run(int exitCode, String output) {
    }

    /**
     * The module path that {@code roots} and the services they use need: the modules resolved (with
     * service binding, as the {@code java} launcher does) from the class path entries that are modules,
     * never a test jar or a {@code test-classes} folder.
     *
     * @param roots module names, such as {@code org.jgpuarray.core}
     */
    public static List<Path> modulePath(String... roots) {
        Path[] candidates = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(s -> !s.isBlank())
                .map(Path::of)
                .filter(ModulePathHarness::isModuleCandidate)
                .toArray(Path[]::new);
        Configuration configuration = Configuration.resolveAndBind(ModuleFinder.of(candidates),
                List.of(ModuleLayer.boot().configuration()), ModuleFinder.of(), Set.of(roots));
        return configuration.modules().stream()
                .map(ResolvedModule::reference)
                .map(reference -> Path.of(reference.location().orElseThrow()))
                .sorted()
                .collect(Collectors.toList());
    }

    private static boolean isModuleCandidate(Path entry) {
        if (Files.isDirectory(entry)) {
            return Files.isRegularFile(entry.resolve("module-info.class"));
        }
        String name = entry.getFileName().toString();
        return name.endsWith(".jar") && !name.endsWith("-tests.jar") && Files.isRegularFile(entry);
    }

    /**
     * Copies the demo module ({@code module demo}, class {@code demo.Main}) into {@code dir}.
     *
     * @return {@code dir}, the root of the module's sources
     */
    public static Path writeDemo(Path dir) throws IOException {
        copyResource("module-info.java", dir);
        copyResource("demo/Main.java", dir);
        return dir;
    }

    private static void copyResource(String name, Path dir) throws IOException {
        try (InputStream in = ModulePathHarness.class.getResourceAsStream(DEMO + name)) {
            if (in == null) {
                throw new IOException("missing test resource " + DEMO + name);
            }
            Path target = dir.resolve(name);
            Files.createDirectories(target.getParent());
            Files.copy(in, target);
        }
    }

    /**
     * Compiles every {@code .java} file under {@code sources} into {@code out} against {@code modulePath};
     * the diagnostics are javac's printed text, notes on why a package is not visible included.
     */
    public static Compilation compile(Path sources, Path out, List<Path> modulePath) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(sources)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).collect(Collectors.toList());
        }
        StringWriter printed = new StringWriter();
        try (StandardJavaFileManager fm = javac.getStandardFileManager(null, Locale.ENGLISH, StandardCharsets.UTF_8)) {
            // an explicit, empty class path: in-process javac would otherwise search this JVM's class path
            Files.createDirectories(out);
            List<String> options = List.of("--module-path", join(modulePath), "--class-path", out.toString(),
                    "-d", out.toString(), "-Xlint:none", "-implicit:none");
            boolean ok = javac.getTask(printed, fm, null, options, null, fm.getJavaFileObjectsFromPaths(files)).call();
            return new Compilation(ok, printed.toString());
        }
    }

    /**
     * Runs {@code java --module-path <modulePath> -m <mainModuleAndClass> <args>} and waits at most
     * {@code timeout}; output goes to a file in {@code workDir}, so a chatty child cannot block.
     *
     * @throws AssertionError when the child outlives the timeout (it is killed first)
     */
    public static Run run(List<Path> modulePath, String mainModuleAndClass, Path workDir, Duration timeout,
            List<String> jvmOptions, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("--module-path", join(modulePath), "-m", mainModuleAndClass));
        command.addAll(List.of(args));
        Path log = Files.createTempFile(workDir, "child", ".log");
        Process child = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!child.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("child JVM ran longer than " + timeout + ": " + command + "\n"
                    + Files.readString(log));
        }
        return new Run(child.exitValue(), Files.readString(log));
    }

    private static String join(List<Path> paths) {
        return paths.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    }
}
