"""CuPy peer of CudaLibraryReport: GEMM and FFTs of the same sizes on the same GPU, timed with CUDA events.

Run on the GPU machine: PYTHONUNBUFFERED=1 python3 cuda-backend/src/test/python/cupy_library_peer.py
Prints the median GPU time of cupy.matmul (4096^3, float32 and float64; TF32 off, as CuPy's default) and
of cupy.fft (complex64: 1-D 2^24, 1024 batches of 4096, 2-D 4096 x 4096), counting as CudaLibraryReport.
"""
import sys

try:
    import cupy as cp
    from cupyx.profiler import benchmark
except ImportError as e:  # no CuPy: say so and stop
    print("no CuPy:", e)
    sys.exit(0)

RUNS = 20
N = 4096


def median_ms(fn):
    result = benchmark(fn, n_repeat=RUNS, n_warmup=3)
    return float(cp.asnumpy(cp.median(cp.asarray(result.gpu_times)))) * 1e3


rng = cp.random.default_rng(1)
print(f"cupy {cp.__version__}, CUDA runtime {cp.cuda.runtime.runtimeGetVersion()}, "
      f"device {cp.cuda.runtime.getDeviceProperties(0)['name'].decode()}")
for dtype in (cp.float32, cp.float64):
    a = (rng.random((N, N)) - 0.5).astype(dtype)
    b = (rng.random((N, N)) - 0.5).astype(dtype)
    ms = median_ms(lambda: cp.matmul(a, b))
    print(f"cupy matmul {cp.dtype(dtype).name} {N}^3: {ms:.3f} ms, {2 * N ** 3 / ms / 1e9:.1f} TFLOP/s")
for what, shape, two_d in (("1-D 2^24", (1 << 24,), False), ("1024 x 1-D 4096", (1024, 4096), False),
                           ("2-D 4096 x 4096", (4096, 4096), True)):
    x = (rng.random(shape) - 0.5 + 1j * (rng.random(shape) - 0.5)).astype(cp.complex64)
    ms = median_ms(lambda: cp.fft.fft2(x) if two_d else cp.fft.fft(x))
    count = x.size
    print(f"cupy fft complex64 {what}: {ms:.3f} ms, {16 * count / ms / 1e6:.0f} GB/s counting one read and one write")
