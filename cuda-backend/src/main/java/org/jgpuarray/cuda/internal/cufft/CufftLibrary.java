package org.jgpuarray.cuda.internal.cufft;

import com.sun.jna.Library;
import com.sun.jna.Pointer;

/**
 * The cuFFT functions jgpuarray calls, bound through JNA (their C signatures are the same from CUDA 10
 * to 13). A {@code cufftHandle} is an int; device addresses are pointers. Internal.
 */
public interface CufftLibrary extends Library {
    /**
     * {@code cufftResult cufftPlanMany(cufftHandle *plan, int rank, int *n, int *inembed, int istride,
     * int idist, int *onembed, int ostride, int odist, cufftType type, int batch)}; null embeddings mean
     * the basic (contiguous) layout.
     */
    int cufftPlanMany(int[] plan, int rank, int[] n, int[] inembed, int istride, int idist, int[] onembed,
                      int ostride, int odist, int type, int batch);

    /** {@code cufftResult cufftSetStream(cufftHandle plan, cudaStream_t stream)}. */
    int cufftSetStream(int plan, Pointer stream);

    /** {@code cufftResult cufftExecC2C(cufftHandle plan, cufftComplex *idata, cufftComplex *odata, int direction)}. */
    int cufftExecC2C(int plan, Pointer in, Pointer out, int direction);

    /** {@code cufftExecZ2Z}, in double. */
    int cufftExecZ2Z(int plan, Pointer in, Pointer out, int direction);

    /** {@code cufftResult cufftExecR2C(cufftHandle plan, cufftReal *idata, cufftComplex *odata)}. */
    int cufftExecR2C(int plan, Pointer in, Pointer out);

    /** {@code cufftExecD2Z}, in double. */
    int cufftExecD2Z(int plan, Pointer in, Pointer out);

    /** {@code cufftResult cufftExecC2R(cufftHandle plan, cufftComplex *idata, cufftReal *odata)}; may overwrite idata. */
    int cufftExecC2R(int plan, Pointer in, Pointer out);

    /** {@code cufftExecZ2D}, in double. */
    int cufftExecZ2D(int plan, Pointer in, Pointer out);

    /** {@code cufftResult cufftDestroy(cufftHandle plan)}. */
    int cufftDestroy(int plan);

    /** {@code cufftResult cufftGetVersion(int *version)}. */
    int cufftGetVersion(int[] version);

    /** {@code cufftResult cufftGetProperty(libraryPropertyType type, int *value)}. */
    int cufftGetProperty(int type, int[] value);
}
