package org.jgpuarray.device;

import java.util.List;
import java.util.Locale;

/**
 * A kernel failed to compile. The message is short: the kernel's name and the compiler's log (at most
 * {@value #MESSAGE_LOG_LINES} lines of it). The whole log, the options and the source with line numbers,
 * against which the log's line references read, come from {@link #log()}, {@link #options()} and
 * {@link #numberedSource()}; with the environment variable {@value #DUMP_VARIABLE}{@code =1} (or the system
 * property {@value #DUMP_PROPERTY}{@code =true}) the message carries them in full.
 */
public class KernelCompilationException extends GpuException {
    /** Environment variable that puts the options and numbered source into every message. */
    public static final String DUMP_VARIABLE = "JGPUARRAY_DUMP_SOURCE_ON_ERROR";
    /** System property that does the same as {@link #DUMP_VARIABLE}. */
    public static final String DUMP_PROPERTY = "jgpuarray.dumpSourceOnError";
    /** Lines of the log that the message shows. */
    public static final int MESSAGE_LOG_LINES = 30;

    private static final long serialVersionUID = 1L;
    private final String kernelName;
    private final String log;
    private final List<String> options;
    private final String numberedSource;

    /**
     * @param kernelName     the kernel or program name the user gave
     * @param log            the compiler's log (may be empty)
     * @param options        the compiler options used
     * @param numberedSource the source, each line prefixed with its number
     * @param cause          the underlying error, or null
     */
    public KernelCompilationException(String kernelName, String log, List<String> options, String numberedSource,
                                      Throwable cause) {
        super(message(kernelName, log, options, numberedSource, dumpRequested()), cause);
        this.kernelName = kernelName;
        this.log = log;
        this.options = List.copyOf(options);
        this.numberedSource = numberedSource;
    }

    /** The kernel or program name. */
    public String kernelName() {
        return kernelName;
    }

    /** The compiler's whole log. */
    public String log() {
        return log;
    }

    /** The compiler options used. */
    public List<String> options() {
        return options;
    }

    /** The source that failed, with 1-based line numbers. */
    public String numberedSource() {
        return numberedSource;
    }

    /** Everything: the message, the whole log, the options and the numbered source. */
    public String details() {
        return message(kernelName, log, options, numberedSource, true);
    }

    static String message(String kernelName, String log, List<String> options, String numberedSource, boolean dump) {
        StringBuilder m = new StringBuilder("kernel '").append(kernelName).append("' failed to compile");
        String[] lines = log.strip().split("\n");
        if (!log.isBlank()) {
            m.append(":\n");
            int shown = dump ? lines.length : Math.min(lines.length, MESSAGE_LOG_LINES);
            for (int k = 0; k < shown; k++) {
                m.append(lines[k]).append('\n');
            }
            if (shown < lines.length) {
                m.append("... ").append(lines.length - shown).append(" more lines in log()\n");
            }
        }
        if (dump) {
            m.append("--- options: ").append(String.join(" ", options)).append("\n--- source ---\n")
                    .append(numberedSource);
        } else {
            m.append("(the numbered source is in numberedSource(); set " + DUMP_VARIABLE + "=1 to print it here)");
        }
        return m.toString();
    }

    private static boolean dumpRequested() {
        return isOn(System.getProperty(DUMP_PROPERTY)) || isOn(System.getenv(DUMP_VARIABLE));
    }

    private static boolean isOn(String value) {
        return value != null && List.of("1", "true", "yes", "on").contains(value.trim().toLowerCase(Locale.ROOT));
    }
}
