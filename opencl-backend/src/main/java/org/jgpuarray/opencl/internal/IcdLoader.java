package org.jgpuarray.opencl.internal;

import java.util.Optional;

/**
 * Whether JOCL can load the OpenCL ICD loader, checked before any JOCL class is touched. JOCL 2.0.5 on
 * Linux dlopens only the unversioned {@code libOpenCL.so}, which comes with the loader's development
 * package, while drivers, PoCL and the loader's runtime package install only {@code libOpenCL.so.1};
 * and when its dlopen fails, JOCL's native code prints to standard output (breaking
 * {@code device-query --json}) before throwing. So the backend opens the same name the same way first,
 * and on failure never lets JOCL's class initialiser run.
 */
public final class IcdLoader {
    /** The only name JOCL 2.0.5 loads on Linux. */
    public static final String UNVERSIONED = "libOpenCL.so";
    /** The name the ICD loader's runtime package (Debian: {@code ocl-icd-libopencl1}) installs. */
    public static final String VERSIONED = "libOpenCL.so.1";

    private IcdLoader() {
    }

    /**
     * Why JOCL cannot load the ICD loader here, in one line that names the cause and the fix.
     *
     * @param opener how to open a library (the system's dynamic linker, or a test's)
     * @return empty when JOCL can load it (then {@code libOpenCL.so} stays loaded), and on other systems
     *         than Linux, where JOCL looks for other names
     */
    public static Optional<String> whyJoclCannotLoad(LibraryOpener opener) {
        if (!System.getProperty("os.name", "").startsWith("Linux")) {
            return Optional.empty();
        }
        return whyJoclCannotLoadOnLinux(opener);
    }

    static Optional<String> whyJoclCannotLoadOnLinux(LibraryOpener opener) {
        Optional<String> unversioned = opener.open(UNVERSIONED);
        if (unversioned.isEmpty()) {
            return Optional.empty();
        }
        if (!isMissing(unversioned.get())) {
            return Optional.of("the OpenCL ICD loader " + UNVERSIONED + " is installed but does not load: "
                    + unversioned.get());
        }
        if (opener.open(VERSIONED).isEmpty()) {
            return Optional.of("JOCL needs the unversioned " + UNVERSIONED + " (Debian/Ubuntu: apt-get install"
                    + " ocl-icd-opencl-dev); this machine has " + VERSIONED + " only");
        }
        return Optional.of("no OpenCL ICD loader (neither " + UNVERSIONED + " nor " + VERSIONED + " is installed;"
                + " Debian/Ubuntu: apt-get install ocl-icd-opencl-dev and a platform such as pocl-opencl-icd,"
                + " or a vendor's OpenCL driver)");
    }

    private static boolean isMissing(String dlopenError) {
        return dlopenError.contains("cannot open shared object file");
    }
}
