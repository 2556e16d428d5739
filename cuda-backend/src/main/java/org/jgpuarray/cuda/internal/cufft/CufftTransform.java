package org.jgpuarray.cuda.internal.cufft;

import com.sun.jna.Pointer;
import org.jgpuarray.kernels.ScalarType;
import org.jgpuarray.spi.FftKind;
import org.jgpuarray.spi.FftShape;

/** cuFFT's six transform types ({@code cufftType}) with their exec functions and layouts. */
enum CufftTransform {
    /** Complex64 to complex64. */
    C2C(0x29, "cufftExecC2C"),
    /** Complex128 to complex128. */
    Z2Z(0x69, "cufftExecZ2Z"),
    /** Float32 to the complex64 half spectrum. */
    R2C(0x2a, "cufftExecR2C"),
    /** Float64 to the complex128 half spectrum. */
    D2Z(0x6a, "cufftExecD2Z"),
    /** The complex64 half spectrum to float32. */
    C2R(0x2c, "cufftExecC2R"),
    /** The complex128 half spectrum to float64. */
    Z2D(0x6c, "cufftExecZ2D");

    /** {@code CUFFT_FORWARD}. */
    static final int FORWARD = -1;
    /** {@code CUFFT_INVERSE}. */
    static final int INVERSE = 1;

    private final int code;
    private final String exec;

    CufftTransform(int code, String exec) {
        this.code = code;
        this.exec = exec;
    }

    /** The transform of a shape's kind and precision. */
    static CufftTransform of(FftKind kind, ScalarType precision) {
        boolean single = precision == ScalarType.FLOAT32;
        return switch (kind) {
            case COMPLEX -> single ? C2C : Z2Z;
            case REAL_TO_COMPLEX -> single ? R2C : D2Z;
            case COMPLEX_TO_REAL -> single ? C2R : Z2D;
        };
    }

    /** The {@code cufftType} value. */
    int code() {
        return code;
    }

    /** The exec function's name. */
    String exec() {
        return exec;
    }

    /** Values (complex or real) per input signal: the distance between signals in the input. */
    long inputDistance(FftShape shape) {
        return isComplexToReal() ? shape.halfSpectrumSize() : shape.signalSize();
    }

    /** Values per output signal. */
    long outputDistance(FftShape shape) {
        return isRealToComplex() ? shape.halfSpectrumSize() : shape.signalSize();
    }

    /** Real numbers the output holds in all: what a scale factor multiplies. */
    long outputReals(FftShape shape) {
        return outputDistance(shape) * shape.batch() * (isComplexToReal() ? 1 : 2);
    }

    /** Whether the exponent's sign is fixed: forward for real-to-complex, inverse for complex-to-real. */
    boolean allows(boolean inverse) {
        return isRealToComplex() ? !inverse : !isComplexToReal() || inverse;
    }

    /** Runs the exec function; returns cuFFT's status. */
    int execute(CufftLibrary lib, int plan, Pointer in, Pointer out, boolean inverse) {
        int direction = inverse ? INVERSE : FORWARD;
        return switch (this) {
            case C2C -> lib.cufftExecC2C(plan, in, out, direction);
            case Z2Z -> lib.cufftExecZ2Z(plan, in, out, direction);
            case R2C -> lib.cufftExecR2C(plan, in, out);
            case D2Z -> lib.cufftExecD2Z(plan, in, out);
            case C2R -> lib.cufftExecC2R(plan, in, out);
            case Z2D -> lib.cufftExecZ2D(plan, in, out);
        };
    }

    private boolean isRealToComplex() {
        return this == R2C || this == D2Z;
    }

    /** C2R or Z2D. */
    boolean isComplexToReal() {
        return this == C2R || this == Z2D;
    }
}
