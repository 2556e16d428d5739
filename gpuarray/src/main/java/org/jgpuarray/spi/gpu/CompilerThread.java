package org.jgpuarray.spi.gpu;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Runs in-process native compilers (PoCL's clang and LLVM, NVRTC) on threads with a large stack. Those
 * compilers recurse over the syntax tree and need far more stack than a Java thread's default 1 MiB:
 * on one, PoCL crashed the JVM with SIGSEGV for a snippet of 200 nested parentheses, a sum of 10,000
 * terms or 1,000 nested {@code if}s (all fine with 64 MiB). A Java caller cannot catch a native stack
 * overflow, so compiles run here, on {@value #STACK_MIB} MiB stacks (address space, touched only as
 * deep as a compile goes), while the caller waits. Thread-safe; compiles of different devices run at once.
 */
public final class CompilerThread {
    /** Stack of a compiler thread, in MiB. */
    public static final int STACK_MIB = 256;

    private static final AtomicInteger COUNT = new AtomicInteger();
    private static final ExecutorService POOL = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS,
            new SynchronousQueue<>(), r -> {
                Thread t = new Thread(null, r, "jgpuarray-compiler-" + COUNT.incrementAndGet(), STACK_MIB << 20);
                t.setDaemon(true);
                return t;
            });

    private CompilerThread() {
    }

    /**
     * Runs {@code compile} on a compiler thread and returns its result, or throws what it threw. The
     * compile is not interruptible; an interrupt while waiting is kept for the caller.
     *
     * @param compile must not need thread-bound state of the caller (a current CUDA context)
     */
    public static <T> T call(Supplier<T> compile) {
        Future<T> result = POOL.submit(compile::get);
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return result.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof RuntimeException r) {
                        throw r;
                    }
                    if (cause instanceof Error err) {
                        throw err;
                    }
                    throw new IllegalStateException(cause);
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
