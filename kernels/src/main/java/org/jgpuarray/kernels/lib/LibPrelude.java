package org.jgpuarray.kernels.lib;

import java.util.Locale;
import org.jgpuarray.kernels.Dialect;
import org.jgpuarray.kernels.ScalarType;

/**
 * The small vocabulary the library kernels are written in, so one body serves CUDA C++ and OpenCL C:
 * {@code JGA_KERNEL}, {@code JGA_GLOBAL} (pointer address space), {@code JGA_LOCAL} (work-group shared
 * arrays), {@code JGA_LOCAL_PTR} (pointers to them), {@code JGA_BARRIER()}, thread and group indices,
 * 64-bit integer typedefs, and the dialect's names of the math functions.
 */
final class LibPrelude {
    private static final String CUDA = """
            // jgpuarray library prelude (CUDA)
            #define JGA_KERNEL extern "C" __global__
            #define JGA_GLOBAL
            #define JGA_LOCAL __shared__
            #define JGA_LOCAL_PTR
            #define JGA_INLINE static __device__ __forceinline__
            #define JGA_BARRIER() __syncthreads()
            #define JGA_LID0 ((int) threadIdx.x)
            #define JGA_LID1 ((int) threadIdx.y)
            #define JGA_GROUP0 ((jga_long) blockIdx.x)
            #define JGA_GROUP1 ((jga_long) blockIdx.y)
            #define JGA_GROUP2 ((jga_long) blockIdx.z)
            #define JGA_LSIZE0 ((int) blockDim.x)
            #define JGA_NGROUPS0 ((jga_long) gridDim.x)
            #define JGA_GID0 ((jga_long) blockIdx.x * blockDim.x + threadIdx.x)
            #define JGA_GSIZE0 ((jga_long) gridDim.x * blockDim.x)
            typedef unsigned int jga_uint;
            typedef long long jga_long;
            typedef unsigned long long jga_ulong;
            #define JGA_FLOAT2(a, b) make_float2((a), (b))
            #define JGA_DOUBLE2(a, b) make_double2((a), (b))
            """;

    private static final String OPENCL = """
            // jgpuarray library prelude (OpenCL C 1.2)
            #define JGA_KERNEL __kernel
            #define JGA_GLOBAL __global
            #define JGA_LOCAL __local
            #define JGA_LOCAL_PTR __local
            #define JGA_INLINE static inline
            #define JGA_BARRIER() barrier(CLK_LOCAL_MEM_FENCE)
            #define JGA_LID0 ((int) get_local_id(0))
            #define JGA_LID1 ((int) get_local_id(1))
            #define JGA_GROUP0 ((jga_long) get_group_id(0))
            #define JGA_GROUP1 ((jga_long) get_group_id(1))
            #define JGA_GROUP2 ((jga_long) get_group_id(2))
            #define JGA_LSIZE0 ((int) get_local_size(0))
            #define JGA_NGROUPS0 ((jga_long) get_num_groups(0))
            #define JGA_GID0 ((jga_long) get_global_id(0))
            #define JGA_GSIZE0 ((jga_long) get_global_size(0))
            typedef uint jga_uint;
            typedef long jga_long;
            typedef ulong jga_ulong;
            #define JGA_FLOAT2(a, b) ((float2) ((a), (b)))
            #define JGA_DOUBLE2(a, b) ((double2) ((a), (b)))
            """;

    private static final String OPENCL_FP64 = """
            #if defined(cl_khr_fp64)
            #pragma OPENCL EXTENSION cl_khr_fp64 : enable
            #elif defined(cl_amd_fp64)
            #pragma OPENCL EXTENSION cl_amd_fp64 : enable
            #endif
            """;

    private LibPrelude() {
    }

    /**
     * The prelude of a program.
     *
     * @param dialect CUDA or OPENCL
     * @param fp64    whether the program uses double (enables the OpenCL extension)
     * @throws IllegalArgumentException for the Java dialect
     */
    static String of(Dialect dialect, boolean fp64) {
        return switch (dialect) {
            case CUDA -> CUDA;
            case OPENCL -> fp64 ? OPENCL_FP64 + OPENCL : OPENCL;
            case JAVA -> throw new IllegalArgumentException(
                    "library kernels are generated for CUDA and OpenCL; the CPU backend runs Java implementations");
        };
    }

    /** The C name of a real type: {@code float} or {@code double}. */
    static String real(ScalarType type) {
        requireReal(type);
        return type == ScalarType.FLOAT32 ? "float" : "double";
    }

    /** The two-component vector type of a real type: {@code float2} or {@code double2}. */
    static String complex(ScalarType type) {
        return real(type) + "2";
    }

    /** The constructor macro of the complex type. */
    static String makeComplex(ScalarType type) {
        return type == ScalarType.FLOAT32 ? "JGA_FLOAT2" : "JGA_DOUBLE2";
    }

    /**
     * A math function's name for a real type: CUDA spells the float versions with an {@code f}
     * suffix ({@code logf}), OpenCL overloads one name.
     */
    static String fn(Dialect dialect, ScalarType type, String name) {
        requireReal(type);
        return dialect == Dialect.CUDA && type == ScalarType.FLOAT32 ? name + "f" : name;
    }

    /** A floating literal of the type, {@code 1.50000000e+00f} or {@code 1.5000000000000000e+00}: round-trips exactly. */
    static String literal(ScalarType type, double value) {
        requireReal(type);
        if (type == ScalarType.FLOAT32) {
            return String.format(Locale.ROOT, "%.9e", (float) value) + "f";
        }
        return String.format(Locale.ROOT, "%.17e", value);
    }

    static void requireReal(ScalarType type) {
        if (type != ScalarType.FLOAT32 && type != ScalarType.FLOAT64) {
            throw new IllegalArgumentException("library kernels take float32 or float64, got " + type.numpyName());
        }
    }
}
