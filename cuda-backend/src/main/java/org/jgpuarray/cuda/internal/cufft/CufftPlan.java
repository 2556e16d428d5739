package org.jgpuarray.cuda.internal.cufft;

import jcuda.driver.CUstream;
import org.jgpuarray.cuda.internal.CudaContext;
import org.jgpuarray.cuda.internal.binding.JnaBinding;
import org.jgpuarray.spi.DeviceBuffer;
import org.jgpuarray.spi.FftPlan;
import org.jgpuarray.spi.FftShape;

/**
 * One cuFFT plan ({@code cufftHandle}) of one shape, executed in the device's selected stream
 * ({@code cufftSetStream} when it changed since the plan's last call). Used under the device's lock.
 */
final class CufftPlan implements FftPlan {
    private final CufftFft owner;
    private final int handle;
    private final FftShape shape;
    private final CufftTransform transform;
    private CUstream stream;
    private boolean bound;
    private boolean released;

    CufftPlan(CufftFft owner, int handle, FftShape shape, CufftTransform transform) {
        this.owner = owner;
        this.handle = handle;
        this.shape = shape;
        this.transform = transform;
    }

    /**
     * Binds the plan to {@code selected} ({@code cufftSetStream}) unless it is bound to it already; the
     * device's context is entered.
     *
     * @throws org.jgpuarray.device.DeviceException when cuFFT refuses
     */
    void follow(CUstream selected) {
        if (bound && selected == stream) {
            return;
        }
        CufftResults.NAMES.check("cufftSetStream", owner.library().cufftSetStream(handle, JnaBinding.stream(selected)),
                shape.toString());
        stream = selected;
        bound = true;
    }

    /** The {@code cufftHandle}. */
    int handle() {
        return handle;
    }

    /**
     * Runs the transform, then the scale kernel unless {@code scale} is 1. A complex-to-real transform
     * first makes its input's zero and Nyquist columns Hermitian ({@link CufftKernels}), in place: the
     * core passes a scratch copy there.
     *
     * @throws IllegalStateException    after release
     * @throws IllegalArgumentException for an inverse real-to-complex or a forward complex-to-real transform
     * @throws org.jgpuarray.device.DeviceException when cuFFT fails
     */
    @Override
    public void execute(DeviceBuffer in, DeviceBuffer out, boolean inverse, double scale) {
        if (released) {
            throw new IllegalStateException("this cuFFT plan of " + shape + " is released");
        }
        if (!transform.allows(inverse)) {
            throw new IllegalArgumentException(transform + " transforms are " + (inverse ? "forward" : "inverse")
                    + " only: " + shape);
        }
        if (transform.isComplexToReal()) {
            long[] dims = shape.dims();
            owner.kernels().symmetrize(shape.precision(), in, shape.batch(), dims.length == 2 ? dims[0] : 1,
                    dims[dims.length - 1]);
        }
        var pin = JnaBinding.device(owner.device().pointer(in, "FFT input"));
        var pout = JnaBinding.device(owner.device().pointer(out, "FFT output"));
        CudaContext context = owner.device().context();
        context.enter();
        try {
            follow(owner.device().stream());
            int status = transform.execute(owner.library(), handle, pin, pout, inverse);
            if (status != 0) {
                throw context.libraryFailure(transform.exec(), status, CufftResults.NAMES.name(status),
                        shape + (inverse ? " inverse" : " forward"));
            }
        } finally {
            context.exit();
        }
        if (scale != 1.0) {
            owner.kernels().scale(shape.precision(), out, transform.outputReals(shape), scale);
        }
    }

    /** Destroys the plan; idempotent, never throws. */
    @Override
    public void release() {
        if (!released) {
            released = true;
            owner.destroy(this);
        }
    }
}
