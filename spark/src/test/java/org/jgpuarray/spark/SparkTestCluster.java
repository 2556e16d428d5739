package org.jgpuarray.spark;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.jgpuarray.GpuContext;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One Spark standalone cluster in {@code local-cluster} mode for all the Spark tests of this JVM: an
 * in-process master and worker, and two executors in JVMs of their own. The worker finds its GPUs with
 * the module's discovery script ({@code bin/jgpuarray-gpu-discovery.sh}, OpenCL: the two PoCL devices the
 * build configures), each executor gets one and each task one; so Spark's GPU-aware scheduling, which
 * {@code local[N]} mode does not do, runs for real.
 *
 * <p>Spark launches executors from {@code SPARK_HOME/jars}: the cluster lays out that folder (set by the
 * build) with links to the jars of the test class path, and gives the executors the class folders. Started
 * on first use, stopped when the JUnit run ends. Skips (with the reason) where OpenCL has fewer than two
 * devices.
 */
final class SparkTestCluster implements ExtensionContext.Store.CloseableResource, AutoCloseable {
    /** Executors, and GPUs of the worker. */
    static final int EXECUTORS = 2;

    private final SparkSession session;
    private final JavaSparkContext context;

    private SparkTestCluster(SparkSession session) {
        this.session = session;
        this.context = JavaSparkContext.fromSparkContext(session.sparkContext());
    }

    /** The cluster of this JUnit run, started on the first call. */
    static SparkTestCluster get(ExtensionContext junit) {
        return junit.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(SparkTestCluster.class, key -> start(), SparkTestCluster.class);
    }

    JavaSparkContext context() {
        return context;
    }

    SparkSession session() {
        return session;
    }

    private static SparkTestCluster start() {
        long devices = GpuContext.devices("opencl").size();
        assumeTrue(devices >= EXECUTORS, "the Spark tests need " + EXECUTORS + " OpenCL devices (PoCL with"
                + " POCL_DEVICES=\"pthread pthread\"), found " + devices);
        String home = System.getenv("SPARK_HOME");
        assumeTrue(home != null, "SPARK_HOME is not set for this JVM (the build sets it)");
        try {
            List<String> folders = layOutSparkHome(Path.of(home));
            SparkConf conf = new SparkConf()
                    .setMaster("local-cluster[1, " + EXECUTORS + ", " + 768 * EXECUTORS + "]")
                    .setAppName("jgpuarray-spark-tests")
                    .set("spark.driver.host", "127.0.0.1")
                    .set("spark.driver.bindAddress", "127.0.0.1")
                    .set("spark.ui.enabled", "false")
                    .set("spark.executor.cores", "1")
                    .set("spark.executor.memory", "640m")
                    .set("spark.executor.extraClassPath", String.join(File.pathSeparator, folders))
                    // C1 only: executors start in about half the time, and these jobs are short
                    .set("spark.executor.extraJavaOptions", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
                            + " -Djgpuarray.cache.dir=" + System.getProperty("jgpuarray.cache.dir", home + "/cache"))
                    .set("spark.worker.resource.gpu.amount", Integer.toString(EXECUTORS))
                    .set("spark.worker.resource.gpu.discoveryScript", discoveryWrapper(Path.of(home)).toString())
                    .set("spark.executor.resource.gpu.amount", "1")
                    .set("spark.task.resource.gpu.amount", "1")
                    .set("spark.sql.shuffle.partitions", "4")
                    // a failing task fails its test at once, not after three retries
                    .set("spark.task.maxFailures", "1");
            SparkSession session = SparkSession.builder().config(conf).getOrCreate();
            SparkTestCluster cluster = new SparkTestCluster(session);
            cluster.awaitExecutors();
            return cluster;
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("could not start the local-cluster", e);
        }
    }

    /** Links every jar of the class path into {@code home/jars}; returns the class path's folders. */
    private static List<String> layOutSparkHome(Path home) throws IOException {
        Path jars = home.resolve("jars");
        Files.createDirectories(jars);
        // the launcher asks for the Scala version of a build tree when SPARK_SCALA_VERSION is unset
        Files.createDirectories(home.resolve("launcher/target/scala-2.13"));
        List<String> folders = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(entry).toAbsolutePath();
            if (Files.isDirectory(path)) {
                folders.add(path.toString());
            } else if (entry.endsWith(".jar") && Files.exists(path)) {
                Path link = jars.resolve(path.getFileName());
                if (!Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    Files.createSymbolicLink(link, path);
                }
            }
        }
        return folders;
    }

    /**
     * The discovery script as the worker runs it (without arguments): a wrapper that gives the module's
     * script the class path and the backend through its environment, as {@code spark-env.sh} would.
     */
    private static Path discoveryWrapper(Path home) throws IOException {
        Path script = Path.of("bin", "jgpuarray-gpu-discovery.sh").toAbsolutePath();
        Path wrapper = home.resolve("gpu-discovery.sh");
        Files.writeString(wrapper, "#!/usr/bin/env bash\n"
                + "export JGPUARRAY_SPARK_BACKEND=opencl\n"
                + "export JGPUARRAY_CLASSPATH='" + System.getProperty("java.class.path") + "'\n"
                + "exec '" + script + "'\n");
        Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));
        return wrapper;
    }

    private void awaitExecutors() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (context.sc().statusTracker().getExecutorInfos().length < EXECUTORS + 1) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the executors did not register within 120 s");
            }
            Thread.sleep(200);
        }
    }

    @Override
    public void close() {
        session.stop();
    }
}
