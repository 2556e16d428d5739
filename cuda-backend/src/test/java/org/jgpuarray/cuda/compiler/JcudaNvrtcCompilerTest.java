package org.jgpuarray.cuda.compiler;

import org.jgpuarray.cuda.internal.compiler.CompilerCandidate;
import org.jgpuarray.cuda.internal.compiler.JcudaNvrtcCompiler;
import org.junit.jupiter.api.Tag;

/** The compiler contract through JCuda's JNvrtc, where {@code libnvrtc.so.12} is installed. */
@Tag("cuda")
class JcudaNvrtcCompilerTest extends CompilerContract {
    @Override
    protected CompilerCandidate locate() {
        return JcudaNvrtcCompiler.locate();
    }
}
