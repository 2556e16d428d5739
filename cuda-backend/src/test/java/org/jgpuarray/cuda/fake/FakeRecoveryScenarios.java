package org.jgpuarray.cuda.fake;

import static org.jgpuarray.cuda.fake.FakeChecks.check;
import static org.jgpuarray.cuda.fake.FakeChecks.expect;

import java.util.Arrays;
import java.util.function.Function;
import org.jgpuarray.DType;
import org.jgpuarray.GPUArray;
import org.jgpuarray.GpuContext;
import org.jgpuarray.SourceModule;
import org.jgpuarray.blas.Transpose;
import org.jgpuarray.device.DeviceException;
import org.jgpuarray.random.GpuRandom;

/**
 * Recovery from a sticky error once a CUDA library was used, against the fakes: the fake libraries
 * retain the primary context for good, as the CUDA runtime does, so releasing jgpuarray's retains no
 * longer destroys the broken context; jgpuarray must reset it when the last context of the broken device
 * closes. The error surfaces in a library call (CUBLAS_STATUS_EXECUTION_FAILED,
 * CURAND_STATUS_PREEXISTING_FAILURE), which must mark the context broken as a driver call would.
 */
final class FakeRecoveryScenarios {
    private final FakeLog log;

    FakeRecoveryScenarios(FakeLog log) {
        this.log = log;
    }

    /** cuBLAS: used, then a fault that its next call reports, then close and a new context. */
    void afterBlas() {
        recover("cublasSgemm_v2", "CUBLAS_STATUS_EXECUTION_FAILED", ctx -> {
            GPUArray a = ctx.zeros(DType.FLOAT32, 2, 2);
            GPUArray c = ctx.zeros(DType.FLOAT32, 2, 2);
            return () -> ctx.blas().gemm(Transpose.NONE, Transpose.NONE, 1, a, a, 0, c);
        });
    }

    /** cuRAND: as {@link #afterBlas()}. */
    void afterRandom() {
        recover("curandGenerateUniform", "CURAND_STATUS_PREEXISTING_FAILURE", ctx -> {
            GpuRandom curand = ctx.random(3).deviceLibrary().orElseThrow();
            GPUArray out = ctx.zeros(DType.FLOAT32, 8);
            return () -> curand.fillUniform(out);
        });
    }

    /**
     * @param prepare allocates what one library call needs, returning the call (which must allocate nothing, so
     *                that the library is the first to meet the sticky error); the arrays go with their context
     */
    private void recover(String call, String status, Function<GpuContext, Runnable> prepare) {
        GpuContext ctx = GpuContext.create("cuda");
        Runnable libraryCall = prepare.apply(ctx);
        libraryCall.run();
        check(log.count("runtime retain refs=\\d+") == 1, "the library's runtime retained the primary context");
        GPUArray x = ctx.zeros(DType.FLOAT32, 8);
        SourceModule m = ctx.sourceModule(FakeContextScenarios.FAULT);
        m.function("jga_fake_fault").launch(new long[] {1}, new long[] {1}, x);
        DeviceException first = expect(DeviceException.class, libraryCall);
        check(first.call().equals(call) && first.codeName().equals(status), first.getMessage());
        check(first.getMessage().contains("CUDA_ERROR_ILLEGAL_ADDRESS") && first.getMessage().contains("unusable"),
                "the library's failure says what the driver found: " + first.getMessage());
        DeviceException later = expect(DeviceException.class, () -> ctx.zeros(DType.FLOAT32, 2));
        check(later.getMessage().contains("unusable after CUDA_ERROR_ILLEGAL_ADDRESS (700)"), later.getMessage());
        x.close();
        m.close();
        log.mark();
        ctx.close();
        check(log.since("reset").size() == 1, "the broken device is reset when its last context closes: "
                + log.sinceMark());
        try (GpuContext fresh = GpuContext.create("cuda"); GPUArray y = fresh.toGpu(new float[] {1, 2})) {
            check(Arrays.equals(new float[] {1, 2}, y.toFloatArray()), "a new context works after the reset");
            prepare.apply(fresh).run();
        }
    }
}
