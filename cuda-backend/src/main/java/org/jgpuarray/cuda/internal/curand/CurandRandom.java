package org.jgpuarray.cuda.internal.curand;

import static org.jgpuarray.cuda.internal.curand.CurandStatus.NAMES;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import java.util.EnumMap;
import java.util.Map;
import jcuda.driver.CUstream;
import org.jgpuarray.cuda.internal.CudaContext;
import org.jgpuarray.cuda.internal.CudaDriver;
import org.jgpuarray.cuda.internal.binding.JnaBinding;
import org.jgpuarray.kernels.ScalarType;
import org.jgpuarray.spi.DeviceBuffer;
import org.jgpuarray.spi.RandomProvider;

/**
 * cuRAND as the core's vendor {@link RandomProvider} on one device: one
 * {@code CURAND_RNG_PSEUDO_PHILOX4_32_10} generator in the device's selected stream, positioned before every call
 * by seed ({@code curandSetPseudoRandomGeneratorSeed}, when it changes) and offset
 * ({@code curandSetGeneratorOffset}, the core's offset in 128-bit blocks times four 32-bit words), so that
 * it is stateless as the interface asks. Its stream is cuRAND's own, not jgpuarray's Philox stream
 * ({@link #reproducesPhilox()} is false); uniforms are in (0, 1], as cuRAND makes them.
 *
 * <p>cuRAND makes normals in pairs (it refuses odd counts): an odd count is made as the even part in
 * place, then one more pair, from the position where the even part ends, into a two-element scratch
 * buffer, whose first value is copied to the last element.
 * Used from one thread at a time: the core runs library calls under the device's lock
 * ({@code GpuDevice.exclusive}).
 */
public final class CurandRandom implements RandomProvider, AutoCloseable {
    private final CudaDriver device;
    private final CurandBinding binding;
    private final CurandLibrary lib;
    private final Pointer generator;
    private final Map<ScalarType, DeviceBuffer> tails = new EnumMap<>(ScalarType.class);
    /** The stream the generator is bound to; switched when the device's selected stream differs. */
    private CUstream stream;
    private boolean seeded;
    private long seed;
    private boolean closed;

    private CurandRandom(CudaDriver device, CurandBinding binding, Pointer generator, CUstream stream) {
        this.device = device;
        this.binding = binding;
        this.lib = binding.library();
        this.generator = generator;
        this.stream = stream;
    }

    /**
     * Creates the generator on {@code device} and binds it to the device's stream.
     *
     * @throws org.jgpuarray.device.DeviceException when cuRAND refuses
     */
    public static CurandRandom open(CudaDriver device, CurandBinding binding) {
        CurandLibrary lib = binding.library();
        device.context().enter();
        try {
            PointerByReference created = new PointerByReference();
            NAMES.check("curandCreateGenerator", lib.curandCreateGenerator(created,
                    CurandStatus.RNG_PSEUDO_PHILOX4_32_10), "CURAND_RNG_PSEUDO_PHILOX4_32_10");
            Pointer generator = created.getValue();
            CUstream stream = device.stream();
            try {
                NAMES.check("curandSetStream", lib.curandSetStream(generator, JnaBinding.stream(stream)),
                        "the device's stream");
            } catch (RuntimeException e) {
                lib.curandDestroyGenerator(generator);
                throw e;
            }
            return new CurandRandom(device, binding, generator, stream);
        } finally {
            device.context().exit();
        }
    }

    @Override
    public String implementation() {
        return binding.implementation();
    }

    @Override
    public boolean reproducesPhilox() {
        return false;
    }

    @Override
    public void bits(long seed, long offset, DeviceBuffer out, long count) {
        Pointer p = output(out, "bits");
        entered(() -> {
            position(seed, words(offset));
            check("curandGenerate", lib.curandGenerate(generator, p, count), count + " words");
        });
    }

    @Override
    public void uniform(ScalarType type, long seed, long offset, DeviceBuffer out, long count) {
        Pointer p = output(out, "uniform");
        boolean dbl = type == ScalarType.FLOAT64;
        entered(() -> {
            position(seed, words(offset));
            check(dbl ? "curandGenerateUniformDouble" : "curandGenerateUniform", dbl
                    ? lib.curandGenerateUniformDouble(generator, p, count) : lib.curandGenerateUniform(generator, p, count),
                    count + " values");
        });
    }

    @Override
    public void normal(ScalarType type, long seed, long offset, DeviceBuffer out, long count, double mean, double std) {
        Pointer p = output(out, "normal");
        long even = count & ~1L;
        long start = words(offset);
        if (even > 0) {
            entered(() -> {
                position(seed, start);
                generateNormal(type, p, even, mean, std);
            });
        }
        if (even < count) {
            DeviceBuffer tail = tails.computeIfAbsent(type, t -> device.allocate(2L * t.byteSize()));
            Pointer t = JnaBinding.device(device.pointer(tail, "normal tail"));
            entered(() -> {
                position(seed, start + even * (type == ScalarType.FLOAT64 ? 2 : 1));
                generateNormal(type, t, 2, mean, std);
            });
            device.copy(tail, 0, out, even * type.byteSize(), type.byteSize());
        }
    }

    /** Destroys the generator and frees the scratch; idempotent, never throws. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        boolean entered = false;
        try {
            device.context().enter();
            entered = true;
        } catch (RuntimeException brokenOrReleased) {
            // destroy anyway: cuRAND frees its host-side state
        }
        try {
            lib.curandDestroyGenerator(generator);
        } finally {
            if (entered) {
                device.context().exit();
            }
        }
        for (DeviceBuffer tail : tails.values()) {
            try {
                tail.release();
            } catch (RuntimeException e) {
                // the device frees it when it closes
            }
        }
        tails.clear();
    }

    private Pointer output(DeviceBuffer out, String op) {
        if (closed) {
            throw new IllegalStateException("the cuRAND generator of this device is destroyed");
        }
        return JnaBinding.device(device.pointer(out, op + " output"));
    }

    /**
     * Runs cuRAND calls with the device's context pushed, in the device's selected stream
     * ({@code curandSetStream} first when it changed), popping the context afterwards.
     */
    private void entered(Runnable calls) {
        CudaContext context = device.context();
        context.enter();
        try {
            CUstream selected = device.stream();
            if (selected != stream) {
                check("curandSetStream", lib.curandSetStream(generator, JnaBinding.stream(selected)),
                        "the device's selected stream");
                stream = selected;
            }
            calls.run();
        } finally {
            context.exit();
        }
    }

    /** A failed status as a DeviceException, which says so when the driver finds the context broken. */
    private void check(String call, int status, String detail) {
        if (status != 0) {
            throw device.context().libraryFailure(call, status, NAMES.name(status), detail);
        }
    }

    private void position(long seed, long words) {
        if (!seeded || seed != this.seed) {
            check("curandSetPseudoRandomGeneratorSeed", lib.curandSetPseudoRandomGeneratorSeed(generator, seed),
                    "seed " + seed);
            this.seed = seed;
            seeded = true;
        }
        check("curandSetGeneratorOffset", lib.curandSetGeneratorOffset(generator, words), "offset " + words);
    }

    private void generateNormal(ScalarType type, Pointer p, long n, double mean, double std) {
        boolean dbl = type == ScalarType.FLOAT64;
        int status = dbl ? lib.curandGenerateNormalDouble(generator, p, n, mean, std)
                : lib.curandGenerateNormal(generator, p, n, (float) mean, (float) std);
        check(dbl ? "curandGenerateNormalDouble" : "curandGenerateNormal", status, n + " values");
    }

    /** The core's offset (128-bit counter blocks) in 32-bit words, cuRAND's unit. */
    private static long words(long blocks) {
        return Math.multiplyExact(blocks, 4L);
    }
}
