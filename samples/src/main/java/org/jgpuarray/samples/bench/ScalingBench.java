package org.jgpuarray.samples.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jgpuarray.DType;
import org.jgpuarray.DeviceGroup;
import org.jgpuarray.GPUArray;
import org.jgpuarray.GpuContext;
import org.jgpuarray.random.PhiloxStream;

/**
 * {@code jgpuarray bench --scaling}: one fixed job on 1, 2, ... p devices of a backend (a
 * {@link DeviceGroup}), strong scaling: Monte Carlo π over N samples, each member drawing its share of the
 * one Philox stream by offset and counting its points inside the circle on its device. Reports the
 * median time per p, the speedup, the efficiency and the Karp–Flatt serial fraction ({@link ScalingLaw}),
 * and checks that every p counts exactly the points that p = 1 counts. Where the backend has fewer devices
 * than p, members share devices (contexts on the same device), which the table says.
 */
final class ScalingBench {
    /** Samples a member draws at once: 2 Mi points, 32 MiB of float64. */
    private static final long CHUNK = 1L << 21;

    /**
     * One row of the table.
     *
     * @param p      members
     * @param group  the members' devices, e.g. {@code opencl:0, opencl:1}
     * @param time   the timings
     * @param inside points inside the circle (equal for every p)
     */
    record Point(int p, String group, Stats time, long inside) {
    }

    private final String backend;
    private final long samples;
    private final long seed;
    private final Repeater repeater;

    ScalingBench(String backend, long samples, long seed, Repeater repeater) {
        this.backend = backend;
        this.samples = samples;
        this.seed = seed;
        this.repeater = repeater;
    }

    /** Measures p = 1 .. maxMembers. */
    List<Point> run(int maxMembers) {
        int devices = GpuContext.devices(backend).size();
        List<Point> points = new ArrayList<>();
        for (int p = 1; p <= maxMembers; p++) {
            int[] indices = new int[p];
            for (int m = 0; m < p; m++) {
                indices[m] = m % Math.max(devices, 1);
            }
            try (DeviceGroup group = DeviceGroup.open(backend, indices)) {
                long[] inside = new long[1];
                long[][] timings = repeater.run(() -> {
                    long start = System.nanoTime();
                    inside[0] = group.run((context, member) -> inside(context, group.firstRow(samples, member),
                            group.firstRow(samples, member + 1))).stream().mapToLong(Long::longValue).sum();
                    return new long[] {System.nanoTime() - start};
                });
                String described = group.devices().stream().map(d -> d.backend() + ":" + d.index()).toList().toString();
                points.add(new Point(p, described, Stats.of(timings[0]), inside[0]));
            }
        }
        return points;
    }

    private long inside(GpuContext context, long from, long to) {
        var count = context.reductionKernel(DType.INT64, "0", "a+b",
                "xy[2*i]*xy[2*i] + xy[2*i+1]*xy[2*i+1] < 1.0 ? 1 : 0", "double *xy");
        long inside = 0;
        for (long start = from; start < to; start += CHUNK) {
            long n = Math.min(CHUNK, to - start);
            try (GPUArray xy = PhiloxStream.uniform(context, seed, DType.FLOAT64, 2 * start, n, 2);
                 GPUArray hits = count.launch(n, xy)) {
                inside += hits.longItem();
            }
        }
        return inside;
    }

    /**
     * Prints the table and returns whether every p counted what p = 1 counted.
     *
     * @param points the measurements, p = 1 first; not modified
     */
    static boolean print(List<Point> points, long samples, PrintWriter out) {
        double t1 = points.get(0).time().medianMs();
        out.printf(Locale.ROOT, "Strong scaling: Monte Carlo pi, %d samples (float64 Philox), %d processors on this"
                + " machine%n", samples, Runtime.getRuntime().availableProcessors());
        out.printf(Locale.ROOT, "%3s  %-34s %10s %8s %9s %10s  %s%n", "p", "devices", "median ms", "speedup",
                "efficiency", "serial(KF)", "pi");
        boolean same = true;
        for (Point point : points) {
            double s = ScalingLaw.speedup(t1, point.time().medianMs());
            out.printf(Locale.ROOT, "%3d  %-34s %10s %8s %9s %10s  %.6f%n", point.p(), point.group(),
                    Format.number(point.time().medianMs()), Format.number(s),
                    Format.number(ScalingLaw.efficiency(s, point.p())),
                    Format.number(ScalingLaw.serialFraction(s, point.p())), 4.0 * point.inside() / samples);
            same &= point.inside() == points.get(0).inside();
        }
        out.println(same ? "check: every p counted the same points as p = 1 (bit-identical random split)"
                : "check FAILED: the counts differ between p");
        out.flush();
        return same;
    }

    /** Writes the table as CSV. */
    static void writeCsv(List<Point> points, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        double t1 = points.get(0).time().medianMs();
        StringBuilder csv = new StringBuilder("p,devices,median_ms,min_ms,max_ms,speedup,efficiency,serial_fraction,inside\n");
        for (Point point : points) {
            double s = ScalingLaw.speedup(t1, point.time().medianMs());
            csv.append(point.p()).append(",\"").append(point.group()).append("\",")
                    .append(Format.csv(point.time().medianMs())).append(',').append(Format.csv(point.time().minMs()))
                    .append(',').append(Format.csv(point.time().maxMs())).append(',').append(Format.csv(s)).append(',')
                    .append(Format.csv(ScalingLaw.efficiency(s, point.p()))).append(',')
                    .append(Format.csv(ScalingLaw.serialFraction(s, point.p()))).append(',').append(point.inside())
                    .append('\n');
        }
        Files.writeString(file, csv);
    }
}
