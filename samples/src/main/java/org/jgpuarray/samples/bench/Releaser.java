package org.jgpuarray.samples.bench;

/** Closes the arrays of one repetition, skipping nulls. */
final class Releaser {
    private Releaser() {
    }

    /** Closes each non-null resource; the first failure is rethrown after all were tried. */
    static void closeAll(AutoCloseable... resources) {
        RuntimeException first = null;
        for (AutoCloseable r : resources) {
            if (r == null) {
                continue;
            }
            try {
                r.close();
            } catch (Exception e) {
                if (first == null) {
                    first = e instanceof RuntimeException re ? re : new IllegalStateException(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
