package org.jgpuarray.samples.bench;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/**
 * The terminal progress bar of a bench run (me.tongfei's progressbar on standard error), or nothing
 * when progress is off. One step per measured case.
 */
final class BenchProgress implements AutoCloseable {
    private final boolean enabled;
    private ProgressBar bar;

    BenchProgress(boolean enabled) {
        this.enabled = enabled;
    }

    /** Shows the bar with {@code total} steps. */
    void start(long total) {
        if (enabled) {
            bar = new ProgressBarBuilder().setTaskName("bench").setInitialMax(total)
                    .setConsumer(new ConsoleProgressBarConsumer(System.err)).setUpdateIntervalMillis(250)
                    .continuousUpdate().hideEta().build();
        }
    }

    /** Names the case now running. */
    void running(String what) {
        if (bar != null) {
            bar.setExtraMessage(what);
        }
    }

    /** Counts one finished case. */
    void step() {
        if (bar != null) {
            bar.step();
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
