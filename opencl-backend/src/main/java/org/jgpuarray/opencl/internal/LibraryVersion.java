package org.jgpuarray.opencl.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of this library, which cached program binaries are keyed by. */
final class LibraryVersion {
    private static final String VERSION = read();

    private LibraryVersion() {
    }

    /** The Maven version, e.g. {@code 0.1.0-SNAPSHOT}; {@code "unknown"} when the resource is missing. */
    static String get() {
        return VERSION;
    }

    private static String read() {
        try (InputStream in = LibraryVersion.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
