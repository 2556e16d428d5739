package org.jgpuarray.cpu.lib;

/**
 * Runs a sort over the rows of a buffer: a few long rows one after the other, each on all cores; many rows
 * in parallel chunks, each row on one thread.
 *
 * <p>Thread-safe: stateless.
 */
final class RowSchedule {
    private RowSchedule() {
    }

    /** Sorts one row. */
    @FunctionalInterface
    interface RowTask {
        /**
         * @param from     the row's first element
         * @param to       one past its last
         * @param parallel whether the row may use all cores (no other row runs meanwhile)
         */
        void run(int from, int to, boolean parallel);
    }

    /** Runs {@code task} for each of {@code rows} rows of {@code cols} elements, all done on return. */
    static void forEachRow(int rows, int cols, RowTask task) {
        if (rows < 2 * CpuWorkers.parallelism()) {
            for (int r = 0; r < rows; r++) {
                task.run(r * cols, (r + 1) * cols, true);
            }
            return;
        }
        int chunks = (int) Math.min(rows, 4L * CpuWorkers.parallelism());
        CpuWorkers.run(chunks, c -> {
            for (int r = CpuWorkers.split(rows, chunks, c); r < CpuWorkers.split(rows, chunks, c + 1); r++) {
                task.run(r * cols, (r + 1) * cols, false);
            }
        });
    }
}
