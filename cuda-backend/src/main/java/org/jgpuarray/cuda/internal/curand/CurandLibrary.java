package org.jgpuarray.cuda.internal.curand;

import com.sun.jna.Library;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;

/**
 * The cuRAND host-API functions jgpuarray calls, bound through JNA. {@code size_t} and
 * {@code unsigned long long} are Java longs (64-bit platforms only); device addresses are pointers.
 * Internal.
 */
public interface CurandLibrary extends Library {
    /** {@code curandStatus_t curandCreateGenerator(curandGenerator_t *generator, curandRngType_t type)}. */
    int curandCreateGenerator(PointerByReference generator, int type);

    /** {@code curandStatus_t curandDestroyGenerator(curandGenerator_t generator)}. */
    int curandDestroyGenerator(Pointer generator);

    /** {@code curandStatus_t curandSetPseudoRandomGeneratorSeed(curandGenerator_t generator, unsigned long long seed)}. */
    int curandSetPseudoRandomGeneratorSeed(Pointer generator, long seed);

    /** {@code curandStatus_t curandSetGeneratorOffset(curandGenerator_t generator, unsigned long long offset)}. */
    int curandSetGeneratorOffset(Pointer generator, long offset);

    /** {@code curandStatus_t curandSetStream(curandGenerator_t generator, cudaStream_t stream)}. */
    int curandSetStream(Pointer generator, Pointer stream);

    /** {@code curandStatus_t curandGenerate(curandGenerator_t generator, unsigned int *outputPtr, size_t num)}. */
    int curandGenerate(Pointer generator, Pointer out, long num);

    /** {@code curandStatus_t curandGenerateUniform(curandGenerator_t generator, float *outputPtr, size_t num)}: (0, 1]. */
    int curandGenerateUniform(Pointer generator, Pointer out, long num);

    /** {@code curandGenerateUniformDouble}, in double. */
    int curandGenerateUniformDouble(Pointer generator, Pointer out, long num);

    /** {@code curandGenerateNormal(generator, float *outputPtr, size_t n, float mean, float stddev)}; n even. */
    int curandGenerateNormal(Pointer generator, Pointer out, long num, float mean, float stddev);

    /** {@code curandGenerateNormalDouble}, in double; n even. */
    int curandGenerateNormalDouble(Pointer generator, Pointer out, long num, double mean, double stddev);

    /** {@code curandStatus_t curandGetVersion(int *version)}. */
    int curandGetVersion(int[] version);

    /** {@code curandStatus_t curandGetProperty(libraryPropertyType type, int *value)}. */
    int curandGetProperty(int type, int[] value);
}
