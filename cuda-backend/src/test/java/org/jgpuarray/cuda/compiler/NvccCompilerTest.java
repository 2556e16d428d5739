package org.jgpuarray.cuda.compiler;

import org.jgpuarray.cuda.internal.compiler.CompilerCandidate;
import org.jgpuarray.cuda.internal.compiler.CompilerSelection;
import org.junit.jupiter.api.Tag;

/** The compiler contract through {@code nvcc} (found in CUDA_HOME, CUDA_PATH, PATH or /usr/local/cuda). */
@Tag("cuda")
class NvccCompilerTest extends CompilerContract {
    @Override
    protected CompilerCandidate locate() {
        return CompilerSelection.candidate("nvcc", System::getenv, CompilerSelection.DEFAULT_TOOLKITS);
    }
}
