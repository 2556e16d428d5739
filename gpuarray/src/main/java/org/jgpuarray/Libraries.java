package org.jgpuarray;

import java.util.Optional;
import java.util.function.Supplier;
import org.jgpuarray.blas.Blas;
import org.jgpuarray.device.UnsupportedCapabilityException;
import org.jgpuarray.fft.Fft;
import org.jgpuarray.internal.portable.PortableLibraries;
import org.jgpuarray.kernels.Dialect;
import org.jgpuarray.random.GpuRandom;
import org.jgpuarray.spi.BackendDevice;
import org.jgpuarray.spi.BlasProvider;
import org.jgpuarray.spi.DeviceBuffer;
import org.jgpuarray.spi.FftProvider;
import org.jgpuarray.spi.RandomProvider;

/**
 * The library layer of one context: picks, per library, the device's provider
 * ({@link BackendDevice#library(Class)}) or else the portable kernels (CUDA and OpenCL devices), and
 * builds the public wrappers on it. Created lazily by the context, closed with it.
 *
 * <p>Thread-safe: every provider call runs through {@link #call}, under this object's lock and then
 * {@link BackendDevice#exclusive}, one at a time per context. That serialises what is not thread-safe
 * below: vendor library handles (cuBLAS, cuFFT, cuRAND), the portable libraries' programs and scratch
 * memory, the FFT plan cache and the random generators' counters. Lock order: this lock, then the
 * device's; nothing under the device's lock takes this one.
 */
final class Libraries implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger("org.jgpuarray");

    private final LibraryHost host;
    private final BackendDevice device;
    private final Object lock = new Object();
    private boolean closed;
    private PortableLibraries portable;
    private DefaultBlas blas;
    private DefaultFft fft;
    private RandomProvider philox;
    private Optional<RandomProvider> vendorRandom;

    /**
     * @param host   the context whose arrays the libraries take
     * @param device its device
     */
    Libraries(LibraryHost host, BackendDevice device) {
        this.host = host;
        this.device = device;
    }

    /** BLAS on this device. */
    Blas blas() {
        synchronized (lock) {
            if (blas == null) {
                BlasProvider provider = offered(BlasProvider.class).orElseGet(() -> portable("BLAS").blas());
                LOG.log(System.Logger.Level.DEBUG, "BLAS on " + device.info().name() + ": "
                        + provider.implementation());
                blas = new DefaultBlas(this, provider);
            }
            return blas;
        }
    }

    /**
     * The provider of integer matrix products: {@code blas} where it multiplies integer matrices, else the
     * portable kernels.
     *
     * @throws UnsupportedCapabilityException where neither can
     */
    BlasProvider integerGemm(BlasProvider blas) {
        if (blas.integerGemm()) {
            return blas;
        }
        synchronized (lock) {
            BlasProvider kernels = portable("integer matrix products").blas();
            LOG.log(System.Logger.Level.DEBUG, "integer matrix products on " + device.info().name() + ": "
                    + kernels.implementation());
            return kernels;
        }
    }

    /** FFTs on this device. */
    Fft fft() {
        synchronized (lock) {
            if (fft == null) {
                Optional<FftProvider> own = offered(FftProvider.class);
                FftProvider fallback = isGpuDialect() ? portable("FFT").fft() : null;
                if (own.isEmpty() && fallback == null) {
                    throw unsupported("FFT");
                }
                fft = new DefaultFft(this, own.orElse(fallback), own.isPresent() ? fallback : null);
                LOG.log(System.Logger.Level.DEBUG, "FFT on " + device.info().name() + ": " + fft.implementation());
            }
            return fft;
        }
    }

    /** A Philox generator of this seed: the device's reproducing provider, else the portable kernels. */
    GpuRandom random(long seed) {
        return random(seed, 0);
    }

    /** As {@link #random(long)}, its first call starting at counter block {@code offset}. */
    GpuRandom random(long seed, long offset) {
        synchronized (lock) {
            if (philox == null) {
                philox = offered(RandomProvider.class).filter(RandomProvider::reproducesPhilox)
                        .orElseGet(() -> portable("random numbers").random());
                LOG.log(System.Logger.Level.DEBUG, "Philox random numbers on " + device.info().name() + ": "
                        + philox.implementation());
            }
            return new StreamRandom(this, philox, seed, offset);
        }
    }

    /** The device's own (non-Philox) generator, if it offers one. */
    Optional<RandomProvider> vendorRandom() {
        synchronized (lock) {
            if (vendorRandom == null) {
                vendorRandom = offered(RandomProvider.class).filter(p -> !p.reproducesPhilox());
            }
            return vendorRandom;
        }
    }

    /**
     * Runs one library call: under this context's library lock, then the device's
     * ({@link BackendDevice#exclusive}). Allocate outputs before, not inside.
     *
     * @throws IllegalStateException when the context is closed
     */
    <T> T call(Supplier<T> work) {
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("the GpuContext of " + deviceName() + " is closed");
            }
            return device.exclusive(work);
        }
    }

    /** {@link #call} for work without a result. */
    void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }

    /** A new output array of the context. */
    GPUArray empty(DType dtype, long... shape) {
        return host.empty(dtype, shape);
    }

    /** Whether the device runs float64. */
    boolean fp64() {
        return device.info().fp64();
    }

    /** The device's name, for messages. */
    String deviceName() {
        return device.info().backend() + ":" + device.info().name();
    }

    /**
     * The buffer of an array of this context.
     *
     * @throws IllegalArgumentException when the array belongs to another context
     * @throws IllegalStateException    when it is closed
     */
    DeviceBuffer buffer(GPUArray array, String what) {
        return host.buffer(array, what);
    }

    /**
     * Checks that an array is open and belongs to this context (views included).
     *
     * @throws IllegalArgumentException when it belongs to another context
     * @throws IllegalStateException    when it is closed
     */
    void check(GPUArray array, String what) {
        java.util.Objects.requireNonNull(array, what);
        array.ensureOpen();
        if (!host.owns(array)) {
            throw new IllegalArgumentException(what + " belongs to another context");
        }
    }

    /**
     * Frees plans, programs and scratch memory. Called by the context before its device closes; waits for
     * a library call in progress.
     */
    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            try {
                device.exclusive(() -> {
                    if (fft != null) {
                        fft.close();
                    }
                    if (portable != null) {
                        portable.close();
                    }
                    return null;
                });
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.DEBUG, () -> "while closing the libraries of " + deviceName() + ": " + e);
            }
        }
    }

    private <T> Optional<T> offered(Class<T> kind) {
        try {
            return device.library(kind);
        } catch (RuntimeException | LinkageError e) {
            LOG.log(System.Logger.Level.WARNING, "the " + device.info().backend() + " backend failed to offer "
                    + kind.getSimpleName() + ", using the portable kernels: " + e);
            return Optional.empty();
        }
    }

    private boolean isGpuDialect() {
        return device.dialect() == Dialect.CUDA || device.dialect() == Dialect.OPENCL;
    }

    private PortableLibraries portable(String what) {
        if (!isGpuDialect()) {
            throw unsupported(what);
        }
        if (portable == null) {
            portable = new PortableLibraries(device);
        }
        return portable;
    }

    private UnsupportedCapabilityException unsupported(String what) {
        return new UnsupportedCapabilityException(what, "the " + device.info().backend()
                + " backend offers no " + what + " library and runs no CUDA or OpenCL programs");
    }
}
