package org.jgpuarray;

import java.util.List;

/**
 * A kernel failed to compile. Carries the compiler's log, the options, and the generated source with
 * line numbers, so the log's line references can be read against it.
 */
public class KernelCompilationException extends GpuException {
    private static final long serialVersionUID = 1L;
    private final String kernelName;
    private final String log;
    private final List<String> options;
    private final String numberedSource;

    /**
     * @param kernelName     the kernel or program name
     * @param log            the compiler's log (may be empty)
     * @param options        the compiler options used
     * @param numberedSource the source, each line prefixed with its number
     * @param cause          the underlying error, or null
     */
    public KernelCompilationException(String kernelName, String log, List<String> options, String numberedSource,
                                      Throwable cause) {
        super("kernel '" + kernelName + "' failed to compile\n--- compiler log ---\n" + log.strip()
                + "\n--- options: " + String.join(" ", options) + "\n--- source ---\n" + numberedSource, cause);
        this.kernelName = kernelName;
        this.log = log;
        this.options = List.copyOf(options);
        this.numberedSource = numberedSource;
    }

    /** The kernel or program name. */
    public String kernelName() {
        return kernelName;
    }

    /** The compiler's log. */
    public String log() {
        return log;
    }

    /** The compiler options used. */
    public List<String> options() {
        return options;
    }

    /** The generated source with 1-based line numbers. */
    public String numberedSource() {
        return numberedSource;
    }
}
