package org.jgpuarray.samples;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The version of a library on the class path, read from the Maven metadata its jar carries (which the
 * runnable jar keeps, unlike the libraries' own manifests).
 */
public final class ArtifactVersion {
    private ArtifactVersion() {
    }

    /**
     * The version of {@code group:artifact}.
     *
     * @return e.g. {@code 12.6.0}, or {@code "not on the class path"}
     */
    public static String of(String group, String artifact) {
        String resource = "META-INF/maven/" + group + "/" + artifact + "/pom.properties";
        try (InputStream in = ArtifactVersion.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return "not on the class path";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unreadable (" + e.getMessage() + ")";
        }
    }
}
