package org.jgpuarray.cuda.internal.cufft;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.jgpuarray.device.UnsupportedCapabilityException;
import org.jgpuarray.cuda.internal.CudaDriver;
import org.jgpuarray.spi.BackendDevice;
import org.jgpuarray.spi.FftPlan;
import org.jgpuarray.spi.FftProvider;
import org.jgpuarray.spi.FftShape;

/**
 * cuFFT as the core's {@link FftProvider} on one device: {@code cufftPlanMany} with the basic
 * (contiguous) layout for each {@link FftShape}, each plan in the device's selected stream. Shapes with an extent of
 * 1, or sizes beyond cuFFT's 32-bit plan interface, are declined (the core's portable kernels take
 * them). Live plans are remembered, so that closing destroys any the core did not release. Used from one
 * thread at a time: the core runs library calls under the device's lock
 * ({@code GpuDevice.exclusive}).
 */
public final class CufftFft implements FftProvider, AutoCloseable {
    private final CudaDriver device;
    private final CufftBinding binding;
    private final CufftKernels kernels;
    private final Set<CufftPlan> live = Collections.newSetFromMap(new IdentityHashMap<>());
    private boolean closed;

    /**
     * cuFFT on {@code device}; nothing is created before the first plan.
     *
     * @param backend the device as the core sees it, which compiles the scaling kernels
     */
    public CufftFft(CudaDriver device, BackendDevice backend, CufftBinding binding) {
        this.device = device;
        this.binding = binding;
        this.kernels = new CufftKernels(backend);
    }

    @Override
    public String implementation() {
        return binding.implementation();
    }

    /**
     * {@code cufftPlanMany(rank, dims, NULL, 1, idist, NULL, 1, odist, type, batch)}, then
     * {@code cufftSetStream} to the device's selected stream.
     *
     * @throws UnsupportedCapabilityException for shapes cuFFT is not asked to do here
     * @throws org.jgpuarray.device.DeviceException when cuFFT refuses
     */
    @Override
    public FftPlan plan(FftShape shape) {
        if (closed) {
            throw new IllegalStateException("cuFFT on this device is closed");
        }
        int[] dims = dims(shape);
        CufftTransform transform = CufftTransform.of(shape.kind(), shape.precision());
        int[] handle = {0};
        device.context().enter();
        try {
            CufftResults.NAMES.check("cufftPlanMany", binding.library().cufftPlanMany(handle, dims.length, dims, null, 1,
                    (int) transform.inputDistance(shape), null, 1, (int) transform.outputDistance(shape),
                    transform.code(), (int) shape.batch()), shape.toString());
            CufftPlan plan = new CufftPlan(this, handle[0], shape, transform);
            live.add(plan);
            try {
                plan.follow(device.stream());
            } catch (RuntimeException e) {
                plan.release();
                throw e;
            }
            return plan;
        } finally {
            device.context().exit();
        }
    }

    /** Destroys every plan still alive; idempotent, never throws. */
    @Override
    public void close() {
        closed = true;
        for (CufftPlan plan : new ArrayList<>(live)) {
            plan.release();
        }
    }

    CudaDriver device() {
        return device;
    }

    CufftLibrary library() {
        return binding.library();
    }

    CufftKernels kernels() {
        return kernels;
    }

    /** {@code cufftDestroy}, errors ignored (the context may be broken). */
    void destroy(CufftPlan plan) {
        if (live.remove(plan)) {
            boolean entered = false;
            try {
                device.context().enter();
                entered = true;
            } catch (RuntimeException brokenOrReleased) {
                // destroy anyway: cuFFT frees its host-side state
            }
            try {
                binding.library().cufftDestroy(plan.handle());
            } finally {
                if (entered) {
                    device.context().exit();
                }
            }
        }
    }

    /** The extents as ints, or an exception declining the shape. */
    private static int[] dims(FftShape shape) {
        long[] dims = shape.dims();
        int[] n = new int[dims.length];
        for (int d = 0; d < dims.length; d++) {
            if (dims[d] == 1) {
                throw new UnsupportedCapabilityException("cuFFT of extent 1", "cuFFT is not asked to plan " + shape);
            }
            n[d] = (int) dims[d];
        }
        long values = Math.max(shape.signalSize(), 2 * shape.halfSpectrumSize()) * shape.batch();
        if (values > Integer.MAX_VALUE) {
            throw new UnsupportedCapabilityException("cuFFT sizes beyond 2^31 - 1",
                    shape + " is too large for cufftPlanMany's 32-bit sizes");
        }
        return n;
    }
}
