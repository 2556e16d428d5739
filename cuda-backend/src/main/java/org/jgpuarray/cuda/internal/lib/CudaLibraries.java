package org.jgpuarray.cuda.internal.lib;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jgpuarray.cuda.internal.CudaDriver;
import org.jgpuarray.cuda.internal.DeviceLibraries;
import org.jgpuarray.cuda.internal.binding.NativeBinding;
import org.jgpuarray.cuda.internal.cublas.CublasBlas;
import org.jgpuarray.cuda.internal.cufft.CufftFft;
import org.jgpuarray.cuda.internal.curand.CurandRandom;
import org.jgpuarray.spi.BackendDevice;
import org.jgpuarray.spi.BlasProvider;
import org.jgpuarray.spi.FftProvider;
import org.jgpuarray.spi.RandomProvider;

/**
 * The providers of one device: {@link CublasBlas}, {@link CufftFft} and {@link CurandRandom}, each made
 * on first request where its library loaded in this process ({@link VendorLibraries}) and remembered,
 * present or absent. A library that loaded but cannot start on the device (its handle is refused) is
 * logged at WARNING and left absent. Closing frees every handle, plan and generator. Used from one
 * thread at a time: the core runs library calls under the device's lock
 * ({@code GpuDevice.exclusive}).
 */
public final class CudaLibraries implements DeviceLibraries {
    private static final System.Logger LOG = System.getLogger("org.jgpuarray.cuda");

    private final CudaDriver device;
    private final BackendDevice backend;
    private final List<AutoCloseable> opened = new ArrayList<>();
    private Optional<CublasBlas> blas;
    private Optional<CufftFft> fft;
    private Optional<CurandRandom> random;

    /**
     * The libraries of {@code device}; nothing is created before the first request.
     *
     * @param backend the device as the core sees it, for the libraries' own helper kernels
     */
    public CudaLibraries(CudaDriver device, BackendDevice backend) {
        this.device = device;
        this.backend = backend;
    }

    @Override
    public <T> Optional<T> get(Class<T> kind) {
        try {
            if (kind == BlasProvider.class) {
                if (blas == null) {
                    blas = open("cuBLAS", VendorLibraries.cublas(), b -> CublasBlas.open(device, b));
                }
                return blas.map(kind::cast);
            }
            if (kind == FftProvider.class) {
                if (fft == null) {
                    fft = open("cuFFT", VendorLibraries.cufft(), b -> new CufftFft(device, backend, b));
                }
                return fft.map(kind::cast);
            }
            if (kind == RandomProvider.class) {
                if (random == null) {
                    random = open("cuRAND", VendorLibraries.curand(), b -> CurandRandom.open(device, b));
                }
                return random.map(kind::cast);
            }
        } catch (RuntimeException | LinkageError e) {
            LOG.log(System.Logger.Level.WARNING, "the CUDA backend cannot offer " + kind.getSimpleName() + ": " + e);
        }
        return Optional.empty();
    }

    /** Closes the providers in reverse order of creation; never throws. */
    @Override
    public void close() {
        for (int k = opened.size() - 1; k >= 0; k--) {
            try {
                opened.get(k).close();
            } catch (Exception e) {
                LOG.log(System.Logger.Level.DEBUG, "while closing a CUDA library: " + e);
            }
        }
        opened.clear();
    }

    private <B, P extends AutoCloseable> Optional<P> open(String what, NativeBinding<B> binding, Function<B, P> make) {
        if (!binding.isLoaded()) {
            return Optional.empty();
        }
        try {
            P provider = make.apply(binding.library());
            opened.add(provider);
            return Optional.of(provider);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, what + " loaded but does not start on " + device.info().name()
                    + "; using the portable kernels: " + e.getMessage());
            return Optional.empty();
        }
    }
}
