package org.jgpuarray.kernels.java;

import java.util.Objects;

/**
 * Lets generated kernel classes reach this package when jgpuarray runs on the module path.
 *
 * <p>Generated classes implement {@link JavaElementwiseKernel}, {@link JavaReductionKernel},
 * {@link JavaSegmentedReductionKernel} or {@link JavaScanKernel} and call {@link CMath}. They are defined by an in-memory compiler's class
 * loader, in that loader's unnamed module, while this package is exported only to the core. Before it
 * loads a generated class, the compiler's caller hands the loader to {@link #exportTo(ClassLoader)},
 * which exports this package to that loader's unnamed module alone. Only this module may widen its
 * exports ({@link Module#addExports} checks the caller), which is why the call lives here. On the
 * class path this package is in the unnamed module already and the call does nothing. Thread-safe.
 */
public final class GeneratedKernelAccess {
    private GeneratedKernelAccess() {
    }

    /**
     * Exports this package to the unnamed module of {@code loader}, the class loader that defines
     * generated kernel classes; a no-op when this package is not in a named module.
     *
     * @param loader the loader of generated classes; not modified
     * @throws NullPointerException if {@code loader} is null
     */
    public static void exportTo(ClassLoader loader) {
        Objects.requireNonNull(loader, "loader");
        Module self = GeneratedKernelAccess.class.getModule();
        if (self.isNamed()) {
            self.addExports(GeneratedKernelAccess.class.getPackageName(), loader.getUnnamedModule());
        }
    }
}
