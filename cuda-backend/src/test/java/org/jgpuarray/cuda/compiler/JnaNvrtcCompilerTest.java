package org.jgpuarray.cuda.compiler;

import java.util.List;
import org.jgpuarray.cuda.internal.compiler.CompilerCandidate;
import org.jgpuarray.cuda.internal.compiler.JnaNvrtcCompiler;
import org.junit.jupiter.api.Tag;

/**
 * The compiler contract through the project's own JNA binding of NVRTC (any of {@code libnvrtc.so.13},
 * {@code .so.12}, {@code .so.11.2}; in CI, Debian's {@code libnvrtc11.2}).
 */
@Tag("cuda")
class JnaNvrtcCompilerTest extends CompilerContract {
    @Override
    protected CompilerCandidate locate() {
        return JnaNvrtcCompiler.locate(List.of());
    }
}
