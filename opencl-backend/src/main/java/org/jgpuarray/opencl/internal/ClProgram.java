package org.jgpuarray.opencl.internal;

import static org.jocl.CL.clReleaseProgram;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jgpuarray.spi.gpu.GpuKernel;
import org.jgpuarray.spi.gpu.GpuProgram;
import org.jocl.cl_program;

/** A built {@code cl_program} and the kernels taken from it, released together. */
final class ClProgram implements GpuProgram {
    private final cl_program program;
    private final ClDeviceHandle device;
    private final ClMemory memory;
    private final ClQueue queue;
    private final Map<String, Optional<GpuKernel>> kernels = new HashMap<>();

    ClProgram(cl_program program, ClDeviceHandle device, ClMemory memory, ClQueue queue) {
        this.program = program;
        this.device = device;
        this.memory = memory;
        this.queue = queue;
    }

    /** The program binary; none (nothing to cache) when it is a PoCL binary that PoCL could not load back. */
    @Override
    public byte[] binary() {
        byte[] binary = ClPrograms.binary(program);
        return PoclBinaries.problem(binary).isPresent() ? new byte[0] : binary;
    }

    @Override
    public Optional<GpuKernel> kernel(String name) {
        return kernels.computeIfAbsent(name, k -> ClKernel.create(program, k, device, memory, queue)
                .map(GpuKernel.class::cast));
    }

    @Override
    public void release() {
        kernels.values().forEach(k -> k.ifPresent(c -> ((ClKernel) c).release()));
        kernels.clear();
        clReleaseProgram(program);
    }
}
