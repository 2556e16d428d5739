package org.jgpuarray.cuda.cufft;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.jgpuarray.DType;
import org.jgpuarray.GPUArray;
import org.jgpuarray.GpuContext;
import org.jgpuarray.cuda.fake.Dft;
import org.jgpuarray.cuda.internal.cufft.CufftKernels;
import org.jgpuarray.internal.BackendRegistry;
import org.jgpuarray.kernels.ElementwiseSpec;
import org.jgpuarray.kernels.ScalarType;
import org.jgpuarray.spi.BackendDevice;
import org.jgpuarray.spi.CompiledElementwise;
import org.jgpuarray.spi.DeviceBuffer;
import org.jgpuarray.spi.HostArray;
import org.junit.jupiter.api.Test;

/**
 * The kernels the cuFFT provider launches, run on the CPU backend: the scale kernel scales, and the
 * Hermitian symmetrization turns any half spectrum into one that cuFFT's complex-to-real transform
 * handles as defined, without changing what NumPy's {@code irfft} / {@code irfft2} make of it (they drop
 * the imaginary parts of the zero and Nyquist columns after the other axis is transformed).
 */
class CufftKernelsTest {
    /**
     * NumPy's semantics need no Hermitian input; cuFFT's C2R algorithms do. The symmetrized spectrum is
     * Hermitian where C2R looks for it, and NumPy's inverse of it is unchanged.
     */
    @Test
    void symmetrizedHalfSpectraAreHermitianWithNumpysInverseKept() {
        int[][] shapes = {{1, 6}, {1, 7}, {4, 6}, {3, 5}, {5, 2}, {2, 8}};
        Random r = new Random(3);
        try (BackendDevice cpu = BackendRegistry.find("cpu").open(0)) {
            CompiledElementwise kernel = cpu.compile(CufftKernels.hermitianSpec(ScalarType.FLOAT64));
            for (int[] shape : shapes) {
                int n0 = shape[0];
                int n1 = shape[1];
                int half1 = n1 / 2 + 1;
                int batch = 2;
                double[] half = new double[2 * batch * n0 * half1];
                for (int i = 0; i < half.length; i++) {
                    half[i] = r.nextDouble() * 2 - 1;
                }
                int columns = n1 % 2 == 0 ? 2 : 1;
                DeviceBuffer z = cpu.allocate(ScalarType.FLOAT64, half.length);
                cpu.copyFromHost(HostArray.of(half), 0, z, 0, half.length);
                kernel.launch((long) batch * (n0 / 2 + 1) * columns,
                        new Object[] {z, (long) n0, (long) half1, (long) (n1 / 2), columns});
                double[] symmetrized = new double[half.length];
                cpu.copyToHost(z, 0, HostArray.of(symmetrized), 0, half.length);
                z.release();
                String what = n0 + "x" + n1;
                assertHermitianColumns(half, symmetrized, batch, n0, n1, what);
                double[] expected = Dft.numpyInverseReal(half, batch, n0, n1);
                double[] got = Dft.numpyInverseReal(symmetrized, batch, n0, n1);
                for (int i = 0; i < expected.length; i++) {
                    assertEquals(expected[i], got[i], 1e-12, what + ": NumPy's result is kept, element " + i);
                }
            }
        }
    }

    @Test
    void scaleMultipliesEveryRealNumber() {
        ElementwiseSpec spec = CufftKernels.scaleSpec(ScalarType.FLOAT32);
        try (GpuContext ctx = GpuContext.create("cpu"); GPUArray x = ctx.toGpu(new float[] {1, -2, 4, 8})) {
            ctx.elementwiseKernel(spec.arguments().toString(), spec.operation(), spec.name()).call(x, 0.25f);
            assertEquals(java.util.List.of(0.25f, -0.5f, 1f, 2f), java.util.List.of(box(x.toFloatArray())));
        }
    }

    /**
     * Columns 0 and (for even n1) n1 / 2 are Hermitian along the first axis, {@code X[k0] = conj(X[-k0])},
     * as any C2R transform assumes; the other columns are untouched.
     */
    private static void assertHermitianColumns(double[] before, double[] after, int batch, int n0, int n1, String what) {
        int half1 = n1 / 2 + 1;
        for (int s = 0; s < batch; s++) {
            for (int k0 = 0; k0 < n0; k0++) {
                for (int c = 0; c < half1; c++) {
                    int at = 2 * ((s * n0 + k0) * half1 + c);
                    if (c == 0 || (n1 % 2 == 0 && c == n1 / 2)) {
                        int mirror = 2 * ((s * n0 + (n0 - k0) % n0) * half1 + c);
                        assertEquals(after[mirror], after[at], 1e-15, what + " real part, row " + k0 + " column " + c);
                        assertEquals(-after[mirror + 1], after[at + 1], 1e-15, what + " imaginary part, row " + k0);
                    } else {
                        assertEquals(before[at], after[at], 0, what + " untouched, row " + k0 + " column " + c);
                        assertEquals(before[at + 1], after[at + 1], 0, what + " untouched, row " + k0 + " column " + c);
                    }
                }
            }
        }
    }

    private static Float[] box(float[] f) {
        Float[] b = new Float[f.length];
        for (int i = 0; i < f.length; i++) {
            b[i] = f[i];
        }
        return b;
    }
}
