package org.jgpuarray.cuda.report;

import java.util.ArrayList;
import java.util.List;
import jcuda.jcublas.JCublas2;
import jcuda.jcublas.cublasHandle;
import org.jgpuarray.cuda.internal.compiler.CompilerCandidate;
import org.jgpuarray.cuda.internal.compiler.CompilerSelection;
import org.jgpuarray.cuda.internal.compiler.JcudaNvrtcCompiler;
import org.jgpuarray.cuda.internal.compiler.NativeLoadErrors;
import org.jgpuarray.cuda.internal.lib.VendorLibraries;

/** Which of JCuda's native libraries load on this machine, and which compilers the backend finds. */
final class NativeLibraryReport {
    private NativeLibraryReport() {
    }

    /** One line per library or compiler. */
    static List<String> lines() {
        List<String> lines = new ArrayList<>();
        CompilerCandidate jnvrtc = JcudaNvrtcCompiler.locate();
        lines.add("JCuda JNvrtc (libnvrtc.so.12): " + (jnvrtc.compiler() != null
                ? "loads, " + jnvrtc.compiler().description() : "does not load: " + jnvrtc.reason()));
        lines.add("JCuda JCublas2 (libcublas.so.12): " + cublas());
        VendorLibraries.properties().forEach((library, what) -> lines.add("backend's " + library + ": " + what));
        for (String id : CompilerSelection.IDS) {
            lines.add("compiler " + CompilerSelection.candidate(id, System::getenv, CompilerSelection.DEFAULT_TOOLKITS));
        }
        CompilerSelection.Choice choice = CompilerSelection.chosen();
        lines.add("chosen compiler: " + choice.get().map(c -> c.description()).orElse(choice.reason()));
        return lines;
    }

    private static String cublas() {
        try {
            JCublas2.setExceptionsEnabled(false);
            cublasHandle handle = new cublasHandle();
            int created = JCublas2.cublasCreate(handle);
            if (created != 0) {
                return "loads, but cublasCreate returned " + created;
            }
            int[] version = {0};
            JCublas2.cublasGetVersion(handle, version);
            JCublas2.cublasDestroy(handle);
            return "loads, cuBLAS version " + version[0];
        } catch (LinkageError | RuntimeException e) {
            return "does not load: " + NativeLoadErrors.reason(e);
        }
    }
}
