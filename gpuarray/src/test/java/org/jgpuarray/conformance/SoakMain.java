package org.jgpuarray.conformance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jgpuarray.DType;
import org.jgpuarray.GPUArray;
import org.jgpuarray.GpuContext;

/**
 * The soak loops, run by {@link SoakConformance} in a child JVM of fixed heap so that resident memory
 * measures what the loop holds: device memory (host memory on the CPU backend and on PoCL), queued
 * commands, native state. Never synchronises inside the loop. Prints one line,
 * {@code SOAK <loop> start=<MiB> end=<MiB> peak=<MiB> cycles=<n> seconds=<s>}, with the resident set size
 * ({@code VmRSS}) after a warm-up, at the end and at its highest (sampled every 500 cycles).
 *
 * <p>Arguments: backend, loop ({@code free}: each array closed at once; {@code gc}: each array left to the
 * garbage collector), cycles, and every how many cycles an array is filled by a kernel (the others are
 * only allocated: a fill is what makes the memory resident, and what queues work on the device).
 */
public final class SoakMain {
    /** Elements of each array: float32, 1 MiB. */
    static final int ELEMENTS = 1 << 18;
    private static final int WARM_UP = 1000;
    private static final int SAMPLE_EVERY = 500;

    private SoakMain() {
    }

    public static void main(String[] args) throws IOException {
        String backend = args[0];
        boolean leave = args[1].equals("gc");
        int cycles = Integer.parseInt(args[2]);
        int fillEvery = Integer.parseInt(args[3]);
        try (GpuContext ctx = GpuContext.create(backend)) {
            run(ctx, leave, WARM_UP, fillEvery);
            ctx.synchronize();
            long start = residentMiB();
            long peak = start;
            long began = System.nanoTime();
            for (int done = 0; done < cycles; done += SAMPLE_EVERY) {
                run(ctx, leave, Math.min(SAMPLE_EVERY, cycles - done), fillEvery);
                peak = Math.max(peak, residentMiB());
            }
            long end = residentMiB();
            System.out.printf("SOAK %s start=%d end=%d peak=%d cycles=%d seconds=%.1f%n", args[1], start, end,
                    Math.max(peak, end), cycles, (System.nanoTime() - began) / 1e9);
        }
    }

    private static void run(GpuContext ctx, boolean leave, int cycles, int fillEvery) {
        for (int c = 0; c < cycles; c++) {
            GPUArray x = ctx.empty(DType.FLOAT32, ELEMENTS);
            if (c % fillEvery == 0) {
                x.fill(c);
            }
            if (!leave) {
                x.close();
            }
        }
    }

    /** This process's resident set size in MiB ({@code VmRSS} of /proc/self/status). */
    static long residentMiB() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D+", "")) / 1024;
            }
        }
        throw new IOException("no VmRSS in /proc/self/status");
    }
}
