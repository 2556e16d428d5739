package org.jgpuarray.opencl.internal;

import org.jgpuarray.kernels.ArgumentList;
import org.jgpuarray.spi.CompiledElementwise;

/** A generated elementwise kernel: parameters as declared, then {@code long n}; grid-stride over n. */
final class ClElementwise implements CompiledElementwise {
    private final ClKernel kernel;
    private final ArgumentList arguments;
    private final ClQueue queue;
    private final LaunchGeometry geometry;
    private final int local;

    ClElementwise(ClKernel kernel, ArgumentList arguments, ClQueue queue, LaunchGeometry geometry, int local) {
        this.kernel = kernel;
        this.arguments = arguments;
        this.queue = queue;
        this.geometry = geometry;
        this.local = local;
    }

    @Override
    public void launch(long n, Object[] args) {
        if (n <= 0) {
            return;
        }
        SpecArguments.bind(kernel, arguments, args);
        kernel.setLong(arguments.size(), n);
        long groups = geometry.elementwiseGroups(n, local);
        queue.run(kernel.handle(), kernel.name(), new long[] {groups * local}, new long[] {local});
    }
}
