/**
 * The CPU backend's libraries in plain Java: a blocked, multi-threaded GEMM whose micro-kernel HotSpot
 * vectorizes (float32, float64, int32 and int64, batched), BLAS levels 1 and 2, the Philox4x32-10
 * stream, and FFTs through JTransforms. They operate on the Java arrays behind CPU buffers and are
 * reached through
 * {@link org.jgpuarray.cpu.lib.CpuLibraries}; not API. All of them, and the backend's kernels, run on
 * the one pool of {@link org.jgpuarray.cpu.lib.CpuWorkers}.
 *
 * <p><b>Precision twins.</b> The float64 classes ({@code DoubleGemm}, {@code DoubleFftPlan},
 * {@code DoubleVectorOps}) are written by hand; their float32 twins ({@code FloatGemm}, ...) are
 * generated from them by {@code PrecisionGenerator} (in the test sources), as EJML does, and never
 * edited. The generator rewrites {@code double} to {@code float}, {@code Double} to {@code Float}
 * (so {@code DoubleGemm} becomes {@code FloatGemm}), float64/complex128 to float32/complex64 and
 * double-precision to single-precision, comments included. {@code DoubleGemm} also has integer twins,
 * {@code LongGemm} and {@code IntGemm} (double to long or int, float64 to int64 or int32), for the
 * matrix products of integer arrays. Two conventions in the float64 source steer it:
 * <ul>
 *   <li>a type written {@code /}{@code **}{@code /double} (and likewise {@code /}{@code **}{@code /Double})
 *       is kept: accumulators that stay 64-bit for accuracy, and the {@code double alpha, beta, scale}
 *       of the provider interfaces;</li>
 *   <li>a cast that is a no-op in float64, such as {@code (double) scale}, becomes the narrowing
 *       {@code (float) scale} in float32.</li>
 * </ul>
 * After editing a float64 class, regenerate with
 * {@code mvn -B -pl gpuarray -am test -Dtest=GeneratedPrecisionIsUpToDateTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Djgpuarray.updateGenerated=true}; that test fails while a
 * twin is stale.
 */
package org.jgpuarray.cpu.lib;
