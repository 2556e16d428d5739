package org.jgpuarray.samples;

import picocli.CommandLine.IVersionProvider;

/** The version lines of {@code jgpuarray --version}: the project's, Java's and the JVM's. */
public final class VersionProvider implements IVersionProvider {
    /** The jgpuarray version from the jar manifest, or {@code "development build"} outside the jar. */
    public static String jgpuarrayVersion() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v == null ? "development build" : v;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"jgpuarray " + jgpuarrayVersion(),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"};
    }
}
